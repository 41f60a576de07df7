import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { organization } from '../accounts/schema';
import { area } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { containsEveryWord } from '../platform/db/search';
import { formatFolioNumber, parseFolioNumber } from './folio-number';
import type { Folio, FolioDetail, FolioListQuery, RecurringObligation } from './contract';
import { describeDueRule } from './contract-due-rules';
import type { RegisteredFolio } from './folio-import-rules';
import { OPEN_ROUTING_EVENTS } from './contract-open-routings';
import {
  channelCommunication,
  channelFolio,
  channelFolioEvent,
  channelMessage,
  channelObligation,
  channelOccurrence,
} from './schema';

// All SQL of the channel. A folio is visible to its local body and to its national authority.

export function visibleTo(orgId: string): SQL {
  return or(eq(channelFolio.localOrgId, orgId), eq(channelFolio.nationalOrgId, orgId))!;
}

/** The viewing organization of a list: its kind says which side of the folios it is on. */
// 'installation' never reaches the channel (operators are refused first) and would match no folio.
export type Viewer = { id: string; kind: 'national_authority' | 'local_body' | 'installation' };

/**
 * visibleTo for lists, on one side only: a national authority is only ever a folio's
 * national_org_id and a local body only its local_org_id, so this is the same set of folios, and
 * each side's indexes serve it in display order (an OR of both columns cannot be walked in order).
 */
export function visibleFrom(viewer: Viewer): SQL {
  return viewer.kind === 'national_authority'
    ? eq(channelFolio.nationalOrgId, viewer.id)
    : eq(channelFolio.localOrgId, viewer.id);
}

/**
 * A list counts its matches up to this many (or one page past the page asked for, whichever is
 * more): a broad search does not count 25,000 folios to say "más de 1 000".
 */
export const COUNT_CAP = 1000;

/**
 * How many of the newest folios a search by words checks one by one, in display order, before
 * asking PostgreSQL for the page. PostgreSQL takes several words as independent ("casillas" and
 * "especiales" rarely are), so for a common phrase it expects a few hundred matches, fetches all
 * 25,000 and sorts them (~140 ms at a million folios); the newest 2,000 folios hold the page
 * whenever the phrase is that common, and checking them costs a few milliseconds.
 */
export const SEARCH_WALK = 2000;

/**
 * A text search counts fewer: its count is a hint ("más de 200"), not a figure anyone reports, and
 * proving 1,000 matches of a common word means visiting 1,000 folios (tens of milliseconds at a
 * million folios); 200 is eight pages of 25.
 */
export const SEARCH_COUNT_CAP = 200;

export async function nationalAuthority(db: Db) {
  const [row] = await db
    .select({ id: organization.id, name: organization.name, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.kind, 'national_authority'))
    .orderBy(asc(organization.createdAt))
    .limit(1);
  return row;
}

export async function localBodies(db: Db, ids?: string[]) {
  const where = ids
    ? and(eq(organization.kind, 'local_body'), inArray(organization.id, ids))
    : eq(organization.kind, 'local_body');
  return db
    .select({ id: organization.id, name: organization.name, acronym: organization.acronym })
    .from(organization)
    .where(where);
}

export async function insertCommunication(db: Db, values: typeof channelCommunication.$inferInsert) {
  const [row] = await db.insert(channelCommunication).values(values).returning();
  return row!;
}

export async function insertFolios(db: Db, values: (typeof channelFolio.$inferInsert)[]) {
  return values.length ? db.insert(channelFolio).values(values).returning() : [];
}

export async function insertFolioEvents(db: Db, values: (typeof channelFolioEvent.$inferInsert)[]) {
  if (values.length) await db.insert(channelFolioEvent).values(values);
}

export async function insertMessage(db: Db, values: typeof channelMessage.$inferInsert) {
  await db.insert(channelMessage).values(values);
}

