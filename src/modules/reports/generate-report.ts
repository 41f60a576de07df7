import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { buildReport } from './build-report';
import { collectReportData, findReportBody } from './collect-report-data';
import type { ReportDetail, ReportDocument, ReportInput } from './contract';
import * as repo from './repository';
import { reportDetail } from './report-view';

/** The document of a report row as the records stand now, with its edits applied. */
export async function freshDocument(
  db: Db,
  orgId: string,
  row: repo.ReportRow,
  signingOn?: string,
): Promise<ReportDocument> {
  const data = await collectReportData(db, {
    orgId,
    bodyId: row.bodyId,
    from: row.periodFrom,
    to: row.periodTo,
    pendingItems: row.pendingItems,
    ...(signingOn ? { signingOn } : {}),
  });
  return buildReport(data, { narrative: row.narrative, layout: row.presentation });
}

/** Writes a new version of a draft from the records; an approved report is frozen. */
export async function regenerateRow(
  tx: Db,
  actor: ScopedAuditActor,
  row: repo.ReportRow,
  action: string,
  before: unknown,
): Promise<ReportDetail> {
  const orgId = actor.organizationId;
  if (row.status === 'approved')
    throw conflict('El informe ya fue aprobado: su versión aprobada no se modifica.');
  const current = (await repo.findReportRow(tx, orgId, row.id))!;
  const doc = await freshDocument(tx, orgId, current);
  const number = await repo.insertVersion(tx, orgId, row.id, doc, actor.label);
  const after = await reportDetail(tx, orgId, row.id);
  await recordAudit(tx, actor, {
    action,
    entityType: 'report',
    entityId: row.id,
    before,
    after: { ...after, document: undefined, version: number, figures: doc.figures },
  });
  return after;
}

/** Creates the report of a body and period (or regenerates its draft): a new version from the records. */
export async function generateReport(
  db: Db,
  actor: ScopedAuditActor,
  input: ReportInput,
): Promise<ReportDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await findReportBody(tx, orgId, input.bodyId);
    const existing = await repo.findReportByPeriod(tx, orgId, input.bodyId, input.from, input.to);
    const row =
      existing ??
      (await repo.insertReport(tx, orgId, {
        bodyId: input.bodyId,
        periodFrom: input.from,
        periodTo: input.to,
      }));
    const locked = (await repo.findReportRow(tx, orgId, row.id, true))!;
    const before = existing ? await summaryOrNull(tx, orgId, row.id) : null;
    return regenerateRow(tx, actor, locked, existing ? 'report.regenerate' : 'report.create', before);
  });
}

export async function regenerateReport(db: Db, actor: ScopedAuditActor, id: string): Promise<ReportDetail> {
  return inTransaction(db, async (tx) => {
    const row = await repo.findReportRow(tx, actor.organizationId, id, true);
    if (!row) throw notFound();
    const before = await summaryOrNull(tx, actor.organizationId, id);
    return regenerateRow(tx, actor, row, 'report.regenerate', before);
  });
}

async function summaryOrNull(db: Db, orgId: string, id: string) {
  const latest = await repo.latestVersion(db, orgId, id);
  return latest ? { version: latest.number, figures: latest.document.figures } : null;
}
