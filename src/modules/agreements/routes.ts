import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayInMexicoCity } from '../../shared/dates';
import { ApiErrorSchema } from '../../shared/errors';
import { auditActor, authorize } from '../accounts';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload, sendUploadedFile } from '../platform/http/files';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { addCommitment, addCommitmentUpdate } from './add-commitment';
import { addInstrumentFile } from './add-instrument-file';
import { changeInstrumentStatus } from './change-instrument-status';
import {
  AccompanimentInputSchema,
  AccompanimentListSchema,
  AccompanimentSchema,
  AgreementSettingsInputSchema,
  AgreementSettingsSchema,
  AlertQuerySchema,
  CommitmentInputSchema,
  CommitmentSchema,
  CommitmentUpdateInputSchema,
  DecisionInputSchema,
  DecisionParamsSchema,
  DueAlertListSchema,
  FileParamsSchema,
  FileUploadQuerySchema,
  IdParamsSchema,
  InstrumentDetailSchema,
  InstrumentExportQuerySchema,
  InstrumentFileSchema,
  InstrumentInputSchema,
  InstrumentListQuerySchema,
  InstrumentPageSchema,
  InstrumentPatchSchema,
  InstrumentSchema,
  InstrumentTypeInputSchema,
  InstrumentTypeSchema,
  OpinionDraftSchema,
  OpinionInputSchema,
  OpinionIssueSchema,
  OpinionListQuerySchema,
  OpinionPageSchema,
  OpinionSchema,
  PeriodQuerySchema,
  RenewalInputSchema,
  ReportTablesQuerySchema,
  ReportTablesSchema,
  ReviewDetailSchema,
  ReviewInputSchema,
  ReviewListSchema,
  ReviewSchema,
  SentAlertPageSchema,
  SentAlertQuerySchema,
  StatusChangeInputSchema,
} from './contract';
import { createInstrument } from './create-instrument';
import { createInstrumentType } from './create-instrument-type';
import { createReview } from './create-review';
import { draftOpinion } from './draft-opinion';
import { exportInstruments } from './export-instruments';
import { issueOpinion } from './issue-opinion';
import { listDueAlerts, nextAlertOf } from './list-due-alerts';
import { listReportTables } from './list-report-tables';
import { recordAccompaniment } from './record-accompaniment';
import { recordReviewDecision } from './record-review-decision';
import { renewInstrument } from './renew-instrument';
import * as repo from './repository';
import { requestOpinion } from './request-opinion';
import { updateAgreementSettings } from './update-agreement-settings';
import { updateInstrument } from './update-instrument';

const tags = ['Convenios'];
const fileResponse = z.string().describe('El archivo');