export async function typedNumberTaken(
  db: Db,
  localOrgId: string,
  module: string,
  year: number,
  number: number,
) {
  const [row] = await db
    .select({ id: channelFolio.id })
    .from(channelFolio)
    .where(
      and(
        eq(channelFolio.localOrgId, localOrgId),
        eq(channelFolio.module, module as 'follow_up'),
        eq(channelFolio.year, year),
        eq(channelFolio.number, number),
      ),
    );
  return Boolean(row);
}

/** The folios of an organization in the given years, by "module:number/year", for an import's plan. */
export async function registeredFoliosForImport(db: Db, localOrgId: string, years: readonly number[]) {
  if (!years.length) return new Map<string, RegisteredFolio>();
  const rows = await db
    .select({
      module: channelFolio.module,
      number: channelFolio.number,
      year: channelFolio.year,
      subject: channelCommunication.subject,
      documentType: channelCommunication.documentType,
      sentOn: channelCommunication.sentOn,
      receivedOn: channelFolio.receivedOn,
    })
    .from(channelFolio)
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(and(eq(channelFolio.localOrgId, localOrgId), inArray(channelFolio.year, [...years])));
  return new Map<string, RegisteredFolio>(rows.map((r) => [`${r.module}:${r.number}/${r.year}`, r]));
}

export async function updateFolioStatus(
  db: Db,
  id: string,
  values: { status: Folio['status']; closedOn: string | null },
) {
  await db
    .update(channelFolio)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(channelFolio.id, id));
}

const folioColumns = {
  id: channelFolio.id,
  communicationId: channelFolio.communicationId,
  module: channelFolio.module,
  number: channelFolio.number,
  year: channelFolio.year,
  documentType: channelCommunication.documentType,
  nature: channelCommunication.nature,
  subject: channelCommunication.subject,
  body: channelCommunication.body,
  originLabel: channelCommunication.originLabel,
  originOrgId: channelCommunication.originOrgId,
  localOrgId: channelFolio.localOrgId,
  localAcronym: organization.acronym,
  localName: organization.name,
  nationalOrgId: channelFolio.nationalOrgId,
  status: channelFolio.status,
  sentOn: channelCommunication.sentOn,
  receivedOn: channelFolio.receivedOn,
  dueRule: channelFolio.dueRule,
  dueOn: channelFolio.dueOn,
  closedOn: channelFolio.closedOn,
};

type FolioRow = Awaited<ReturnType<typeof selectFolios>>[number];

function selectFolios(db: Db, where: SQL | undefined) {
  return db
    .select(folioColumns)
    .from(channelFolio)
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .innerJoin(organization, eq(organization.id, channelFolio.localOrgId))
    .where(where);
}

/** `today` and `soonLimit` are days in Mexico City; overdue and due-soon apply to open folios awaiting the local body. */
export function presentFolio(
  r: FolioRow,
  today: string,
  soonLimit: string,
  areas: Folio['areas'] = [],
): Folio {
  const awaitingLocal = r.status === 'pending_local' && r.dueOn !== null;
  return {
    id: r.id,
    communicationId: r.communicationId,
    folio: formatFolioNumber(r),
    module: r.module,
    number: r.number,
    year: r.year,
    documentType: r.documentType,
    nature: r.nature,
    subject: r.subject,
    originLabel: r.originLabel,
    localOrganization: { id: r.localOrgId, acronym: r.localAcronym, name: r.localName },
    nationalOrgId: r.nationalOrgId,
    status: r.status,
    sentOn: r.sentOn,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    overdue: awaitingLocal && r.dueOn! < today,
    dueSoon: awaitingLocal && r.dueOn! >= today && r.dueOn! <= soonLimit,
    areas,
  };
}

/**
 * The areas of `orgId` a folio is routed to (slips not withdrawn; an area once, as responsible if
 * it is for any slip), responsible first, as one JSON column of a folio query.
 */
function routedAreasColumn(orgId: string) {
  // channel_folio.id written out: Drizzle leaves a column unqualified in a one-table query, and
  // "id" inside this subquery would then be the area's or the slip's.
  return sql<Folio['areas']>`coalesce((
    select json_agg(json_build_object('id', x.id, 'name', x.name, 'role', x.role)
      order by x.role = 'responsible' desc, x.name)
    from (select a.id, a.name,
        case when bool_or(r.role = 'responsible') then 'responsible' else 'informed' end as role
      from channel_routing r join area a on a.id = r.area_id
      where r.folio_id = channel_folio.id and r.organization_id = ${orgId} and r.state <> 'withdrawn'
      group by a.id, a.name) x), '[]'::json)`;
}

