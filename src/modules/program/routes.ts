import { auditActor, authorize } from '../accounts';
import { readFile } from '../platform/files/store-file';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload, sendUploadedFile } from '../platform/http/files';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { attachActivityFile } from './attach-activity-file';
import { createActivityKind } from './create-activity-kind';
import * as endpoints from './endpoints';
import { exportActivities } from './export-activities';
import { importProgramStructure } from './import-structure';
import { listSeries, loadSeries } from './list-series';
import { loadProgramTree, objectivesWithoutActivityOrReason } from './program-tree';
import { recordPlanReview } from './record-plan-review';
import { addIssue, attachIssueFile, deleteIssue, removeIssueFile, updateIssue } from './record-issue';
import { recordSources } from './record-sources';
import { removeActivityFile } from './remove-activity-file';
import * as repo from './repository';
import { removeLine, removeObjective } from './remove-structure';
import { createActivity, deleteActivity, updateActivity } from './save-activity';
import { addLine, addObjective, updateLine, updateObjective } from './save-line';
import { createProgram, updateProgram } from './save-program';
import { stateReason, withdrawReason } from './save-reason';
import { createSeries, updateSeries } from './save-series';
import { addTarget, removeTarget, updateTarget } from './save-target';
import { programImportTemplate } from './structure-import-template';
import type { Db } from '../platform/db/client';