export const agreementsRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: FastifyRequest) => (await authorize(ctx, req, 'agreements.read')).organizationId;
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'agreements.write'));
  const admin = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'agreements.admin'));

  // ---- types and settings
  api.get(
    '/api/instrument-types',
    {
      schema: {
        tags,
        summary: 'Tipos de instrumento',
        response: responses({ 200: z.array(InstrumentTypeSchema) }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      await repo.ensureDefaultTypes(db, orgId);
      return repo.listTypes(db, orgId);
    },
  );
  api.post(
    '/api/instrument-types',
    {
      schema: {
        tags,
        summary: 'Agregar un tipo de instrumento',
        body: InstrumentTypeInputSchema,
        response: responses({ 201: InstrumentTypeSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createInstrumentType(db, await admin(req), req.body)),
  );
  api.get(
    '/api/agreement-settings',
    {
      schema: {
        tags,
        summary: 'Prefijo de opiniones y alertas',
        response: responses({ 200: AgreementSettingsSchema }),
      },
    },
    async (req) => repo.getSettings(db, await reader(req)),
  );
  api.put(
    '/api/agreement-settings',
    {
      schema: {
        tags,
        summary: 'Cambiar el prefijo de opiniones y las alertas',
        body: AgreementSettingsInputSchema,
        response: responses({ 200: AgreementSettingsSchema }),
      },
    },
    async (req) => updateAgreementSettings(db, await admin(req), req.body),
  );

  // ---- instruments
  api.get(
    '/api/instruments',
    {
      schema: {
        tags,
        summary: 'Buscar instrumentos',
        querystring: InstrumentListQuerySchema,
        response: responses({ 200: InstrumentPageSchema }),
      },
    },
    async (req) => repo.listInstruments(db, await reader(req), req.query, todayInMexicoCity()),
  );
  api.get(
    '/api/instruments/export',
    {
      schema: {
        tags,
        summary: 'Exportar instrumentos (CSV o XLSX)',
        querystring: InstrumentExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'agreements.export');
      const { format, ...filters } = req.query;
      const file = await exportInstruments(
        db,
        { ...auditActor(actor), organizationAcronym: actor.organization.acronym },
        filters,
        format,
      );
      return sendDownload(reply, file);
    },
  );
  api.get(
    '/api/instruments/:id',
    {
      schema: {
        tags,
        summary: 'Un instrumento con su cadena, derivados, historial, compromisos y archivos',
        params: IdParamsSchema,
        response: responses({ 200: InstrumentDetailSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      const found = await repo.findInstrument(db, orgId, req.params.id);
      if (!found) throw notFound();
      const tree = await repo.loadTree(db, orgId);
      return {
        ...found,
        ...(await repo.instrumentDetailParts(db, orgId, found.id, tree)),
        nextAlertOn: await nextAlertOf(db, orgId, found, todayInMexicoCity()),
      };
    },
  );
  api.post(
    '/api/instruments',
    {
      schema: {
        tags,
        summary: 'Registrar un instrumento',
        body: InstrumentInputSchema,
        response: responses({ 201: InstrumentSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createInstrument(db, await writer(req), req.body)),
  );
  api.patch(
    '/api/instruments/:id',
    {
      schema: {
        tags,
        summary: 'Modificar un instrumento',
        params: IdParamsSchema,
        body: InstrumentPatchSchema,
        response: responses({ 200: InstrumentSchema }),
      },
    },
    async (req) => updateInstrument(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/instruments/:id/status',
    {
      schema: {
        tags,
        summary: 'Cambiar el estado de un instrumento',
        params: IdParamsSchema,
        body: StatusChangeInputSchema,
        response: responses({ 200: InstrumentSchema }),
      },
    },
    async (req) => changeInstrumentStatus(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/instruments/:id/renewals',
    {
      schema: {
        tags,
        summary: 'Renovar o ampliar la vigencia',
        params: IdParamsSchema,
        body: RenewalInputSchema,
        response: responses({ 200: InstrumentSchema }),
      },
    },
    async (req) => renewInstrument(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/instruments/:id/files',
    {
      schema: {
        tags,
        summary: 'Adjuntar el documento firmado o un anexo',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        querystring: FileUploadQuerySchema,
        response: { ...responses({ 201: InstrumentFileSchema }), 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (req, reply) => {
      const actor = await writer(req);
      const { data: content, filename, mediaType } = await readUpload(req, { what: 'el documento' });
      const file = { content, filename, mediaType };
      return reply
        .status(201)
        .send(await addInstrumentFile(db, actor, req.params.id, { ...file, kind: req.query.kind }));
    },
  );
  api.get(
    '/api/instruments/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Descargar un archivo del instrumento',
        params: FileParamsSchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const found = await repo.findFileContent(db, await reader(req), req.params.id, req.params.fileId);
      if (!found) throw notFound();
      return sendUploadedFile(reply, { filename: found.filename, body: found.content });
    },
  );
  api.post(
    '/api/instruments/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Registrar un compromiso',
        params: IdParamsSchema,
        body: CommitmentInputSchema,
        response: responses({ 201: CommitmentSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addCommitment(db, await writer(req), req.params.id, req.body)),
  );
  api.post(
    '/api/commitments/:id/updates',
    {
      schema: {
        tags,
        summary: 'Registrar el seguimiento de un compromiso',
        params: IdParamsSchema,
        body: CommitmentUpdateInputSchema,
        response: responses({ 201: CommitmentSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addCommitmentUpdate(db, await writer(req), req.params.id, req.body)),
  );
  api.get(
    '/api/instrument-alerts',
    {
      schema: {
        tags,
        summary: 'Alertas de vencimiento que corresponden a un día',
        querystring: AlertQuerySchema,
        response: responses({ 200: DueAlertListSchema }),
      },
    },
    async (req) => listDueAlerts(db, await reader(req), req.query.on ?? todayInMexicoCity()),
  );
  api.get(
    '/api/instrument-alerts/sent',
    {
      schema: {
        tags,
        summary: 'Alertas de vencimiento enviadas (bitácora), de la más reciente a la más antigua',
        querystring: SentAlertQuerySchema,
        response: responses({ 200: SentAlertPageSchema }),
      },
    },
    async (req) => repo.listSentAlerts(db, await reader(req), req.query),
  );

  api.get(
    '/api/agreements/report-tables',
    {
      schema: {
        tags,
        summary: 'Tablas del informe trimestral: instrumentos suscritos, en negociación y opiniones emitidas',
        querystring: ReportTablesQuerySchema,
        response: responses({ 200: ReportTablesSchema }),
      },
    },
    async (req) => listReportTables(db, await reader(req), req.query.from, req.query.to),
  );

  // ---- reviews
  api.get(
    '/api/reviews',
    { schema: { tags, summary: 'Revisiones periódicas', response: responses({ 200: ReviewListSchema }) } },
    async (req) => ({ items: await repo.listReviews(db, await reader(req)) }),
  );
  api.post(
    '/api/reviews',
    {
      schema: {
        tags,
        summary: 'Abrir una revisión',
        body: ReviewInputSchema,
        response: responses({ 201: ReviewSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createReview(db, await writer(req), req.body)),
  );
  api.get(
    '/api/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Una revisión con los instrumentos que recorre',
        params: IdParamsSchema,
        response: responses({ 200: ReviewDetailSchema }),
      },
    },
    async (req) => {
      const found = await repo.reviewDetail(db, await reader(req), req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.put(
    '/api/reviews/:id/decisions/:instrumentId',
    {
      schema: {
        tags,
        summary: 'Registrar la decisión sobre un instrumento (mantener, renegociar, concluir)',
        params: DecisionParamsSchema,
        body: DecisionInputSchema,
        response: responses({ 200: ReviewSchema }),
      },
    },
    async (req) =>
      recordReviewDecision(db, await writer(req), req.params.id, req.params.instrumentId, req.body),
  );

  // ---- opinions of pertinence
  api.get(
    '/api/opinions',
    {
      schema: {
        tags,
        summary: 'Opiniones de pertinencia',
        querystring: OpinionListQuerySchema,
        response: responses({ 200: OpinionPageSchema }),
      },
    },
    async (req) => repo.listOpinions(db, await reader(req), req.query),
  );
  api.get(
    '/api/opinions/:id',
    {
      schema: {
        tags,
        summary: 'Una opinión de pertinencia',
        params: IdParamsSchema,
        response: responses({ 200: OpinionSchema }),
      },
    },
    async (req) => {
      const found = await repo.findOpinion(db, await reader(req), req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.post(
    '/api/opinions',
    {
      schema: {
        tags,
        summary: 'Solicitar una opinión de pertinencia',
        body: OpinionInputSchema,
        response: responses({ 201: OpinionSchema }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await requestOpinion(
            db,
            auditActor(await authorize(ctx, req, 'agreements.request_opinion')),
            req.body,
          ),
        ),
  );
  api.put(
    '/api/opinions/:id/draft',
    {
      schema: {
        tags,
        summary: 'Redactar una opinión',
        params: IdParamsSchema,
        body: OpinionDraftSchema,
        response: responses({ 200: OpinionSchema }),
      },
    },
    async (req) => draftOpinion(db, await writer(req), req.params.id, req.body.content),
  );
  api.post(
    '/api/opinions/:id/issue',
    {
      schema: {
        tags,
        summary: 'Emitir una opinión (toma el siguiente número del año)',
        params: IdParamsSchema,
        body: OpinionIssueSchema,
        response: responses({ 200: OpinionSchema }),
      },
    },
    async (req) => issueOpinion(db, await writer(req), req.params.id, req.body),
  );

  // ---- accompaniment of negotiations
  api.get(
    '/api/accompaniments',
    {
      schema: {
        tags,
        summary: 'Acompañamiento en negociaciones, con conteos del periodo',
        querystring: PeriodQuerySchema,
        response: responses({ 200: AccompanimentListSchema }),
      },
    },
    async (req) => repo.listAccompaniments(db, await reader(req), req.query),
  );
  api.post(
    '/api/accompaniments',
    {
      schema: {
        tags,
        summary: 'Registrar una actividad de acompañamiento',
        body: AccompanimentInputSchema,
        response: responses({ 201: AccompanimentSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await recordAccompaniment(db, await writer(req), req.body)),
  );
};