/** The routed areas (routedAreasColumn) of each folio, in one statement. */
export async function areasOfFolios(
  db: Db,
  orgId: string,
  folioIds: string[],
): Promise<Map<string, Folio['areas']>> {
  if (!folioIds.length) return new Map();
  const rows = await db
    .select({ id: channelFolio.id, areas: routedAreasColumn(orgId) })
    .from(channelFolio)
    .where(inArray(channelFolio.id, folioIds));
  return new Map(rows.map((r) => [r.id, r.areas]));
}

export async function findFolioRow(db: Db, orgId: string, id: string): Promise<FolioRow | undefined> {
  const [row] = await selectFolios(db, and(eq(channelFolio.id, id), visibleTo(orgId)));
  return row;
}

/**
 * The folio's events as `viewerOrgId` sees them: both sides' status changes, and what the viewer
 * itself recorded about its routing to areas (internal to it: the other side never sees it).
 */
export async function folioHistory(
  db: Db,
  folioId: string,
  viewerOrgId: string,
): Promise<FolioDetail['history']> {
  const rows = await db
    .select()
    .from(channelFolioEvent)
    .where(
      and(
        eq(channelFolioEvent.folioId, folioId),
        or(
          notInArray(channelFolioEvent.event, Object.values(OPEN_ROUTING_EVENTS)),
          eq(channelFolioEvent.organizationId, viewerOrgId),
        ),
      ),
    )
    .orderBy(asc(channelFolioEvent.id));
  return rows.map((r) => ({
    event: r.event,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    actorLabel: r.actorLabel,
    reason: r.reason,
    occurredOn: r.occurredOn,
    occurredAt: r.occurredAt.toISOString(),
  }));
}

export async function folioMessages(db: Db, folioId: string): Promise<FolioDetail['messages']> {
  return db
    .select({
      id: channelMessage.id,
      fromSide: channelMessage.fromSide,
      text: channelMessage.text,
      sentOn: channelMessage.sentOn,
    })
    .from(channelMessage)
    .where(eq(channelMessage.folioId, folioId))
    .orderBy(asc(channelMessage.createdAt));
}

/**
 * How a text search matches: by Spanish stems over subject and body (`words`), or, when that finds
 * nothing, by every typed word inside the subject (`contains`), which catches an unaccented
 * singular ("ministracion") whose stem differs from the plural's ("ministraciones" → "ministr").
 * Only the first is tried when it finds something: the second reads trigram posting lists that are
 * long for common words (≈30 ms at a million folios).
 */
type TextMatch = 'words' | 'contains';

