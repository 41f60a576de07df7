import { auditActor, authenticate, authorize } from '../accounts';
import { notFound } from '../platform/errors';
import { sendDownload } from '../platform/http/files';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { approveReport } from './approve-report';
import { reportTitle } from './build-report';
import { checkReport } from './check-report';
import { dashboard } from './dashboard';
import { setupChecklist } from './setup-checklist';
import * as endpoints from './endpoints';
import { recordPeriods } from './record-periods';
import { generateReport, regenerateReport } from './generate-report';
import { CONTENT_TYPES, renderReport, reportFileName } from './render';
import { letterheadLogo } from '../platform/documents/letterhead-settings';
import * as repo from './repository';
import { reportDetail } from './report-view';
import { updateNarrative, updatePendingItems } from './update-report-text';

export const reportsRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: Parameters<typeof authorize>[1]) =>
    (await authorize(ctx, req, 'reports.read')).organizationId;
  const writer = async (req: Parameters<typeof authorize>[1]) =>
    auditActor(await authorize(ctx, req, 'reports.write'));

  route(api, endpoints.listQuarterlyReports, async (req) => {
    const orgId = await reader(req);
    return {
      items: await repo.listReportSummaries(db, orgId, (r, bodyName) =>
        reportTitle(bodyName, r.periodFrom, r.periodTo),
      ),
    };
  });

  // Every user of an organization chooses periods (the program, the channel, the dashboard), so no
  // permission; the installation's operator sees no organization's records (ADR 0023).
  route(api, endpoints.listRecordPeriods, async (req) => {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    return recordPeriods(db, actor.organizationId);
  });

  route(api, endpoints.getDashboard, async (req) => dashboard(db, await reader(req), req.query));

  route(api, endpoints.getSetupChecklist, async (req) => {
    const actor = await authorize(ctx, req, 'setup.read');
    return setupChecklist(db, actor.organizationId, Boolean(ctx.config.smtp.host));
  });

  route(api, endpoints.generateQuarterlyReport, async (req) =>
    generateReport(db, await writer(req), req.body),
  );

  route(api, endpoints.getQuarterlyReport, async (req) => reportDetail(db, await reader(req), req.params.id));

  route(api, endpoints.regenerateQuarterlyReport, async (req) =>
    regenerateReport(db, await writer(req), req.params.id),
  );

  route(api, endpoints.updateQuarterlyReportNarrative, async (req) =>
    updateNarrative(db, await writer(req), req.params.id, req.body),
  );

  route(api, endpoints.updateQuarterlyReportPendingItems, async (req) =>
    updatePendingItems(db, await writer(req), req.params.id, req.body.items),
  );

  route(api, endpoints.checkQuarterlyReport, async (req) =>
    checkReport(db, await reader(req), req.params.id),
  );

  route(api, endpoints.approveQuarterlyReport, async (req) =>
    approveReport(db, await writer(req), req.params.id, req.body.agreementId),
  );

  route(api, endpoints.downloadQuarterlyReport, async (req, reply) => {
    const orgId = await reader(req);
    const latest = await repo.latestVersion(db, orgId, req.params.id);
    if (!latest) throw notFound();
    const format = req.query.format;
    return sendDownload(reply, {
      body: await renderReport(
        latest.document,
        format,
        await letterheadLogo(db, latest.document.letterhead?.logo ?? null),
      ),
      contentType: CONTENT_TYPES[format],
      filename: reportFileName(latest.document, format),
    });
  });
};
