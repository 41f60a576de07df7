import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authenticate, authorize } from '../accounts';
import { hasPermission } from '../accounts/contract';
import { addDays, todayInMexicoCity } from '../../shared/dates';
import { forbidden, notFound } from '../platform/errors';
import { sendDownload } from '../platform/http/files';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { IdParamsSchema } from '../../shared/ids';
import { addBusinessDays } from '../platform/calendar/business-days';
import { workCalendarOf } from '../platform/calendar/repository';
import { addObligation } from './add-obligation';
import { answerOccurrence } from './answer-occurrence';
import { assignObligationArea } from './assign-obligation-area';
import { folioObligations, myOccurrences } from './folio-obligations';
import {
  AnswerOccurrenceInputSchema,
  MyOccurrenceSchema,
  MyOccurrencesQuerySchema,
  ObligationAreaInputSchema,
  ObligationSchema,
  OccurrenceStatusSchema,
  ReturnOccurrenceInputSchema,
  ReviewOccurrenceInputSchema,
} from './occurrence-contract';
import { reviewOccurrence } from './review-occurrence';
import { changeFolioStatus } from './change-folio-status';
import { exportFolios } from './export-folios';
import {
  ChangeFolioStatusInputSchema,
  ObligationInputSchema,
  CommunicationSummarySchema,
  CounterpartsSchema,
  FolioDetailSchema,
  FolioListQuerySchema,
  FolioPageSchema,
  FolioStatusSchema,
  MonthlyStatusQuerySchema,
  MonthlyStatusTableSchema,
  RegisterFolioInputSchema,
  SendCommunicationInputSchema,
} from './contract';
import { monthlyStatusTable } from './monthly-status-table';
import { registerReceivedFolio } from './register-received-folio';
import * as repo from './repository';
import { sendCommunication } from './send-communication';

const tags = ['Canal INE–OPLE'];
/** A folio is "due soon" when its due date falls within this many business days. */
const DUE_SOON_BUSINESS_DAYS = 3;