export const programRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: Parameters<typeof authorize>[1]) =>
    (await authorize(ctx, req, 'program.read')).organizationId;
  const writer = async (req: Parameters<typeof authorize>[1]) =>
    auditActor(await authorize(ctx, req, 'program.write'));
  const tree = async (database: Db, orgId: string, programId: string) => {
    const found = await loadProgramTree(database, orgId, programId);
    if (!found) throw notFound();
    return found;
  };

  // ---- programs and their structure
  route(api, endpoints.listPrograms, async (req) => repo.listPrograms(db, await reader(req)));
  route(api, endpoints.createProgram, async (req) => {
    const actor = await writer(req);
    const created = await createProgram(db, actor, req.body);
    return tree(db, actor.organizationId, created.id);
  });
  route(api, endpoints.getProgramTree, async (req) => tree(db, await reader(req), req.params.id));
  route(api, endpoints.updateProgram, async (req) => {
    const actor = await writer(req);
    await updateProgram(db, actor, req.params.id, req.body);
    return tree(db, actor.organizationId, req.params.id);
  });
  route(api, endpoints.programImportTemplate, async (req, reply) => {
    const actor = await writer(req);
    return sendDownload(reply, await programImportTemplate(db, actor.organizationId, req.query.format));
  });
  route(api, endpoints.importProgramStructure, async (req) => {
    const actor = await writer(req);
    const upload = await readUpload(req, { what: 'el archivo CSV o XLSX', missingCode: 'IMPORT_UNREADABLE' });
    const sheet = await parseSpreadsheet(upload.data, upload.filename);
    return importProgramStructure(db, actor, req.params.id, sheet, {
      dryRun: req.query.dryRun,
      filename: upload.filename,
    });
  });
  route(api, endpoints.addProgramLine, async (req) => {
    const actor = await writer(req);
    await addLine(db, actor, req.params.id, req.body);
    return tree(db, actor.organizationId, req.params.id);
  });
  route(api, endpoints.updateProgramLine, async (req) => {
    const actor = await writer(req);
    const line = await updateLine(db, actor, req.params.id, req.body);
    return tree(db, actor.organizationId, line.programId);
  });
  route(api, endpoints.removeProgramLine, async (req) => {
    const actor = await writer(req);
    return tree(db, actor.organizationId, await removeLine(db, actor, req.params.id));
  });
  route(api, endpoints.addProgramObjective, async (req) => {
    const actor = await writer(req);
    await addObjective(db, actor, req.params.id, req.body);
    const line = (await repo.findLine(db, actor.organizationId, req.params.id))!;
    return tree(db, actor.organizationId, line.programId);
  });
  route(api, endpoints.updateProgramObjective, async (req) => {
    const actor = await writer(req);
    const objective = await updateObjective(db, actor, req.params.id, req.body);
    const line = (await repo.findLine(db, actor.organizationId, objective.lineId))!;
    return tree(db, actor.organizationId, line.programId);
  });
  route(api, endpoints.removeProgramObjective, async (req) => {
    const actor = await writer(req);
    return tree(db, actor.organizationId, await removeObjective(db, actor, req.params.id));
  });
  route(api, endpoints.listRecordSources, async (req) => {
    await reader(req);
    return recordSources();
  });

  // ---- targets
  route(api, endpoints.addTarget, async (req) => addTarget(db, await writer(req), req.body));
  route(api, endpoints.updateTarget, async (req) =>
    updateTarget(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.removeTarget, async (req) => {
    await removeTarget(db, await writer(req), req.params.id);
  });

  // ---- reasons for no activity
  route(api, endpoints.listReasons, async (req) =>
    repo.listReasons(db, await reader(req), req.query.from, req.query.to),
  );
  route(api, endpoints.stateReason, async (req) => stateReason(db, await writer(req), req.body));
  route(api, endpoints.withdrawReason, async (req) => {
    await withdrawReason(db, await writer(req), req.params.id);
  });
  route(api, endpoints.listUnexplainedObjectives, async (req) =>
    objectivesWithoutActivityOrReason(db, await reader(req), req.query),
  );

  // ---- activity kinds
  route(api, endpoints.listActivityKinds, async (req) => repo.listActivityKinds(db, await reader(req)));
  route(api, endpoints.createActivityKind, async (req) =>
    createActivityKind(db, auditActor(await authorize(ctx, req, 'program.admin')), req.body),
  );

  // ---- activities
  route(api, endpoints.listActivities, async (req) => repo.listActivities(db, await reader(req), req.query));
  route(api, endpoints.exportActivities, async (req, reply) => {
    const actor = await authorize(ctx, req, 'program.export');
    const { format, ...filters } = req.query;
    return sendDownload(reply, await exportActivities(db, auditActor(actor), filters, format));
  });
  route(api, endpoints.getActivity, async (req) => {
    const found = await repo.findActivity(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.createActivity, async (req) => createActivity(db, await writer(req), req.body));
  route(api, endpoints.updateActivity, async (req) =>
    updateActivity(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.deleteActivity, async (req) => {
    await deleteActivity(db, await writer(req), req.params.id);
  });
  route(api, endpoints.attachActivityFile, async (req) => {
    const actor = await writer(req);
    const upload = await readUpload(req, { what: 'la evidencia' });
    return attachActivityFile(db, actor, req.params.id, upload);
  });
  route(api, endpoints.downloadActivityFile, async (req, reply) => {
    const orgId = await reader(req);
    const file = await repo.findActivityFile(db, orgId, req.params.id, req.params.fileId);
    const stored = file && (await readFile(db, file.sha256));
    if (!file || !stored) throw notFound();
    return sendUploadedFile(reply, { body: stored.content, filename: file.filename });
  });

  route(api, endpoints.removeActivityFile, async (req) =>
    removeActivityFile(db, await writer(req), req.params.id, req.params.fileId),
  );

  // ---- plan reviews (SSPELO)
  route(api, endpoints.listPlanReviews, async (req) =>
    repo.listPlanReviews(db, await reader(req), req.query),
  );
  route(api, endpoints.recordPlanReview, async (req) => recordPlanReview(db, await writer(req), req.body));

  // ---- publications
  route(api, endpoints.listSeries, async (req) => listSeries(db, await reader(req), req.query));
  route(api, endpoints.createSeries, async (req) => createSeries(db, await writer(req), req.body));
  route(api, endpoints.getSeries, async (req) => {
    const found = await loadSeries(db, await reader(req), req.params.id, req.query);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.updateSeries, async (req) =>
    updateSeries(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.addIssue, async (req) => addIssue(db, await writer(req), req.params.id, req.body));
  route(api, endpoints.updateIssue, async (req) =>
    updateIssue(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.deleteIssue, async (req) => {
    await deleteIssue(db, await writer(req), req.params.id);
  });
  route(api, endpoints.attachIssueFile, async (req) => {
    const actor = await writer(req);
    return attachIssueFile(
      db,
      actor,
      req.params.id,
      await readUpload(req, { what: 'el archivo del número' }),
    );
  });
  route(api, endpoints.removeIssueFile, async (req) => removeIssueFile(db, await writer(req), req.params.id));
  route(api, endpoints.downloadIssueFile, async (req, reply) => {
    const issue = await repo.findIssueRow(db, await reader(req), req.params.id);
    const stored = issue?.fileSha256 ? await readFile(db, issue.fileSha256) : undefined;
    if (!issue || !stored) throw notFound();
    return sendUploadedFile(reply, { body: stored.content, filename: issue.filename ?? 'publicacion' });
  });
};