function listFilters(
  viewer: Viewer,
  q: Omit<FolioListQuery, 'page' | 'pageSize'>,
  today: string,
  text: TextMatch = 'words',
): SQL | undefined {
  const orgId = viewer.id;
  const f: (SQL | undefined)[] = [visibleFrom(viewer)];
  if (q.module) f.push(eq(channelFolio.module, q.module));
  if (q.documentType) f.push(eq(channelCommunication.documentType, q.documentType));
  if (q.nature) f.push(eq(channelFolio.nature, q.nature));
  if (q.status) f.push(eq(channelFolio.status, q.status));
  if (q.receivedFrom) f.push(gte(channelFolio.receivedOn, q.receivedFrom));
  if (q.receivedTo) f.push(lte(channelFolio.receivedOn, q.receivedTo));
  if (q.areaId)
    f.push(sql`exists (select 1 from channel_routing r where r.folio_id = ${channelFolio.id}
      and r.organization_id = ${orgId} and r.area_id = ${q.areaId} and r.state <> 'withdrawn')`);
  if (q.overdue !== undefined) {
    const overdue = sql`(${channelFolio.status} = 'pending_local' and ${channelFolio.dueOn} < ${today}::date)`;
    f.push(q.overdue ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  if (q.q) {
    const number = parseFolioNumber(q.q);
    f.push(
      number
        ? and(eq(channelFolio.number, number.number), eq(channelFolio.year, number.year))
        : text === 'words'
          ? sql`${channelFolio.searchVector} @@ websearch_to_tsquery('vincula_es'::regconfig, ${q.q})`
          : containsEveryWord(sql`${channelFolio.subjectFolded}`, q.q),
    );
  }
  return and(...f);
}

/**
 * A page of folios and their count. The count stops at COUNT_CAP, SEARCH_COUNT_CAP for a text
 * search (or one page past the page
 * asked for): `totalIsLowerBound` then says there are more. `soonLimit` (the due-soon limit, which
 * needs the organization's calendar) is only asked for when a folio of the page could be due soon.
 */
export async function listFolios(
  db: Db,
  viewer: Viewer,
  q: FolioListQuery,
  today: string,
  soonLimit: string | (() => Promise<string>),
) {
  // A search by words may find its page among the newest folios (see SEARCH_WALK).
  const walk =
    q.q && !q.documentType && !parseFolioNumber(q.q)
      ? {
          newest: listFilters(viewer, { ...q, q: undefined }, today),
          match: sql`coalesce(f.search_vector @@ websearch_to_tsquery('vincula_es'::regconfig, ${q.q}), false)`,
        }
      : undefined;
  const found = await pageAndCount(db, viewer, q, listFilters(viewer, q, today), walk);
  // A search whose stems match nothing tries the words inside the subjects.
  const { rows, n, limit } =
    found.n === 0 && q.q && !parseFolioNumber(q.q)
      ? await pageAndCount(db, viewer, q, listFilters(viewer, q, today, 'contains'))
      : found;
  const mayBeDueSoon = rows.some((r) => r.status === 'pending_local' && r.dueOn !== null && r.dueOn >= today);
  const limitDay = !mayBeDueSoon ? today : typeof soonLimit === 'string' ? soonLimit : await soonLimit();
  return {
    items: rows.map((r) => presentFolio(r, today, limitDay, r.areas)),
    total: Math.min(n, limit),
    totalIsLowerBound: n > limit,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A page of the folios matching `where`, and their count up to the list's cap. */
async function pageAndCount(
  db: Db,
  viewer: Viewer,
  q: FolioListQuery,
  where: SQL | undefined,
  walk?: { newest: SQL | undefined; match: SQL },
) {
  const limit = Math.max(q.q ? SEARCH_COUNT_CAP : COUNT_CAP, (q.page + 1) * q.pageSize);
  // Only the document type lives on the communication alone; every other filter reads the folio.
  const withCommunication = <Q extends PgSelect>(query: Q) =>
    q.documentType
      ? query.innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
      : query;
  const counted = withCommunication(
    db
      .select({ one: sql`1` })
      .from(channelFolio)
      .$dynamic(),
  )
    .where(where)
    .limit(limit + 1)
    .as('matches');
  // The page's folios are chosen first and only those are joined and presented: when PostgreSQL
  // misjudges how many folios match a search (it takes words as independent) it would otherwise
  // join every match before sorting.
  const pageIds = withCommunication(db.select({ id: channelFolio.id }).from(channelFolio).$dynamic())
    .where(where)
    .orderBy(...displayOrder)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const present = (ids: SQL | typeof pageIds) =>
    db
      .select({ ...folioColumns, areas: routedAreasColumn(viewer.id) })
      .from(channelFolio)
      .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
      .innerJoin(organization, eq(organization.id, channelFolio.localOrgId))
      .where(inArray(channelFolio.id, ids))
      .orderBy(...displayOrder);
  const total = db.select({ n: count() }).from(counted);
  if (!walk) {
    const [rows, [counts]] = await Promise.all([present(pageIds), total]);
    return { rows, n: counts?.n ?? 0, limit };
  }
  // The newest SEARCH_WALK folios, then the match checked on each in display order (written so
  // that no index serves it: the walk must not turn into a bitmap of every match).
  const newest = db
    .select({ id: channelFolio.id })
    .from(channelFolio)
    .where(walk.newest)
    .orderBy(...displayOrder)
    .limit(SEARCH_WALK);
  const walked = sql`(with newest as materialized (${newest})
    select f.id from newest n join channel_folio f on f.id = n.id where ${walk.match}
    order by f.received_on desc, f.year desc, f.number desc, f.id
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})`;
  const [fromNewest, [counts]] = await Promise.all([present(walked), total]);
  // A full page among the newest folios is the page: every other match is older.
  const rows = fromNewest.length === q.pageSize ? fromNewest : await present(pageIds);
  return { rows, n: counts?.n ?? 0, limit };
}

const displayOrder = [
  desc(channelFolio.receivedOn),
  desc(channelFolio.year),
  desc(channelFolio.number),
  asc(channelFolio.id),
];

/** The per-recipient picture of a communication, for its originator. */
export async function communicationSummary(db: Db, orgId: string, communicationId: string) {
  const [comm] = await db
    .select()
    .from(channelCommunication)
    .where(and(eq(channelCommunication.id, communicationId), eq(channelCommunication.originOrgId, orgId)));
  if (!comm) return undefined;
  const rows = await db
    .select({ status: channelFolio.status, n: count() })
    .from(channelFolio)
    .where(eq(channelFolio.communicationId, communicationId))
    .groupBy(channelFolio.status);
  const byStatus = { pending_local: 0, in_process_national: 0, cancelled: 0, concluded: 0 };
  for (const r of rows) byStatus[r.status] = r.n;
  return {
    communicationId,
    folio: formatFolioNumber(comm),
    recipients: rows.reduce((s, r) => s + r.n, 0),
    byStatus,
  };
}

/**
 * Folios of `orgId` received in [from, to], counted by month of receipt and by their status as of
 * the end of `asOf` (the last event on or before that day).
 */
export async function monthlyStatusCounts(
  db: Db,
  orgId: string,
  module: string,
  from: string,
  to: string,
  asOf: string,
) {
  // The organization's folios on each side read through that side's index (an OR of both
  // columns would combine two bitmaps and visit the table twice over); the indexes carry every
  // column read here, so neither side touches the table.
  const side = (column: SQL, other: SQL) => sql`
    select f.id, f.received_on, f.nature, f.status, f.last_event_on from channel_folio f
    where ${column} = ${orgId} ${other}
      and f.module = ${module} and f.received_on between ${from}::date and ${to}::date
      and f.received_on <= ${asOf}::date`;
  // One pass groups the folios whose last event is on or before the day (their status is still
  // that one: migration 0014 keeps last_event_on); a folio with a later event stays a group of its
  // own (late_id) and only those look up their history.
  const result = await db.execute(sql`
    with g as (
      select date_trunc('month', f.received_on) as month, f.nature,
        case when f.last_event_on <= ${asOf}::date then f.status end as status,
        case when f.last_event_on <= ${asOf}::date then null else f.id end as late_id,
        count(*)::int as n
      from (
        ${side(sql`f.local_org_id`, sql``)}
        union all
        ${side(sql`f.national_org_id`, sql`and f.local_org_id <> ${orgId}`)}
      ) f
      group by 1, 2, 3, 4)
    select to_char(g.month, 'YYYY-MM') as month, g.nature,
      coalesce(g.status, (select e.to_status from channel_folio_event e
        where e.folio_id = g.late_id and e.occurred_on <= ${asOf}::date
        order by e.occurred_on desc, e.id desc limit 1)) as status,
      sum(g.n)::int as n
    from g
    group by 1, 2, 3 order by 1`);
  return (
    result as unknown as { rows: { month: string; nature: string; status: string | null; n: number }[] }
  ).rows;
}

// ---- recurring obligations

export async function insertObligation(db: Db, values: typeof channelObligation.$inferInsert) {
  const [row] = await db.insert(channelObligation).values(values).returning();
  return row!;
}

/** A folio's obligations (the caller checked the folio is visible), with their months in order. */
export async function obligationsOfFolio(db: Db, folioId: string) {
  const obligations = await db
    .select({ ...getTableColumns(channelObligation), areaName: area.name })
    .from(channelObligation)
    .leftJoin(area, eq(area.id, channelObligation.areaId))
    .where(eq(channelObligation.folioId, folioId))
    .orderBy(asc(channelObligation.createdAt));
  if (!obligations.length) return [];
  const occurrences = await db
    .select()
    .from(channelOccurrence)
    .where(
      inArray(
        channelOccurrence.obligationId,
        obligations.map((o) => o.id),
      ),
    )
    .orderBy(asc(channelOccurrence.period));
  return obligations.map((o) => ({ ...o, occurrences: occurrences.filter((x) => x.obligationId === o.id) }));
}

/** An obligation of a folio the organization sees (either side), with its folio's sides. */
export async function findObligation(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: channelObligation.id,
      areaId: channelObligation.areaId,
      localOrgId: channelFolio.localOrgId,
      number: channelFolio.number,
      year: channelFolio.year,
    })
    .from(channelObligation)
    .innerJoin(channelFolio, eq(channelFolio.id, channelObligation.folioId))
    .where(and(eq(channelObligation.id, id), visibleTo(orgId)));
  return row;
}

export async function setObligationArea(db: Db, id: string, areaId: string | null) {
  await db
    .update(channelObligation)
    .set({ areaId, updatedAt: new Date() })
    .where(eq(channelObligation.id, id));
}

/** Recurring obligations of the organization's follow-up folios still open at the end of `to`. */
export async function openRecurringObligations(
  db: Db,
  orgId: string,
  to: string,
): Promise<RecurringObligation[]> {
  const rows = await db
    .select({
      year: channelFolio.year,
      number: channelFolio.number,
      subject: channelCommunication.subject,
      description: channelObligation.description,
      rule: channelObligation.dueRule,
    })
    .from(channelObligation)
    .innerJoin(channelFolio, eq(channelFolio.id, channelObligation.folioId))
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(
      and(
        eq(channelObligation.organizationId, orgId),
        sql`${channelObligation.startsOn} <= ${to}::date`,
        sql`(${channelObligation.endsOn} is null or ${channelObligation.endsOn} >= ${to}::date)`,
      ),
    )
    .orderBy(asc(channelFolio.year), asc(channelFolio.number), asc(channelObligation.createdAt));
  return rows.map((r) => ({
    folio: formatFolioNumber(r),
    subject: r.subject,
    description: r.description,
    rule: describeDueRule(r.rule),
  }));
}

export async function openObligations(db: Db) {
  return db.select().from(channelObligation);
}

/** Adds occurrences not yet there; returns how many were added. */
export async function insertOccurrences(db: Db, values: (typeof channelOccurrence.$inferInsert)[]) {
  if (!values.length) return 0;
  const rows = await db
    .insert(channelOccurrence)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: channelOccurrence.id });
  return rows.length;
}

