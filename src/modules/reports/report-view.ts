import type { Db } from '../platform/db/client';
import { notFound } from '../platform/errors';
import type { ReportDetail } from './contract';
import * as repo from './repository';

/** A report with its latest version's document, narrative edits, pending items and version list. */
export async function reportDetail(db: Db, orgId: string, id: string): Promise<ReportDetail> {
  const row = await repo.findReportRow(db, orgId, id);
  if (!row) throw notFound();
  const latest = await repo.latestVersion(db, orgId, id);
  if (!latest) throw notFound();
  const summary = (await repo.reportSummary(db, orgId, id, latest.document.title))!;
  const versions = await repo.listVersions(db, orgId, id);
  return {
    ...summary,
    narrative: row.narrative,
    presentation: row.presentation,
    pendingItems: row.pendingItems,
    versions: versions.map((v) => ({
      number: v.number,
      generatedAt: v.generatedAt.toISOString(),
      generatedBy: v.generatedBy,
    })),
    document: latest.document,
  };
}
