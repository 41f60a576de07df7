import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authenticate, authorize, type Actor } from '../accounts';
import { IdParamsSchema } from '../../shared/ids';
import { forbidden, notFound } from '../platform/errors';
import { hasPermission } from '../accounts/contract';
import { readUpload, sendUploadedFile } from '../platform/http/files';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { ApiErrorSchema } from '../../shared/errors';
import { addDays, todayInMexicoCity } from '../../shared/dates';
import { answerRouting } from './answer-routing';
import { attachChannelFile, type AttachmentOwner } from './attach-channel-file';
import { addBusinessDays } from '../platform/calendar/business-days';
import { workCalendarOf } from '../platform/calendar/repository';
import { consolidateFolio } from './consolidate-folio';
import { channelFileToDownload } from './download-channel-file';
import { FolioStatusSchema } from './contract';
import { reassignRouting } from './reassign-routing';
import * as folios from './repository';
import { routeFolio } from './route-folio';
import {
  AnswerRoutingInputSchema,
  AttachmentSchema,
  ConsolidateInputSchema,
  QueuePageSchema,
  QueueQuerySchema,
  ReassignRoutingInputSchema,
  ReturnRoutingInputSchema,
  RouteFolioInputSchema,
  RoutingDetailSchema,
  RoutingSchema,
  RoutingStateSchema,
} from './routing-contract';
import * as repo from './routing-repository';

const tags = ['Canal INE–OPLE: turnos'];
/** Same horizon as the folio lists: due within 3 business days is "due soon". */
const DUE_SOON_BUSINESS_DAYS = 3;
const uploadResponses = { 413: ApiErrorSchema, 415: ApiErrorSchema };