/**
 * A month of an obligation of a folio the organization sees (either side), with what its rules
 * need; locked for update when `lock`, so that two answers or reviews of a month run one after the
 * other. Another organization's month is not found.
 */
export async function findOccurrence(db: Db, orgId: string, id: string, lock = false) {
  const query = db
    .select({
      id: channelOccurrence.id,
      organizationId: channelOccurrence.organizationId,
      period: channelOccurrence.period,
      dueOn: channelOccurrence.dueOn,
      status: channelOccurrence.status,
      answeredOn: channelOccurrence.answeredOn,
      obligationId: channelObligation.id,
      areaId: channelObligation.areaId,
      folioId: channelFolio.id,
      folioStatus: channelFolio.status,
      localOrgId: channelFolio.localOrgId,
      nationalOrgId: channelFolio.nationalOrgId,
      number: channelFolio.number,
      year: channelFolio.year,
    })
    .from(channelOccurrence)
    .innerJoin(channelObligation, eq(channelObligation.id, channelOccurrence.obligationId))
    .innerJoin(channelFolio, eq(channelFolio.id, channelObligation.folioId))
    .where(and(eq(channelOccurrence.id, id), visibleTo(orgId)));
  const [row] = lock ? await query.for('update', { of: channelOccurrence }) : await query;
  return row;
}