export const channelRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;

  async function window(orgId: string) {
    const today = todayInMexicoCity();
    const cal = await workCalendarOf(db, orgId);
    return { today, soonLimit: addBusinessDays(cal, addDays(today, -1), DUE_SOON_BUSINESS_DAYS + 1) };
  }

  api.get(
    '/api/channel/folios',
    {
      schema: {
        tags,
        summary: 'Folios del canal: búsqueda de texto completo y filtros',
        querystring: FolioListQuerySchema,
        response: responses({ 200: FolioPageSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const today = todayInMexicoCity();
      // The calendar is read only when a folio of the page may be due soon.
      return repo.listFolios(
        db,
        actor.organization,
        req.query,
        today,
        async () => (await window(actor.organizationId)).soonLimit,
      );
    },
  );

  api.get(
    '/api/channel/folios/:id',
    {
      schema: {
        tags,
        summary: 'Un folio con su historial y mensajes',
        params: IdParamsSchema,
        response: responses({ 200: FolioDetailSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const row = await repo.findFolioRow(db, actor.organizationId, req.params.id);
      if (!row) throw notFound();
      const { today, soonLimit } = await window(actor.organizationId);
      const [history, messages, areas] = await Promise.all([
        repo.folioHistory(db, row.id),
        repo.folioMessages(db, row.id),
        repo.areasOfFolios(db, actor.organizationId, [row.id]),
      ]);
      return {
        ...repo.presentFolio(row, today, soonLimit, areas.get(row.id)),
        body: row.body,
        dueRule: row.dueRule,
        history,
        messages,
      };
    },
  );

  api.post(
    '/api/channel/communications',
    {
      schema: {
        tags,
        summary: 'Enviar una comunicación por el canal (INE a organismos locales, u organismo local al INE)',
        body: SendCommunicationInputSchema,
        response: responses({
          201: z.object({ communicationId: z.uuid(), folio: z.string(), folioIds: z.array(z.uuid()) }),
        }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return reply.status(201).send(await sendCommunication(db, actor, req.body));
    },
  );

  api.get(
    '/api/channel/communications/:id/summary',
    {
      schema: {
        tags,
        summary: 'Situación por destinatario de una comunicación enviada (p. ej. 28 de 32 atendidos)',
        params: IdParamsSchema,
        response: responses({ 200: CommunicationSummarySchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const summary = await repo.communicationSummary(db, actor.organizationId, req.params.id);
      if (!summary) throw notFound();
      return summary;
    },
  );

  api.post(
    '/api/channel/folios',
    {
      schema: {
        tags,
        summary: 'Registrar un folio recibido de un sistema externo, con su número',
        body: RegisterFolioInputSchema,
        response: responses({ 201: z.object({ folioId: z.uuid() }) }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return reply.status(201).send(await registerReceivedFolio(db, actor, req.body));
    },
  );

  api.post(
    '/api/channel/folios/:id/events',
    {
      schema: {
        tags,
        summary: 'Atender, acusar, concluir, devolver o cancelar un folio',
        params: IdParamsSchema,
        body: ChangeFolioStatusInputSchema,
        response: responses({ 200: z.object({ status: FolioStatusSchema }) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return changeFolioStatus(db, actor, req.params.id, req.body);
    },
  );

  api.get(
    '/api/channel/statistics/monthly',
    {
      schema: {
        tags,
        summary: 'Folios recibidos por mes, por estatus a una fecha (tablas del anexo del informe)',
        querystring: MonthlyStatusQuerySchema,
        response: responses({ 200: MonthlyStatusTableSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      return monthlyStatusTable(db, actor.organizationId, req.query);
    },
  );

  api.get(
    '/api/channel/counterparts',
    {
      schema: {
        tags,
        summary: 'Autoridad nacional y organismos locales que operan en esta instalación',
        response: responses({ 200: CounterpartsSchema }),
      },
    },
    async (req) => {
      await authorize(ctx, req, 'channel.read');
      const [national, localBodies] = await Promise.all([repo.nationalAuthority(db), repo.localBodies(db)]);
      return {
        national: national ?? null,
        localBodies: localBodies.sort((x, y) => x.name.localeCompare(y.name, 'es')),
      };
    },
  );

  api.get(
    '/api/channel/folios/export',
    {
      schema: {
        tags,
        summary: 'Exportar a CSV o XLSX la lista filtrada de folios',
        querystring: FolioListQuerySchema.omit({ page: true, pageSize: true }).extend({
          format: z.enum(['csv', 'xlsx']).default('csv'),
        }),
        response: responses({ 200: z.any() }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const { format, ...filters } = req.query;
      const file = await exportFolios(db, actor, filters, format, await window(actor.organizationId));
      return sendDownload(reply, file);
    },
  );

  api.get(
    '/api/channel/folios/:id/obligations',
    {
      schema: {
        tags,
        summary:
          'Obligaciones periódicas de un folio, con cada mes: vencimiento, área, respuesta, archivos y estatus',
        params: IdParamsSchema,
        response: responses({ 200: z.array(ObligationSchema) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      return folioObligations(db, actor, req.params.id);
    },
  );

  api.post(
    '/api/channel/folios/:id/obligations',
    {
      schema: {
        tags,
        summary: 'Registrar una obligación periódica (p. ej. informe mensual) en un folio',
        params: IdParamsSchema,
        body: ObligationInputSchema,
        response: responses({ 201: z.object({ id: z.uuid() }) }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return reply.status(201).send({ id: await addObligation(db, actor, req.params.id, req.body) });
    },
  );

  api.put(
    '/api/channel/obligations/:id/area',
    {
      schema: {
        tags,
        summary:
          'Designar el área que responde cada mes de una obligación periódica (o el personal de enlace)',
        params: IdParamsSchema,
        body: ObligationAreaInputSchema,
        response: responses({ 200: z.object({ areaId: z.uuid().nullable() }) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.write');
      return assignObligationArea(db, actor, req.params.id, req.body.areaId);
    },
  );

  /** Answering a month: liaison staff (channel.write) or staff of the obligation's area (channel.answer). */
  async function occurrenceActor(req: FastifyRequest) {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    if (
      !(['channel.read', 'channel.write', 'channel.answer'] as const).some((p) =>
        hasPermission(actor.roles, p),
      )
    ) {
      throw forbidden();
    }
    return actor;
  }

  api.post(
    '/api/channel/occurrences/:id/answer',
    {
      schema: {
        tags,
        summary: 'Responder el informe de un mes de una obligación periódica (también un mes devuelto)',
        description:
          'Lo responde el organismo local: su personal de enlace o el área que atiende la obligación. Los archivos se adjuntan antes en /attachments.',
        params: IdParamsSchema,
        body: AnswerOccurrenceInputSchema,
        response: responses({ 200: z.object({ status: OccurrenceStatusSchema }) }),
      },
    },
    async (req) => answerOccurrence(db, await occurrenceActor(req), req.params.id, req.body),
  );

  api.post(
    '/api/channel/occurrences/:id/accept',
    {
      schema: {
        tags,
        summary: 'Aceptar la respuesta de un mes (el INE, que envió el folio)',
        params: IdParamsSchema,
        body: ReviewOccurrenceInputSchema,
        response: responses({ 200: z.object({ status: OccurrenceStatusSchema }) }),
      },
    },
    async (req) =>
      reviewOccurrence(db, await occurrenceActor(req), req.params.id, {
        decision: 'accept',
        on: req.body.on,
      }),
  );

  api.post(
    '/api/channel/occurrences/:id/return',
    {
      schema: {
        tags,
        summary:
          'Devolver la respuesta de un mes con el motivo (el INE); el organismo local la responde de nuevo',
        params: IdParamsSchema,
        body: ReturnOccurrenceInputSchema,
        response: responses({ 200: z.object({ status: OccurrenceStatusSchema }) }),
      },
    },
    async (req) =>
      reviewOccurrence(db, await occurrenceActor(req), req.params.id, { decision: 'return', ...req.body }),
  );

  api.get(
    '/api/channel/my-occurrences',
    {
      schema: {
        tags,
        summary: 'Mis turnos: los meses de las obligaciones periódicas que responden mis áreas',
        querystring: MyOccurrencesQuerySchema,
        response: responses({ 200: z.array(MyOccurrenceSchema) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.answer');
      return myOccurrences(db, actor, req.query.state);
    },
  );
};
