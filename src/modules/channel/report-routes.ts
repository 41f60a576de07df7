import type { FastifyRequest } from 'fastify';
import { auditActor, authorize } from '../accounts';
import type { Permission } from '../accounts/contract';
import { readFile } from '../platform/files/store-file';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload } from '../platform/http/files';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
import { CONTENT_TYPES, toCsv, toXlsx } from '../platform/spreadsheets/write-spreadsheet';
import { todayInMexicoCity } from '../../shared/dates';
import { channelStatistics } from './channel-statistics';
import type { ChannelReport } from './contract-reports';
import * as endpoints from './endpoints';
import { FOLIO_IMPORT_COLUMNS, TEMPLATE_ROW } from './folio-import-rules';
import { fortnightNumber, fortnightOf, fortnightTitle, type Fortnight } from './fortnight';
import { generateFortnightlyReport, reportFilename } from './generate-fortnightly-report';
import { importFolios } from './import-folios';
import { importSentFolios } from './import-sent-folios';
import { SENT_FOLIO_IMPORT_COLUMNS, SENT_FOLIO_TEMPLATE_ROW } from './sent-folio-import-rules';
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
  route(api, endpoints.getStatistics, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    return channelStatistics(db, actor.organizationId, req.query);
  });

  // ---- fortnightly reports
  route(api, endpoints.listReports, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    return (await repo.listReports(db, actor.organizationId, req.query.year)).map(presentReport);
  });

  route(api, endpoints.generateReport, async (req) => {
    const actor = await scoped(req, 'channel.reports');
    const { send, ...f } = req.body;
    if (send && ctx.mailer.logOnly) throw noMail();
    const row = await generateFortnightlyReport(db, actor, f as Fortnight, todayInMexicoCity());
    if (send) await sendFortnightlyReport(db, ctx.jobs, actor, row.id, mail);
    const saved = await repo.findReport(db, actor.organizationId, row.id);
    return presentReport(saved!);
  });

  route(api, endpoints.downloadReport, async (req, reply) => {
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
  });

  route(api, endpoints.sendReport, async (req) => {
    const actor = await scoped(req, 'channel.reports');
    const queued = await sendFortnightlyReport(db, ctx.jobs, actor, req.params.id, mail);
    return { recipients: queued.recipients };
  });

  route(api, endpoints.listReportRecipients, async (req) => {
    const actor = await authorize(ctx, req, 'channel.reports');
    return repo.reportRecipients(db, actor.organizationId);
  });

  route(api, endpoints.addReportRecipient, async (req) =>
    addReportRecipient(db, await scoped(req, 'channel.reports'), req.body),
  );

  route(api, endpoints.removeReportRecipient, async (req) => {
    await removeReportRecipient(db, await scoped(req, 'channel.reports'), req.params.id);
  });

  // ---- working calendar
  route(api, endpoints.getWorkCalendar, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    return workCalendarView(db, actor.organizationId, req.query.year);
  });

  route(api, endpoints.addNonWorkingDays, async (req) =>
    addNonWorkingDays(db, await scoped(req, 'channel.calendar'), req.body),
  );

  route(api, endpoints.removeNonWorkingDay, async (req) => {
    await removeNonWorkingDay(db, await scoped(req, 'channel.calendar'), req.params.day);
  });

  route(api, endpoints.addEveryDayCounts, async (req) =>
    addEveryDayCounts(db, await scoped(req, 'channel.calendar'), req.body),
  );

  route(api, endpoints.removeEveryDayCounts, async (req) => {
    await removeEveryDayCounts(db, await scoped(req, 'channel.calendar'), req.params.id);
  });

  // ---- import of received folios
  route(api, endpoints.downloadFolioImportTemplate, async (req, reply) => {
    await authorize(ctx, req, 'channel.write');
    const table = { columns: FOLIO_IMPORT_COLUMNS, rows: [TEMPLATE_ROW] };
    const body = req.query.format === 'xlsx' ? await toXlsx(table, 'Folios') : toCsv(table);
    return sendDownload(reply, {
      body,
      contentType: CONTENT_TYPES[req.query.format],
      filename: `plantilla-folios.${req.query.format}`,
    });
  });

  route(api, endpoints.importFolios, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    const upload = await readUpload(req, { what: 'el archivo CSV o XLSX' });
    const sheet = await parseSpreadsheet(upload.data, upload.filename);
    return importFolios(db, actor, sheet, { dryRun: req.query.dryRun, filename: upload.filename });
  });

  // ---- the national authority's import of the folios it sent
  route(api, endpoints.downloadSentFolioImportTemplate, async (req, reply) => {
    await authorize(ctx, req, 'channel.write');
    const table = { columns: SENT_FOLIO_IMPORT_COLUMNS, rows: [SENT_FOLIO_TEMPLATE_ROW] };
    const body = req.query.format === 'xlsx' ? await toXlsx(table, 'Folios enviados') : toCsv(table);
    return sendDownload(reply, {
      body,
      contentType: CONTENT_TYPES[req.query.format],
      filename: `plantilla-folios-enviados.${req.query.format}`,
    });
  });
  route(api, endpoints.importSentFolios, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    const upload = await readUpload(req, { what: 'el archivo CSV o XLSX' });
    const sheet = await parseSpreadsheet(upload.data, upload.filename);
    return importSentFolios(db, actor, sheet, { dryRun: req.query.dryRun, filename: upload.filename });
  });
};