export async function updateOccurrence(
  db: Db,
  id: string,
  values: Partial<
    Pick<
      typeof channelOccurrence.$inferInsert,
      'status' | 'answeredOn' | 'answerText' | 'answeredBy' | 'reviewedOn' | 'reviewedBy' | 'returnReason'
    >
  >,
) {
  await db
    .update(channelOccurrence)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(channelOccurrence.id, id));
}

/** At most this many months in an area's queue (the open ones come first, by due date). */
export const AREA_OCCURRENCES_LIMIT = 200;

/**
 * The months of the obligations answered by the given areas of the organization: open (owed:
 * pending or returned), closed (answered or accepted) or all; owed months by due date, others newest first.
 */
export async function areaOccurrences(
  db: Db,
  orgId: string,
  areaIds: readonly string[],
  state: 'open' | 'closed' | 'all',
) {
  if (!areaIds.length) return [];
  const owed = inArray(channelOccurrence.status, ['pending', 'returned']);
  return db
    .select({
      occurrence: channelOccurrence,
      obligationId: channelObligation.id,
      description: channelObligation.description,
      areaId: area.id,
      areaName: area.name,
      folioId: channelFolio.id,
      number: channelFolio.number,
      year: channelFolio.year,
      subject: channelCommunication.subject,
    })
    .from(channelOccurrence)
    .innerJoin(channelObligation, eq(channelObligation.id, channelOccurrence.obligationId))
    .innerJoin(area, eq(area.id, channelObligation.areaId))
    .innerJoin(channelFolio, eq(channelFolio.id, channelObligation.folioId))
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(
      and(
        eq(channelOccurrence.organizationId, orgId),
        eq(channelFolio.localOrgId, orgId),
        inArray(channelObligation.areaId, [...areaIds]),
        state === 'open'
          ? owed
          : state === 'closed'
            ? inArray(channelOccurrence.status, ['answered', 'accepted'])
            : undefined,
      ),
    )
    .orderBy(
      sql`case when ${owed} then 0 else 1 end`,
      sql`case when ${owed} then ${channelOccurrence.dueOn} end asc`,
      desc(channelOccurrence.period),
      asc(channelOccurrence.id),
    )
    .limit(AREA_OCCURRENCES_LIMIT);
}