/** Routing (turno), the areas' queues, consolidation and the channel's attachments. */
export const channelRoutingRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;

  async function dueWindow(orgId: string): Promise<repo.DueWindow> {
    const today = todayInMexicoCity();
    const calendar = await workCalendarOf(db, orgId);
    return {
      today,
      calendar,
      soonLimit: addBusinessDays(calendar, addDays(today, -1), DUE_SOON_BUSINESS_DAYS + 1),
    };
  }

  async function withAttachments(rows: repo.RoutingRow[], orgId: string) {
    const w = await dueWindow(orgId);
    const files = await repo.routingAttachments(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      ...repo.presentRouting(r, w),
      attachments: files.filter((f) => f.ownerId === r.id),
    }));
  }

  const upload = (req: FastifyRequest, actor: Actor, owner: AttachmentOwner) =>
    readUpload(req, { what: 'el archivo' }).then((file) =>
      attachChannelFile(db, ctx.config.channel, actor, owner, file),
    );

  // ---- liaison staff

  api.get(
    '/api/channel/folios/:id/routings',
    {
      schema: {
        tags,
        summary: 'Turnos de un folio a las áreas, con sus respuestas y el tiempo en cada área',
        params: IdParamsSchema,
        response: responses({ 200: z.array(RoutingSchema) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const folio = await folios.findFolioRow(db, actor.organizationId, req.params.id);
      if (!folio) throw notFound();
      return withAttachments(
        await repo.routingsOfFolio(db, actor.organizationId, folio.id),
        actor.organizationId,
      );
    },
  );

  api.post(
    '/api/channel/folios/:id/routings',
    {
      schema: {
        tags,
        summary: 'Turnar un folio a un área responsable y a otras para conocimiento',
        params: IdParamsSchema,
        body: RouteFolioInputSchema,
        response: responses({
          201: z.object({ routingIds: z.array(z.uuid()), internalDueOn: z.string().nullable() }),
        }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.route');
      return reply.status(201).send(await routeFolio(db, actor, req.params.id, req.body));
    },
  );

  api.post(
    '/api/channel/routings/:id/reassign',
    {
      schema: {
        tags,
        summary: 'Reasignar un turno abierto a otra área',
        params: IdParamsSchema,
        body: ReassignRoutingInputSchema,
        response: responses({ 201: z.object({ routingId: z.uuid() }) }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.route');
      return reply.status(201).send(await reassignRouting(db, actor, req.params.id, req.body));
    },
  );

  api.post(
    '/api/channel/folios/:id/consolidate',
    {
      schema: {
        tags,
        summary: 'Enviar la respuesta consolidada de las áreas (o el acuse de un folio de conocimiento)',
        params: IdParamsSchema,
        body: ConsolidateInputSchema,
        response: responses({ 200: z.object({ status: FolioStatusSchema, messageId: z.uuid().nullable() }) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return consolidateFolio(db, actor, req.params.id, req.body);
    },
  );

  api.get(
    '/api/channel/folios/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Archivos de la comunicación y de los mensajes de un folio',
        params: IdParamsSchema,
        response: responses({ 200: z.array(AttachmentSchema) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const folio = await folios.findFolioRow(db, actor.organizationId, req.params.id);
      if (!folio) throw notFound();
      return repo.folioSharedAttachments(db, folio);
    },
  );

  api.post(
    '/api/channel/communications/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Adjuntar un archivo a una comunicación enviada o registrada',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { ...responses({ 201: AttachmentSchema }), ...uploadResponses },
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return reply.status(201).send(await upload(req, actor, { kind: 'communication', id: req.params.id }));
    },
  );

  api.post(
    '/api/channel/messages/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Adjuntar un archivo a una respuesta enviada por su organización',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { ...responses({ 201: AttachmentSchema }), ...uploadResponses },
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return reply.status(201).send(await upload(req, actor, { kind: 'message', id: req.params.id }));
    },
  );

  // ---- area staff: their queue

  api.get(
    '/api/channel/my-routings',
    {
      schema: {
        tags,
        summary: 'Mis turnos: los folios turnados a mis áreas',
        querystring: QueueQuerySchema,
        response: responses({ 200: QueuePageSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.answer');
      const w = await dueWindow(actor.organizationId);
      const { rows, total } = await repo.areaQueue(db, actor.organizationId, actor.areaIds, req.query);
      return {
        items: rows.map((r) => ({
          ...repo.presentRouting(r.routing, w),
          folioSummary: repo.presentFolioSummary(r.folio, w),
        })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  api.get(
    '/api/channel/my-routings/:id',
    {
      schema: {
        tags,
        summary: 'Un turno de mis áreas, con el folio y sus archivos',
        params: IdParamsSchema,
        response: responses({ 200: RoutingDetailSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.answer');
      const slip = await repo.findRouting(db, actor.organizationId, req.params.id, actor.areaIds);
      if (!slip) throw notFound();
      const w = await dueWindow(actor.organizationId);
      const folio = (await repo.folioSummary(db, slip.folioId))!;
      const [[routing], folioAttachments] = await Promise.all([
        withAttachments([slip], actor.organizationId),
        repo.folioSharedAttachments(db, folio),
      ]);
      return {
        ...routing!,
        folioSummary: { ...repo.presentFolioSummary(folio, w), body: folio.body },
        folioAttachments,
      };
    },
  );

  api.post(
    '/api/channel/my-routings/:id/answer',
    {
      schema: {
        tags,
        summary: 'Responder un turno de mi área',
        params: IdParamsSchema,
        body: AnswerRoutingInputSchema,
        response: responses({ 200: z.object({ state: RoutingStateSchema }) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.answer');
      return answerRouting(db, actor, req.params.id, { kind: 'answer', text: req.body.text });
    },
  );

  api.post(
    '/api/channel/my-routings/:id/return',
    {
      schema: {
        tags,
        summary: 'Devolver un turno de mi área, con el motivo',
        params: IdParamsSchema,
        body: ReturnRoutingInputSchema,
        response: responses({ 200: z.object({ state: RoutingStateSchema }) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.answer');
      return answerRouting(db, actor, req.params.id, { kind: 'return', reason: req.body.reason });
    },
  );

  api.post(
    '/api/channel/my-routings/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Adjuntar un archivo a la respuesta de un turno abierto de mi área',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { ...responses({ 201: AttachmentSchema }), ...uploadResponses },
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.answer');
      return reply.status(201).send(await upload(req, actor, { kind: 'routing', id: req.params.id }));
    },
  );

  api.post(
    '/api/channel/occurrences/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Adjuntar un archivo a la respuesta de un mes de una obligación periódica, antes de enviarla',
        description:
          'Archivo en el campo multipart "file". Quien puede responder el mes, mientras está pendiente o devuelto.',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { ...responses({ 201: AttachmentSchema }), ...uploadResponses },
      },
    },
    async (req, reply) => {
      const actor = await authenticate(ctx, req);
      if (actor.operator) throw notFound();
      if (!hasPermission(actor.roles, 'channel.write') && !hasPermission(actor.roles, 'channel.answer')) {
        throw forbidden();
      }
      return reply.status(201).send(await upload(req, actor, { kind: 'occurrence', id: req.params.id }));
    },
  );

  // ---- download, for whoever may see the folio

  api.get(
    '/api/channel/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Descargar un archivo del canal (solo quien puede ver el folio)',
        params: IdParamsSchema,
        response: responses({ 200: z.any() }),
      },
    },
    async (req, reply) => {
      const actor = await authenticate(ctx, req);
      const { file, stored } = await channelFileToDownload(db, actor, req.params.id);
      return sendUploadedFile(reply, { body: stored.content, filename: file.filename });
    },
  );
};
