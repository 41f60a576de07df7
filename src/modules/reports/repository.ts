import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { governingBody } from '../governance/schema';
import type { Db } from '../platform/db/client';
import type { PendingItem, PresentationLayout, ReportDocument, ReportSummary } from './contract';
import { report, reportVersion } from './schema';
import { agreement } from '../governance/schema';
import { formatAgreementNumber } from '../governance';

// All SQL of the reports module; every function filters by the organization.

export type ReportRow = typeof report.$inferSelect;

export async function findReportRow(db: Db, orgId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(report)
    .where(and(eq(report.organizationId, orgId), eq(report.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findReportByPeriod(db: Db, orgId: string, bodyId: string, from: string, to: string) {
  const [row] = await db
    .select()
    .from(report)
    .where(
      and(
        eq(report.organizationId, orgId),
        eq(report.bodyId, bodyId),
        eq(report.periodFrom, from),
        eq(report.periodTo, to),
      ),
    );
  return row;
}

/** How many reports of the body cover periods that ended before `from` (draft or approved). */
export async function countEarlierReports(db: Db, orgId: string, bodyId: string, from: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(report)
    .where(and(eq(report.organizationId, orgId), eq(report.bodyId, bodyId), lt(report.periodTo, from)));
  return Number(row?.n ?? 0);
}

export async function insertReport(
  db: Db,
  orgId: string,
  values: { bodyId: string; periodFrom: string; periodTo: string },
): Promise<ReportRow> {
  const [row] = await db
    .insert(report)
    .values({ organizationId: orgId, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? (await findReportByPeriod(db, orgId, values.bodyId, values.periodFrom, values.periodTo))!;
}

export async function updateReportRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<
    Pick<
      ReportRow,
      'narrative' | 'presentation' | 'pendingItems' | 'status' | 'approvedByAgreementId' | 'approvedOn'
    >
  >,
) {
  await db
    .update(report)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(report.organizationId, orgId), eq(report.id, id)));
}

export async function insertVersion(
  db: Db,
  orgId: string,
  reportId: string,
  document: ReportDocument,
  generatedBy: string,
): Promise<number> {
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${reportVersion.number}), 0)::int` })
    .from(reportVersion)
    .where(and(eq(reportVersion.organizationId, orgId), eq(reportVersion.reportId, reportId)));
  const number = Number(last?.n ?? 0) + 1;
  await db.insert(reportVersion).values({ organizationId: orgId, reportId, number, document, generatedBy });
  return number;
}

export async function latestVersion(db: Db, orgId: string, reportId: string) {
  const [row] = await db
    .select()
    .from(reportVersion)
    .where(and(eq(reportVersion.organizationId, orgId), eq(reportVersion.reportId, reportId)))
    .orderBy(desc(reportVersion.number))
    .limit(1);
  return row;
}

export async function listVersions(db: Db, orgId: string, reportId: string) {
  return db
    .select({
      number: reportVersion.number,
      generatedAt: reportVersion.generatedAt,
      generatedBy: reportVersion.generatedBy,
    })
    .from(reportVersion)
    .where(and(eq(reportVersion.organizationId, orgId), eq(reportVersion.reportId, reportId)))
    .orderBy(asc(reportVersion.number));
}

const summaryColumns = {
  r: report,
  bodyAcronym: governingBody.acronym,
  prefix: governingBody.agreementPrefix,
  agreementNumber: agreement.number,
  agreementYear: agreement.year,
  approvingPrefix: sql<
    string | null
  >`(select b.agreement_prefix from governing_body b where b.id = ${agreement.bodyId})`,
  version: sql<number>`(select max(v.number)::int from report_version v where v.report_id = ${report.id})`,
  generatedAt: sql<string>`(select max(v.generated_at)::text from report_version v where v.report_id = ${report.id})`,
};

function presentSummary(
  row: {
    r: ReportRow;
    bodyAcronym: string;
    agreementNumber: number | null;
    agreementYear: number | null;
    approvingPrefix: string | null;
    version: number;
    generatedAt: string;
  },
  title: string,
): ReportSummary {
  return {
    id: row.r.id,
    bodyId: row.r.bodyId,
    bodyAcronym: row.bodyAcronym,
    from: row.r.periodFrom,
    to: row.r.periodTo,
    title,
    status: row.r.status,
    version: Number(row.version ?? 0),
    generatedAt: row.generatedAt ? new Date(row.generatedAt).toISOString() : row.r.createdAt.toISOString(),
    approvedByAgreement:
      row.agreementNumber !== null && row.agreementYear !== null && row.approvingPrefix
        ? formatAgreementNumber(row.approvingPrefix, row.agreementNumber, row.agreementYear)
        : null,
    approvedOn: row.r.approvedOn,
  };
}

export async function listReportSummaries(
  db: Db,
  orgId: string,
  titleOf: (r: ReportRow, bodyName: string) => string,
): Promise<ReportSummary[]> {
  const rows = await db
    .select({ ...summaryColumns, bodyName: governingBody.name })
    .from(report)
    .innerJoin(governingBody, eq(governingBody.id, report.bodyId))
    .leftJoin(agreement, eq(agreement.id, report.approvedByAgreementId))
    .where(eq(report.organizationId, orgId))
    .orderBy(desc(report.periodFrom), asc(governingBody.acronym));
  return rows.map((r) => presentSummary(r, titleOf(r.r, r.bodyName)));
}

export async function reportSummary(db: Db, orgId: string, id: string, title: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(report)
    .innerJoin(governingBody, eq(governingBody.id, report.bodyId))
    .leftJoin(agreement, eq(agreement.id, report.approvedByAgreementId))
    .where(and(eq(report.organizationId, orgId), eq(report.id, id)));
  return row && presentSummary(row, title);
}

/** What the CLI renders: the frozen document of an approved report, or a draft's edits. */
export async function approvedOrDraftInputs(
  db: Db,
  orgId: string,
  bodyId: string,
  from: string,
  to: string,
): Promise<
  | {
      frozen: ReportDocument | null;
      narrative: Record<string, string>;
      presentation: PresentationLayout;
      pendingItems: PendingItem[];
    }
  | undefined
> {
  const row = await findReportByPeriod(db, orgId, bodyId, from, to);
  if (!row) return undefined;
  const frozen =
    row.status === 'approved' ? ((await latestVersion(db, orgId, row.id))?.document ?? null) : null;
  return { frozen, narrative: row.narrative, presentation: row.presentation, pendingItems: row.pendingItems };
}
