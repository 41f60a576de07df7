import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { LocalDate } from '../../shared/dates';
import { officialHolidays } from '../platform/calendar/mexican-holidays';
import type { ChannelStatistics } from './contract-reports';
import type { ChannelModule } from './contract-folio-status';
import { channelReport, channelReportRecipient } from './report-schema';

// SQL of the channel's statistics and fortnightly reports.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Official holidays of every year in [from, to], for the business-day calendar built in SQL. */
function holidaysBetween(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    out.push(...officialHolidays(y).map((h) => h.date));
  return out;
}

type StatisticsRow = Omit<ChannelStatistics, 'module' | 'from' | 'to' | 'asOf' | 'byType' | 'byArea'> & {
  byType: Record<string, number> | null;
};

/**
 * Everything but the areas in one statement. `base` holds each folio received in [from, to] with
 * its status as of `asOf` (last event on or before that day) and its first answer (the first
 * change out of its initial status, other than a cancellation), both kept on the folio by the
 * triggers of migration 0014 (the history is read only for folios that changed after `asOf`). Business days are counted on a
 * calendar built in SQL over [from, asOf]: weekends, art. 74 holidays and the organization's own
 * non-working days are not business days, unless inside a period in which every day counts; the
 * running count of business days turns "business days between" into a subtraction.
 */
export async function folioStatistics(
  db: Db,
  orgId: string,
  q: { module?: ChannelModule; from: LocalDate; to: LocalDate; asOf: LocalDate },
): Promise<StatisticsRow> {
  const holidays = holidaysBetween(q.from, q.asOf);
  const moduleFilter = q.module ? sql`and f.module = ${q.module}` : sql``;
  const result = await db.execute(sql`
    with base as (
      select f.id, f.received_on, f.due_on, c.document_type, f.nature,
        case when f.last_event_on <= ${q.asOf}::date then f.status else
          coalesce((select e.to_status from channel_folio_event e
            where e.folio_id = f.id and e.occurred_on <= ${q.asOf}::date
            order by e.occurred_on desc, e.id desc limit 1), 'pending_local') end as status,
        case when f.first_answer_on <= ${q.asOf}::date then f.first_answer_on end as answered_on
      from channel_folio f join channel_communication c on c.id = f.communication_id
      where (f.local_org_id = ${orgId} or f.national_org_id = ${orgId}) ${moduleFilter}
        and f.received_on between ${q.from}::date and ${q.to}::date
        and f.received_on <= ${q.asOf}::date
    ),
    cal as (
      select d::date as day, sum(case
          when exists (select 1 from every_day_counts_period p
            where p.organization_id = ${orgId} and d::date between p.starts_on and p.ends_on) then 1
          when extract(isodow from d) > 5 then 0
          when d::date = any(${`{${holidays.join(',')}}`}::date[]) then 0
          when exists (select 1 from non_working_day n
            where n.organization_id = ${orgId} and n.day = d::date) then 0
          else 1 end) over (order by d) as idx
      from generate_series(${q.from}::date, ${q.asOf}::date, interval '1 day') d
    ),
    times as (
      select (a.idx - r.idx)::float8 as business_days, (b.answered_on - b.received_on)::float8 as natural_days
      from base b join cal r on r.day = b.received_on join cal a on a.day = b.answered_on
    )
    select
      (select count(*) from base)::int as "received",
      (select json_build_object(
        'pending_local', count(*) filter (where status = 'pending_local'),
        'in_process_national', count(*) filter (where status = 'in_process_national'),
        'cancelled', count(*) filter (where status = 'cancelled'),
        'concluded', count(*) filter (where status = 'concluded')) from base) as "byStatus",
      (select json_object_agg(document_type, n) from
        (select document_type, count(*) as n from base group by 1) t) as "byType",
      (select json_build_object(
        'for_information', count(*) filter (where nature = 'for_information'),
        'for_attention', count(*) filter (where nature = 'for_attention')) from base) as "byNature",
      (select json_build_object(
        'answered', count(*),
        'businessDays', json_build_object(
          'median', percentile_cont(0.5) within group (order by business_days),
          'p90', percentile_cont(0.9) within group (order by business_days)),
        'naturalDays', json_build_object(
          'median', percentile_cont(0.5) within group (order by natural_days),
          'p90', percentile_cont(0.9) within group (order by natural_days))) from times) as "responseTimes",
      (select json_build_object(
        'open', count(*) filter (where status = 'pending_local' and due_on < ${q.asOf}::date),
        'answeredLate', count(*) filter (where answered_on > due_on),
        'answeredOnTime', count(*) filter (where answered_on <= due_on))
        from base where due_on is not null) as "overdue"`);
  return rowsOf<StatisticsRow>(result)[0]!;
}