/** Months the local body still owes (pending or returned) whose due date has passed. */
export async function overdueOccurrenceCount(db: Db, orgId: string, today: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(channelOccurrence)
    .where(
      and(
        eq(channelOccurrence.organizationId, orgId),
        inArray(channelOccurrence.status, ['pending', 'returned']),
        sql`${channelOccurrence.dueOn} < ${today}::date`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** The quarters ("2024-T1") in which the organization received or sent folios, on either side. */
export async function quartersWithFolios(db: Db, orgId: string): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct extract(year from received_on)::int || '-T' || extract(quarter from received_on)::int as k
    from channel_folio where local_org_id = ${orgId} or national_org_id = ${orgId}`);
  return (result as unknown as { rows: { k: string }[] }).rows.map((r) => r.k);
}

/** The follow-up folios local bodies hold in the given years, for the national authority's import. */
export async function heldFollowUpFolios(db: Db, nationalOrgId: string, years: readonly number[]) {
  if (!years.length) return [];
  return db
    .select({
      localOrgId: channelFolio.localOrgId,
      year: channelFolio.year,
      number: channelFolio.number,
      communicationId: channelFolio.communicationId,
      numbered: sql<boolean>`${channelCommunication.numberingOrgId} is not distinct from ${nationalOrgId}::uuid`,
      subject: channelCommunication.subject,
      documentType: channelCommunication.documentType,
      sentOn: channelCommunication.sentOn,
    })
    .from(channelFolio)
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(and(eq(channelFolio.module, 'follow_up'), inArray(channelFolio.year, [...years])));
}
