import { z } from 'zod';
import { auditActor, authenticate, authorize } from '../accounts';
import { notFound } from '../platform/errors';
import { sendDownload } from '../platform/http/files';
import { route } from '../platform/http/route';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { approveReport } from './approve-report';
import { reportTitle } from './build-report';
import { checkReport } from './check-report';
import {
  ApproveInputSchema,
  CheckResultSchema,
  DashboardQuerySchema,
  DashboardSchema,
  IdParamsSchema,
  NarrativeInputSchema,
  PendingItemsInputSchema,
  RenderQuerySchema,
  ReportDetailSchema,
  ReportInputSchema,
  ReportListSchema,
} from './contract';
import { dashboard } from './dashboard';
import * as endpoints from './endpoints';
import { recordPeriods } from './record-periods';
import { generateReport, regenerateReport } from './generate-report';
import { CONTENT_TYPES, renderReport, reportFileName } from './render';
import * as repo from './repository';
import { reportDetail } from './report-view';
import { updateNarrative, updatePendingItems } from './update-report-text';

const tags = ['Informes'];

export const reportsRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: Parameters<typeof authorize>[1]) =>
    (await authorize(ctx, req, 'reports.read')).organizationId;
  const writer = async (req: Parameters<typeof authorize>[1]) =>
    auditActor(await authorize(ctx, req, 'reports.write'));

  api.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Informes de los órganos colegiados',
        response: responses({ 200: ReportListSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      return {
        items: await repo.listReportSummaries(db, orgId, (r, bodyName) =>
          reportTitle(bodyName, r.periodFrom, r.periodTo),
        ),
      };
    },
  );

  // Every user of an organization chooses periods (the program, the channel, the dashboard), so no
  // permission; the installation's operator sees no organization's records (ADR 0023).
  route(api, endpoints.listRecordPeriods, async (req) => {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    return recordPeriods(db, actor.organizationId);
  });

  api.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary:
          'El periodo de un vistazo: sesiones y acuerdos, folios, convenios por vencer, próximas sesiones',
        querystring: DashboardQuerySchema,
        response: responses({ 200: DashboardSchema }),
      },
    },
    async (req) => dashboard(db, await reader(req), req.query),
  );

  api.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Genera (o regenera) el borrador del informe de un órgano colegiado y periodo',
        body: ReportInputSchema,
        response: responses({ 201: ReportDetailSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await generateReport(db, await writer(req), req.body)),
  );

  api.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Informe: versión vigente, textos editados y pendientes',
        params: IdParamsSchema,
        response: responses({ 200: ReportDetailSchema }),
      },
    },
    async (req) => reportDetail(db, await reader(req), req.params.id),
  );

  api.post(
    '/api/reports/:id/regenerate',
    {
      schema: {
        tags,
        summary: 'Regenera el borrador desde los registros (conserva los textos editados)',
        params: IdParamsSchema,
        response: responses({ 200: ReportDetailSchema }),
      },
    },
    async (req) => regenerateReport(db, await writer(req), req.params.id),
  );

  api.put(
    '/api/reports/:id/narrative',
    {
      schema: {
        tags,
        summary: 'Edita párrafos narrativos del borrador (null restaura el texto generado)',
        params: IdParamsSchema,
        body: NarrativeInputSchema,
        response: responses({ 200: ReportDetailSchema }),
      },
    },
    async (req) => updateNarrative(db, await writer(req), req.params.id, req.body),
  );

  api.put(
    '/api/reports/:id/pending-items',
    {
      schema: {
        tags,
        summary: 'Actividades pendientes que agrega el personal (sección V)',
        params: IdParamsSchema,
        body: PendingItemsInputSchema,
        response: responses({ 200: ReportDetailSchema }),
      },
    },
    async (req) => updatePendingItems(db, await writer(req), req.params.id, req.body.items),
  );

  api.get(
    '/api/reports/:id/check',
    {
      schema: {
        tags,
        summary: 'Revisión de consistencia: cifras contra los registros, objetivos y fechas',
        params: IdParamsSchema,
        response: responses({ 200: CheckResultSchema }),
      },
    },
    async (req) => checkReport(db, await reader(req), req.params.id),
  );

  api.post(
    '/api/reports/:id/approve',
    {
      schema: {
        tags,
        summary: 'Marca el informe como aprobado por un acuerdo del órgano colegiado (lo congela)',
        params: IdParamsSchema,
        body: ApproveInputSchema,
        response: responses({ 200: ReportDetailSchema }),
      },
    },
    async (req) => approveReport(db, await writer(req), req.params.id, req.body.agreementId),
  );

  api.get(
    '/api/reports/:id/file',
    {
      schema: {
        tags,
        summary: 'Descarga la versión vigente (la aprobada, si lo está) en DOCX, PDF, HTML o Markdown',
        params: IdParamsSchema,
        querystring: RenderQuerySchema,
        response: responses({ 200: z.string().describe('El archivo') }),
      },
    },
    async (req, reply) => {
      const orgId = await reader(req);
      const latest = await repo.latestVersion(db, orgId, req.params.id);
      if (!latest) throw notFound();
      const format = req.query.format;
      return sendDownload(reply, {
        body: await renderReport(latest.document, format),
        contentType: CONTENT_TYPES[format],
        filename: reportFileName(latest.document, format),
      });
    },
  );
};
