import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor, authorize } from '../accounts';
import type { Permission } from '../accounts/contract';
import { readFile } from '../platform/files/store-file';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload } from '../platform/http/files';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { ImportQuerySchema, ImportReportSchema } from '../directory/contract';
import { IdParamsSchema } from '../../shared/ids';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
import { CONTENT_TYPES, toCsv, toXlsx } from '../platform/spreadsheets/write-spreadsheet';
import { ApiErrorSchema } from '../../shared/errors';
import { LocalDateSchema, todayInMexicoCity } from '../../shared/dates';
import { channelStatistics } from './channel-statistics';
import {
  ChannelReportSchema,
  ChannelStatisticsSchema,
  EveryDayCountsInputSchema,
  GenerateReportInputSchema,
  NonWorkingDayInputSchema,
  ReportRecipientInputSchema,
  ReportRecipientSchema,
  StatisticsQuerySchema,
  WorkCalendarViewSchema,
  type ChannelReport,
} from './contract-reports';
import { FOLIO_IMPORT_COLUMNS, TEMPLATE_ROW } from './folio-import-rules';
import { fortnightNumber, fortnightOf, fortnightTitle, type Fortnight } from './fortnight';
import { generateFortnightlyReport, reportFilename } from './generate-fortnightly-report';
import { importFolios } from './import-folios';
import {
  addEveryDayCounts,
  addNonWorkingDays,
  removeEveryDayCounts,
  removeNonWorkingDay,
  workCalendarView,
} from './manage-work-calendar';
import { addReportRecipient, removeReportRecipient } from './manage-report-recipients';
import * as repo from './report-repository';
import { noMail, sendFortnightlyReport } from './send-fortnightly-report';

// Routes of the channel's statistics, fortnightly reports, working calendar and folio import.

const tags = ['Canal INE–OPLE'];

export function presentReport(r: repo.ReportRow): ChannelReport {
  const f = fortnightOf(r.periodFrom);
  return {
    id: r.id,
    number: fortnightNumber(f),
    title: fortnightTitle(f),
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    asOf: r.asOf,
    generatedAt: r.generatedAt.toISOString(),
    state: r.state,
    recipients: r.recipients,
    sentOn: r.sentOn,
    lastError: r.lastError,
  };
}