/** Folios received in [from, to] routed to each area of `orgId` (routing slips not withdrawn). */
export async function foliosByArea(
  db: Db,
  orgId: string,
  q: { module?: ChannelModule; from: LocalDate; to: LocalDate; asOf: LocalDate },
): Promise<ChannelStatistics['byArea']> {
  const moduleFilter = q.module ? sql`and f.module = ${q.module}` : sql``;
  const result = await db.execute(sql`
    select a.id as "areaId", a.name,
      count(distinct r.folio_id) filter (where r.role = 'responsible')::int as responsible,
      count(distinct r.folio_id) filter (where r.role = 'informed')::int as informed
    from channel_routing r
      join channel_folio f on f.id = r.folio_id
      join area a on a.id = r.area_id
    where r.organization_id = ${orgId} and r.state <> 'withdrawn' ${moduleFilter}
      and f.received_on between ${q.from}::date and ${q.to}::date
      and f.received_on <= ${q.asOf}::date
      and r.assigned_at < (${q.asOf}::date + 1)::timestamp at time zone 'America/Mexico_City'
    group by a.id, a.name
    order by responsible desc, informed desc, a.name`);
  return rowsOf<ChannelStatistics['byArea'][number]>(result);
}

// ---- distribution list

export async function reportRecipients(db: Db, orgId: string) {
  return db
    .select({
      id: channelReportRecipient.id,
      email: channelReportRecipient.email,
      name: channelReportRecipient.name,
    })
    .from(channelReportRecipient)
    .where(eq(channelReportRecipient.organizationId, orgId))
    .orderBy(asc(channelReportRecipient.email));
}

export async function insertReportRecipient(db: Db, values: typeof channelReportRecipient.$inferInsert) {
  const [row] = await db.insert(channelReportRecipient).values(values).onConflictDoNothing().returning({
    id: channelReportRecipient.id,
    email: channelReportRecipient.email,
    name: channelReportRecipient.name,
  });
  return row;
}

export async function findReportRecipient(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(channelReportRecipient)
    .where(and(eq(channelReportRecipient.id, id), eq(channelReportRecipient.organizationId, orgId)));
  return row;
}

export async function deleteReportRecipient(db: Db, id: string) {
  await db.delete(channelReportRecipient).where(eq(channelReportRecipient.id, id));
}

// ---- report ledger

export type ReportRow = typeof channelReport.$inferSelect;

export async function listReports(db: Db, orgId: string, year?: number) {
  const where = year
    ? and(
        eq(channelReport.organizationId, orgId),
        gte(channelReport.periodFrom, `${year}-01-01`),
        lte(channelReport.periodFrom, `${year}-12-31`),
      )
    : eq(channelReport.organizationId, orgId);
  return db.select().from(channelReport).where(where).orderBy(desc(channelReport.periodFrom));
}

export async function findReport(db: Db, orgId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(channelReport)
    .where(and(eq(channelReport.id, id), eq(channelReport.organizationId, orgId)));
  return row;
}

export async function findReportByPeriod(db: Db, orgId: string, periodFrom: LocalDate) {
  const [row] = await db
    .select()
    .from(channelReport)
    .where(and(eq(channelReport.organizationId, orgId), eq(channelReport.periodFrom, periodFrom)));
  return row;
}

/** Inserts the report of a period, or replaces the files of one not sent yet. */
export async function saveReport(db: Db, values: typeof channelReport.$inferInsert): Promise<ReportRow> {
  const [row] = await db
    .insert(channelReport)
    .values(values)
    .onConflictDoUpdate({
      target: [channelReport.organizationId, channelReport.periodFrom],
      set: {
        asOf: values.asOf,
        docxSha256: values.docxSha256,
        pdfSha256: values.pdfSha256,
        generatedBy: values.generatedBy,
        generatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function updateReport(db: Db, id: string, values: Partial<typeof channelReport.$inferInsert>) {
  await db.update(channelReport).set(values).where(eq(channelReport.id, id));
}

/** Reports still queued that were queued before `before`, of every organization. */
export function reportsQueuedBefore(db: Db, before: Date) {
  return db
    .select({
      id: channelReport.id,
      organizationId: channelReport.organizationId,
      queuedAt: channelReport.queuedAt,
    })
    .from(channelReport)
    .where(and(eq(channelReport.state, 'queued'), lt(channelReport.queuedAt, before)));
}

/** Marks a report failed if it is still queued; false when its state had changed meanwhile. */
export async function failQueuedReport(db: Db, id: string, lastError: string): Promise<boolean> {
  const changed = await db
    .update(channelReport)
    .set({ state: 'failed', lastError })
    .where(and(eq(channelReport.id, id), eq(channelReport.state, 'queued')))
    .returning({ id: channelReport.id });
  return changed.length > 0;
}

/** Organizations with at least one address on their distribution list. */
export async function organizationsWithRecipients(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: channelReportRecipient.organizationId })
    .from(channelReportRecipient);
  return rows.map((r) => r.id);
}

/** How many addresses receive the fortnightly report (the set-up checklist). */
export async function reportRecipientCount(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(channelReportRecipient)
    .where(eq(channelReportRecipient.organizationId, orgId));
  return row?.n ?? 0;
}