export const channelReportRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const scoped = async (req: FastifyRequest, permission: Permission) =>
    auditActor(await authorize(ctx, req, permission));
  const mail = { mailConfigured: !ctx.mailer.logOnly };

  // ---- statistics
  api.get(
    '/api/channel/statistics',
    {
      schema: {
        tags,
        summary: 'Estadística del canal: estatus, tipo, naturaleza, área, tiempos de respuesta y vencidos',
        querystring: StatisticsQuerySchema,
        response: responses({ 200: ChannelStatisticsSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      return channelStatistics(db, actor.organizationId, req.query);
    },
  );

  // ---- fortnightly reports
  api.get(
    '/api/channel/reports',
    {
      schema: {
        tags,
        summary: 'Informes estadísticos quincenales generados, con su fecha de envío',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: responses({ 200: z.array(ChannelReportSchema) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      return (await repo.listReports(db, actor.organizationId, req.query.year)).map(presentReport);
    },
  );

  api.post(
    '/api/channel/reports',
    {
      schema: {
        tags,
        summary:
          'Generar (o regenerar, si no se ha enviado) el informe de una quincena; opcionalmente enviarlo',
        body: GenerateReportInputSchema,
        response: responses({ 201: ChannelReportSchema }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.reports');
      const { send, ...f } = req.body;
      if (send && ctx.mailer.logOnly) throw noMail();
      const row = await generateFortnightlyReport(db, actor, f as Fortnight, todayInMexicoCity());
      if (send) await sendFortnightlyReport(db, ctx.jobs, actor, row.id, mail);
      const saved = await repo.findReport(db, actor.organizationId, row.id);
      return reply.status(201).send(presentReport(saved!));
    },
  );

  api.get(
    '/api/channel/reports/:id/:format',
    {
      schema: {
        tags,
        summary: 'Descargar un informe quincenal en DOCX o PDF',
        params: IdParamsSchema.extend({ format: z.enum(['docx', 'pdf']) }),
        response: { 200: z.string().describe('El documento'), ...responses({}) },
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'channel.read');
      const report = await repo.findReport(db, actor.organizationId, req.params.id);
      if (!report) throw notFound();
      const file = await readFile(db, req.params.format === 'pdf' ? report.pdfSha256 : report.docxSha256);
      if (!file) throw notFound();
      return sendDownload(reply, {
        body: file.content,
        contentType: file.mediaType,
        filename: `${reportFilename(report.periodFrom)}.${req.params.format}`,
      });
    },
  );

  api.post(
    '/api/channel/reports/:id/send',
    {
      schema: {
        tags,
        summary: 'Enviar ahora un informe quincenal a la lista de distribución (por la cola de trabajos)',
        description:
          'También reenvía un informe cuyo envío falló. 409 si ya se envió o está en cola, si la lista está vacía o si no hay servidor de correo (SMTP) configurado.',
        params: IdParamsSchema,
        response: responses({ 202: z.object({ recipients: z.array(z.string()) }) }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.reports');
      const queued = await sendFortnightlyReport(db, ctx.jobs, actor, req.params.id, mail);
      return reply.status(202).send({ recipients: queued.recipients });
    },
  );

  api.get(
    '/api/channel/report-recipients',
    {
      schema: {
        tags,
        summary: 'Lista de distribución del informe quincenal',
        response: responses({ 200: z.array(ReportRecipientSchema) }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.reports');
      return repo.reportRecipients(db, actor.organizationId);
    },
  );

  api.post(
    '/api/channel/report-recipients',
    {
      schema: {
        tags,
        summary: 'Agregar un correo a la lista de distribución del informe quincenal',
        body: ReportRecipientInputSchema,
        response: responses({ 201: ReportRecipientSchema }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.reports');
      return reply.status(201).send(await addReportRecipient(db, actor, req.body));
    },
  );

  api.delete(
    '/api/channel/report-recipients/:id',
    {
      schema: {
        tags,
        summary: 'Quitar un correo de la lista de distribución',
        params: IdParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.reports');
      await removeReportRecipient(db, actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- working calendar
  api.get(
    '/api/channel/calendar',
    {
      schema: {
        tags,
        summary:
          'Calendario laboral del organismo en un año: días oficiales, inhábiles propios y periodos en que todos los días son hábiles',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: responses({ 200: WorkCalendarViewSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.read');
      return workCalendarView(db, actor.organizationId, req.query.year);
    },
  );

  api.post(
    '/api/channel/calendar/non-working-days',
    {
      schema: {
        tags,
        summary: 'Declarar días inhábiles propios (un día o un periodo, p. ej. Semana Santa)',
        body: NonWorkingDayInputSchema,
        response: responses({ 201: z.object({ added: z.array(LocalDateSchema) }) }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.calendar');
      return reply.status(201).send(await addNonWorkingDays(db, actor, req.body));
    },
  );

  api.delete(
    '/api/channel/calendar/non-working-days/:day',
    {
      schema: {
        tags,
        summary: 'Quitar un día inhábil propio',
        params: z.object({ day: LocalDateSchema }),
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.calendar');
      await removeNonWorkingDay(db, actor, req.params.day);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/channel/calendar/every-day-counts',
    {
      schema: {
        tags,
        summary: 'Declarar un periodo en que todos los días son hábiles',
        body: EveryDayCountsInputSchema,
        response: responses({ 201: z.object({ id: z.uuid() }) }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.calendar');
      return reply.status(201).send(await addEveryDayCounts(db, actor, req.body));
    },
  );

  api.delete(
    '/api/channel/calendar/every-day-counts/:id',
    {
      schema: {
        tags,
        summary: 'Quitar un periodo en que todos los días son hábiles',
        params: IdParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      const actor = await scoped(req, 'channel.calendar');
      await removeEveryDayCounts(db, actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- import of received folios
  api.get(
    '/api/channel/folios/import/template',
    {
      schema: {
        tags,
        summary: 'Plantilla CSV o XLSX para importar folios recibidos',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: { 200: z.string().describe('La plantilla'), ...responses({}) },
      },
    },
    async (req, reply) => {
      await authorize(ctx, req, 'channel.write');
      const table = { columns: FOLIO_IMPORT_COLUMNS, rows: [TEMPLATE_ROW] };
      const body = req.query.format === 'xlsx' ? await toXlsx(table, 'Folios') : toCsv(table);
      return sendDownload(reply, {
        body,
        contentType: CONTENT_TYPES[req.query.format],
        filename: `plantilla-folios.${req.query.format}`,
      });
    },
  );

  api.post(
    '/api/channel/folios/import',
    {
      schema: {
        tags,
        summary: 'Importar folios recibidos desde CSV o XLSX (todo o nada, salvo skipInvalid=true)',
        querystring: ImportQuerySchema,
        response: { ...responses({ 200: ImportReportSchema }), 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'channel.write');
      const upload = await readUpload(req, { what: 'el archivo CSV o XLSX' });
      const sheet = await parseSpreadsheet(upload.data, upload.filename);
      return importFolios(db, actor, sheet, req.query.skipInvalid);
    },
  );
};
