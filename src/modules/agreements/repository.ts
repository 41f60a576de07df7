import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { fold } from '../../shared/fold';
import { organization } from '../accounts/schema';
import { area, institution, person, position } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { storedFile } from '../platform/files/schema';
import type {
  Accompaniment,
  AgreementSettings,
  Commitment,
  Instrument,
  InstrumentFile,
  InstrumentFilters,
  InstrumentStatus,
  InstrumentType,
  Opinion,
  OpinionListQuery,
} from './contract';
import { defaultOpinionPrefix } from './opinion-number';
import {
  accompanimentActivity,
  agreementSettings,
  commitment,
  commitmentUpdate,
  instrument,
  instrumentAlert,
  instrumentArea,
  instrumentFile,
  instrumentParty,
  instrumentRenewal,
  instrumentStatusChange,
  instrumentType,
  opinion,
  opinionArea,
  review,
  reviewDecision,
} from './schema';
import { addDays } from '../../shared/dates';
import { IN_FORCE } from './contract-status';
import { chainTitle, type TitlePart } from './title';
import { effectiveEnd, type ValidityNode } from './validity';

// All reads and writes of the agreements register. Every function takes the organization and
// filters by it.

const iso = (d: Date) => d.toISOString();

// ---- instrument types

/** The eleven types every organization starts with (issue 5); gender drives "al" / "a la". */
export const DEFAULT_TYPES: { name: string; gender: 'm' | 'f' }[] = [
  { name: 'Convenio General de Coordinación y Colaboración', gender: 'm' },
  { name: 'Convenio General de Apoyo y Colaboración', gender: 'm' },
  { name: 'Convenio de Coordinación y Colaboración', gender: 'm' },
  { name: 'Convenio de Colaboración', gender: 'm' },
  { name: 'Convenio Específico', gender: 'm' },
  { name: 'Convenio Modificador', gender: 'm' },
  { name: 'Adenda', gender: 'f' },
  { name: 'Anexo Técnico', gender: 'm' },
  { name: 'Anexo Financiero', gender: 'm' },
  { name: 'Carta Intención', gender: 'f' },
  { name: 'Programa de Trabajo', gender: 'm' },
];

/** Fills the organization's type table with the defaults the first time it is used. */
export async function ensureDefaultTypes(db: Db, orgId: string): Promise<void> {
  const [any] = await db
    .select({ id: instrumentType.id })
    .from(instrumentType)
    .where(eq(instrumentType.organizationId, orgId))
    .limit(1);
  if (any) return;
  await db
    .insert(instrumentType)
    .values(DEFAULT_TYPES.map((t) => ({ ...t, organizationId: orgId })))
    .onConflictDoNothing();
}

export async function listTypes(db: Db, orgId: string): Promise<InstrumentType[]> {
  return db
    .select({ id: instrumentType.id, name: instrumentType.name, gender: instrumentType.gender })
    .from(instrumentType)
    .where(eq(instrumentType.organizationId, orgId))
    .orderBy(asc(instrumentType.createdAt), asc(instrumentType.name));
}

export async function findType(db: Db, orgId: string, id: string): Promise<InstrumentType | undefined> {
  const [row] = await db
    .select({ id: instrumentType.id, name: instrumentType.name, gender: instrumentType.gender })
    .from(instrumentType)
    .where(and(eq(instrumentType.organizationId, orgId), eq(instrumentType.id, id)));
  return row;
}

export async function findTypeByName(db: Db, orgId: string, name: string) {
  const [row] = await db
    .select({ id: instrumentType.id, name: instrumentType.name, gender: instrumentType.gender })
    .from(instrumentType)
    .where(and(eq(instrumentType.organizationId, orgId), eq(instrumentType.name, name)));
  return row;
}

export async function insertType(db: Db, orgId: string, values: { name: string; gender: 'm' | 'f' }) {
  const [row] = await db
    .insert(instrumentType)
    .values({ ...values, organizationId: orgId })
    .returning({ id: instrumentType.id, name: instrumentType.name, gender: instrumentType.gender });
  return row!;
}

// ---- settings

export async function getSettings(db: Db, orgId: string): Promise<AgreementSettings> {
  const [row] = await db
    .select({
      opinionPrefix: agreementSettings.opinionPrefix,
      alertLeadDays: agreementSettings.alertLeadDays,
      alertRepeatDays: agreementSettings.alertRepeatDays,
    })
    .from(agreementSettings)
    .where(eq(agreementSettings.organizationId, orgId));
  if (row) return row;
  const [org] = await db
    .select({ acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.id, orgId));
  return {
    opinionPrefix: defaultOpinionPrefix(org?.acronym ?? 'ORG'),
    alertLeadDays: 60,
    alertRepeatDays: 7,
  };
}

export async function saveSettings(db: Db, orgId: string, values: AgreementSettings): Promise<void> {
  await db
    .insert(agreementSettings)
    .values({ organizationId: orgId, ...values })
    .onConflictDoUpdate({ target: agreementSettings.organizationId, set: values });
}

// ---- the instrument tree (titles and effective ends are derived from it)

export type TreeNode = TitlePart &
  ValidityNode & {
    id: string;
    parentId: string | null;
    typeId: string;
    status: InstrumentStatus;
  };
export type Tree = Map<string, TreeNode>;

/**
 * Every instrument of the organization with what titles and validity derive from. A register holds
 * hundreds to a few thousand instruments: one light query per request is cheaper than recursive
 * SQL per row.
 */
export async function loadTree(db: Db, orgId: string): Promise<Tree> {
  const rows = await db
    .select({
      id: instrument.id,
      parentId: instrument.parentId,
      typeId: instrument.typeId,
      typeName: instrumentType.name,
      gender: instrumentType.gender,
      ordinal: instrument.ordinal,
      designation: instrument.designation,
      subject: instrument.subject,
      linkPreposition: instrument.linkPreposition,
      validityKind: instrument.validityKind,
      validFrom: instrument.validFrom,
      validUntil: instrument.validUntil,
      status: instrument.status,
    })
    .from(instrument)
    .innerJoin(instrumentType, eq(instrumentType.id, instrument.typeId))
    .where(eq(instrument.organizationId, orgId));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The instrument, then its parent, up to the root. */
export function chainOf(tree: Tree, id: string): TreeNode[] {
  const chain: TreeNode[] = [];
  const seen = new Set<string>();
  for (
    let node = tree.get(id);
    node && !seen.has(node.id);
    node = node.parentId ? tree.get(node.parentId) : undefined
  ) {
    seen.add(node.id);
    chain.push(node);
  }
  return chain;
}

export const titleIn = (tree: Tree, id: string) => chainTitle(chainOf(tree, id));
export const effectiveEndIn = (tree: Tree, id: string) => effectiveEnd(chainOf(tree, id));

// ---- instruments

type InstrumentRow = typeof instrument.$inferSelect;

async function partiesOf(db: Db, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, Instrument['parties']>();
  const rows = await db
    .select({
      instrumentId: instrumentParty.instrumentId,
      institutionId: institution.id,
      name: institution.name,
      acronym: institution.acronym,
    })
    .from(instrumentParty)
    .innerJoin(institution, eq(institution.id, instrumentParty.institutionId))
    .where(and(eq(instrumentParty.organizationId, orgId), inArray(instrumentParty.instrumentId, ids)))
    .orderBy(asc(instrumentParty.position));
  const map = new Map<string, Instrument['parties']>();
  for (const { instrumentId, ...p } of rows) map.set(instrumentId, [...(map.get(instrumentId) ?? []), p]);
  return map;
}

/** The responsible areas of each instrument among `ids`, by name. */
export async function instrumentAreas(db: Db, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, Instrument['areas']>();
  const rows = await db
    .select({ instrumentId: instrumentArea.instrumentId, id: area.id, name: area.name })
    .from(instrumentArea)
    .innerJoin(area, eq(area.id, instrumentArea.areaId))
    .where(and(eq(instrumentArea.organizationId, orgId), inArray(instrumentArea.instrumentId, ids)))
    .orderBy(asc(area.name));
  const map = new Map<string, Instrument['areas']>();
  for (const { instrumentId, ...a } of rows) map.set(instrumentId, [...(map.get(instrumentId) ?? []), a]);
  return map;
}

async function present(db: Db, orgId: string, tree: Tree, rows: InstrumentRow[]): Promise<Instrument[]> {
  const ids = rows.map((r) => r.id);
  const [parties, areas] = await Promise.all([partiesOf(db, orgId, ids), instrumentAreas(db, orgId, ids)]);
  return rows.map((r) => {
    const node = tree.get(r.id)!;
    return {
      id: r.id,
      typeId: r.typeId,
      typeName: node.typeName,
      parentId: r.parentId,
      ordinal: r.ordinal,
      designation: r.designation,
      subject: r.subject,
      linkPreposition: r.linkPreposition,
      title: titleIn(tree, r.id),
      organizationIsParty: r.organizationIsParty,
      parties: parties.get(r.id) ?? [],
      areas: areas.get(r.id) ?? [],
      object: r.object,
      signedOn: r.signedOn,
      validityKind: r.validityKind,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      effectiveEnd: effectiveEndIn(tree, r.id),
      renewalTerms: r.renewalTerms,
      status: r.status,
      notes: r.notes,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  });
}

export async function findInstrumentRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(instrument)
    .where(and(eq(instrument.organizationId, orgId), eq(instrument.id, id)));
  return row;
}

export async function findInstrument(db: Db, orgId: string, id: string): Promise<Instrument | undefined> {
  const row = await findInstrumentRow(db, orgId, id);
  if (!row) return undefined;
  const [presented] = await present(db, orgId, await loadTree(db, orgId), [row]);
  return presented;
}

function sqlFilters(orgId: string, q: InstrumentFilters): SQL | undefined {
  const f: SQL[] = [eq(instrument.organizationId, orgId)];
  if (q.typeId) f.push(eq(instrument.typeId, q.typeId));
  if (q.status?.length) f.push(inArray(instrument.status, q.status));
  if (q.partyId) {
    f.push(
      sql`exists (select 1 from instrument_party ip where ip.instrument_id = ${instrument.id} and ip.institution_id = ${q.partyId})`,
    );
  }
  if (q.areaId) {
    f.push(
      sql`exists (select 1 from instrument_area ia where ia.instrument_id = ${instrument.id} and ia.area_id = ${q.areaId})`,
    );
  }
  if (q.roots === 'true') f.push(sql`${instrument.parentId} is null`);
  if (q.parentId) f.push(eq(instrument.parentId, q.parentId));
  if (q.signedFrom) f.push(gte(instrument.signedOn, q.signedFrom));
  if (q.signedTo) f.push(lte(instrument.signedOn, q.signedTo));
  return and(...f);
}

/**
 * The ids kept by the filters on derived values (title words; in force with an effective end within
 * N days of `on`), computed on the tree; undefined when no such filter applies.
 */
function derivedFilterIds(tree: Tree, q: InstrumentFilters, today: string): string[] | undefined {
  if (!q.q && q.expiringWithinDays === undefined) return undefined;
  let nodes = [...tree.values()];
  if (q.q) {
    const words = fold(q.q).split(/\s+/).filter(Boolean);
    nodes = nodes.filter((n) => {
      const title = fold(titleIn(tree, n.id));
      return words.every((w) => title.includes(w));
    });
  }
  if (q.expiringWithinDays !== undefined) {
    const on = q.on ?? today;
    const until = addDays(on, q.expiringWithinDays);
    nodes = nodes.filter((n) => {
      const end = effectiveEndIn(tree, n.id);
      return IN_FORCE.includes(n.status) && end !== null && end >= on && end <= until;
    });
  }
  return nodes.map((n) => n.id);
}

/** Latest signed first; then annexes and addenda by their number, then by registration. */
const instrumentOrder = [
  sql`${instrument.signedOn} desc nulls last`,
  sql`${instrument.ordinal} asc nulls first`,
  asc(instrument.createdAt),
  asc(instrument.id),
];

/**
 * Every instrument matching the filters (exports, report tables), in the list order. Filters on
 * derived values (title words, expiring within N days of `today`) select ids on the tree first.
 */
export async function allInstruments(
  db: Db,
  orgId: string,
  q: InstrumentFilters,
  today: string,
): Promise<Instrument[]> {
  const tree = await loadTree(db, orgId);
  const ids = derivedFilterIds(tree, q, today);
  if (ids && !ids.length) return [];
  const rows = await db
    .select()
    .from(instrument)
    .where(and(sqlFilters(orgId, q), ids ? inArray(instrument.id, ids) : undefined))
    .orderBy(...instrumentOrder);
  return present(db, orgId, tree, rows);
}

/** One page of the list: filtered, ordered, counted and paged in SQL; titles derived per page. */
export async function listInstruments(
  db: Db,
  orgId: string,
  q: InstrumentFilters & { page: number; pageSize: number },
  today: string,
) {
  const tree = await loadTree(db, orgId);
  const ids = derivedFilterIds(tree, q, today);
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  if (ids && !ids.length) return empty;
  const where = and(sqlFilters(orgId, q), ids ? inArray(instrument.id, ids) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(instrument)
      .where(where)
      .orderBy(...instrumentOrder)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(instrument).where(where),
  ]);
  return {
    items: await present(db, orgId, tree, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function insertInstrument(
  db: Db,
  orgId: string,
  values: Omit<typeof instrument.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(instrument)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function updateInstrumentRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof instrument.$inferInsert>,
) {
  const [row] = await db
    .update(instrument)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(instrument.organizationId, orgId), eq(instrument.id, id)))
    .returning();
  return row;
}

export async function replaceParties(db: Db, orgId: string, instrumentId: string, institutionIds: string[]) {
  await db.delete(instrumentParty).where(eq(instrumentParty.instrumentId, instrumentId));
  if (institutionIds.length) {
    await db.insert(instrumentParty).values(
      institutionIds.map((institutionId, i) => ({
        instrumentId,
        institutionId,
        organizationId: orgId,
        position: i,
      })),
    );
  }
}

export async function replaceAreas(db: Db, orgId: string, instrumentId: string, areaIds: string[]) {
  await db.delete(instrumentArea).where(eq(instrumentArea.instrumentId, instrumentId));
  if (areaIds.length) {
    await db
      .insert(instrumentArea)
      .values(areaIds.map((areaId) => ({ instrumentId, areaId, organizationId: orgId })));
  }
}

export { existingAreaIds, existingInstitutionIds } from '../directory';

export async function insertStatusChange(
  db: Db,
  orgId: string,
  values: {
    instrumentId: string;
    fromStatus: InstrumentStatus | null;
    toStatus: InstrumentStatus;
    changedOn: string;
    note?: string | null;
  },
) {
  await db.insert(instrumentStatusChange).values({ ...values, organizationId: orgId });
}

export async function lastStatusChangeOn(db: Db, orgId: string, instrumentId: string) {
  const [row] = await db
    .select({ day: sql<string>`max(${instrumentStatusChange.changedOn})::text` })
    .from(instrumentStatusChange)
    .where(
      and(
        eq(instrumentStatusChange.organizationId, orgId),
        eq(instrumentStatusChange.instrumentId, instrumentId),
      ),
    );
  return row?.day ?? null;
}

export async function insertRenewal(
  db: Db,
  orgId: string,
  values: Omit<typeof instrumentRenewal.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(instrumentRenewal)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function instrumentDetailParts(db: Db, orgId: string, id: string, tree: Tree) {
  const [history, renewals, files, commitments] = await Promise.all([
    db
      .select({
        id: instrumentStatusChange.id,
        fromStatus: instrumentStatusChange.fromStatus,
        toStatus: instrumentStatusChange.toStatus,
        changedOn: instrumentStatusChange.changedOn,
        note: instrumentStatusChange.note,
      })
      .from(instrumentStatusChange)
      .where(
        and(eq(instrumentStatusChange.organizationId, orgId), eq(instrumentStatusChange.instrumentId, id)),
      )
      .orderBy(asc(instrumentStatusChange.createdAt)),
    db
      .select({
        id: instrumentRenewal.id,
        renewedOn: instrumentRenewal.renewedOn,
        previousEnd: instrumentRenewal.previousEnd,
        newEnd: instrumentRenewal.newEnd,
        amendingInstrumentId: instrumentRenewal.amendingInstrumentId,
        note: instrumentRenewal.note,
      })
      .from(instrumentRenewal)
      .where(and(eq(instrumentRenewal.organizationId, orgId), eq(instrumentRenewal.instrumentId, id)))
      .orderBy(asc(instrumentRenewal.renewedOn), asc(instrumentRenewal.createdAt)),
    listFiles(db, orgId, id),
    listCommitments(db, orgId, id),
  ]);
  const chain = chainOf(tree, id)
    .slice(1)
    .reverse()
    .map((n) => ({ id: n.id, title: titleIn(tree, n.id) }));
  const children = [...tree.values()]
    .filter((n) => n.parentId === id)
    .map((n) => ({ id: n.id, title: titleIn(tree, n.id), status: n.status }))
    .sort((a, b) => a.title.localeCompare(b.title, 'es'));
  return { chain, children, statusHistory: history, renewals, files, commitments };
}

/** The latest day someone acted on each instrument: status change, renewal or review decision. */
export async function lastActions(db: Db, orgId: string): Promise<Map<string, string>> {
  const result = await db.execute(sql`
    select instrument_id, max(day)::text as day from (
      select instrument_id, changed_on as day from instrument_status_change where organization_id = ${orgId}
      union all
      select instrument_id, renewed_on from instrument_renewal where organization_id = ${orgId}
      union all
      select instrument_id, decided_on from review_decision where organization_id = ${orgId}
    ) actions group by instrument_id`);
  const rows = (result as unknown as { rows: { instrument_id: string; day: string }[] }).rows;
  return new Map(rows.map((r) => [r.instrument_id, r.day]));
}

// ---- files

export async function listFiles(db: Db, orgId: string, instrumentId: string): Promise<InstrumentFile[]> {
  const rows = await db
    .select({
      id: instrumentFile.id,
      kind: instrumentFile.kind,
      filename: instrumentFile.filename,
      mediaType: instrumentFile.mediaType,
      size: instrumentFile.size,
      sha256: instrumentFile.sha256,
      uploadedAt: instrumentFile.uploadedAt,
    })
    .from(instrumentFile)
    .where(and(eq(instrumentFile.organizationId, orgId), eq(instrumentFile.instrumentId, instrumentId)))
    .orderBy(asc(instrumentFile.uploadedAt));
  return rows.map((r) => ({ ...r, uploadedAt: iso(r.uploadedAt) }));
}

export async function insertFile(
  db: Db,
  orgId: string,
  values: Omit<typeof instrumentFile.$inferInsert, 'organizationId'>,
): Promise<InstrumentFile> {
  const [r] = await db
    .insert(instrumentFile)
    .values({ ...values, organizationId: orgId })
    .returning();
  return {
    id: r!.id,
    kind: r!.kind,
    filename: r!.filename,
    mediaType: r!.mediaType,
    size: r!.size,
    sha256: r!.sha256,
    uploadedAt: iso(r!.uploadedAt),
  };
}

export async function findFileContent(db: Db, orgId: string, instrumentId: string, fileId: string) {
  const [row] = await db
    .select({
      filename: instrumentFile.filename,
      mediaType: instrumentFile.mediaType,
      content: storedFile.content,
    })
    .from(instrumentFile)
    .innerJoin(storedFile, eq(storedFile.sha256, instrumentFile.sha256))
    .where(
      and(
        eq(instrumentFile.organizationId, orgId),
        eq(instrumentFile.instrumentId, instrumentId),
        eq(instrumentFile.id, fileId),
      ),
    );
  return row;
}

// ---- commitments

export async function listCommitments(db: Db, orgId: string, instrumentId: string): Promise<Commitment[]> {
  const rows = await db
    .select({
      id: commitment.id,
      instrumentId: commitment.instrumentId,
      owedByAreaId: commitment.owedByAreaId,
      owedByInstitutionId: commitment.owedByInstitutionId,
      owedByName: sql<string>`coalesce((select a.name from area a where a.id = "commitment"."owed_by_area_id"), (select i.name from institution i where i.id = "commitment"."owed_by_institution_id"), '')`,
      description: commitment.description,
      dueOn: commitment.dueOn,
      fulfilled: commitment.fulfilled,
    })
    .from(commitment)
    .where(and(eq(commitment.organizationId, orgId), eq(commitment.instrumentId, instrumentId)))
    .orderBy(asc(commitment.dueOn), asc(commitment.createdAt));
  const updates = rows.length
    ? await db
        .select({
          id: commitmentUpdate.id,
          commitmentId: commitmentUpdate.commitmentId,
          updatedOn: commitmentUpdate.updatedOn,
          note: commitmentUpdate.note,
          fulfilled: commitmentUpdate.fulfilled,
        })
        .from(commitmentUpdate)
        .where(
          and(
            eq(commitmentUpdate.organizationId, orgId),
            inArray(
              commitmentUpdate.commitmentId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(commitmentUpdate.updatedOn), asc(commitmentUpdate.createdAt))
    : [];
  return rows.map((r) => ({
    ...r,
    updates: updates.filter((u) => u.commitmentId === r.id).map(({ commitmentId: _, ...u }) => u),
  }));
}

export async function findCommitmentRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(commitment)
    .where(and(eq(commitment.organizationId, orgId), eq(commitment.id, id)));
  return row;
}

export async function insertCommitment(
  db: Db,
  orgId: string,
  values: Omit<typeof commitment.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(commitment)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function insertCommitmentUpdate(
  db: Db,
  orgId: string,
  values: Omit<typeof commitmentUpdate.$inferInsert, 'organizationId'>,
) {
  await db.insert(commitmentUpdate).values({ ...values, organizationId: orgId });
  if (values.fulfilled) {
    await db
      .update(commitment)
      .set({ fulfilled: true })
      .where(and(eq(commitment.organizationId, orgId), eq(commitment.id, values.commitmentId)));
  }
}

// ---- reviews

export async function findReviewRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(review)
    .where(and(eq(review.organizationId, orgId), eq(review.id, id)));
  return row;
}

export async function findReviewByPeriod(db: Db, orgId: string, period: string) {
  const [row] = await db
    .select()
    .from(review)
    .where(and(eq(review.organizationId, orgId), eq(review.period, period)));
  return row;
}

export async function insertReview(
  db: Db,
  orgId: string,
  values: { period: string; title: string; openedOn: string },
) {
  const [row] = await db
    .insert(review)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

async function reviewCounts(db: Db, orgId: string, reviewIds: string[]) {
  if (!reviewIds.length) return [];
  return db
    .select({
      reviewId: reviewDecision.reviewId,
      month: sql<string>`to_char(${reviewDecision.decidedOn}, 'YYYY-MM')`,
      count: count(),
    })
    .from(reviewDecision)
    .where(and(eq(reviewDecision.organizationId, orgId), inArray(reviewDecision.reviewId, reviewIds)))
    .groupBy(reviewDecision.reviewId, sql`to_char(${reviewDecision.decidedOn}, 'YYYY-MM')`)
    .orderBy(sql`2`);
}

export async function listReviews(db: Db, orgId: string) {
  const rows = await db
    .select()
    .from(review)
    .where(eq(review.organizationId, orgId))
    .orderBy(desc(review.period));
  const counts = await reviewCounts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const countsByMonth = counts
      .filter((c) => c.reviewId === r.id)
      .map((c) => ({ month: c.month, count: Number(c.count) }));
    return {
      id: r.id,
      period: r.period,
      title: r.title,
      openedOn: r.openedOn,
      decisions: countsByMonth.reduce((s, c) => s + c.count, 0),
      countsByMonth,
    };
  });
}

export async function reviewDecisions(db: Db, orgId: string, reviewId: string) {
  return db
    .select({
      instrumentId: reviewDecision.instrumentId,
      decision: reviewDecision.decision,
      decidedOn: reviewDecision.decidedOn,
      note: reviewDecision.note,
    })
    .from(reviewDecision)
    .where(and(eq(reviewDecision.organizationId, orgId), eq(reviewDecision.reviewId, reviewId)));
}

export async function upsertDecision(
  db: Db,
  orgId: string,
  values: {
    reviewId: string;
    instrumentId: string;
    decision: 'keep' | 'renegotiate' | 'conclude';
    decidedOn: string;
    note: string | null;
  },
) {
  await db
    .insert(reviewDecision)
    .values({ ...values, organizationId: orgId })
    .onConflictDoUpdate({
      target: [reviewDecision.reviewId, reviewDecision.instrumentId],
      set: { decision: values.decision, decidedOn: values.decidedOn, note: values.note },
    });
}

// ---- opinions

function opinionFilters(orgId: string, q: Omit<OpinionListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const f: SQL[] = [eq(opinion.organizationId, orgId)];
  if (q.status) f.push(eq(opinion.status, q.status));
  // A period selects issued opinions by their issue date (the report's annex table).
  if (q.from) f.push(gte(opinion.issuedOn, q.from));
  if (q.to) f.push(lte(opinion.issuedOn, q.to));
  if (q.instrumentId) f.push(eq(opinion.instrumentId, q.instrumentId));
  if (q.areaId) {
    f.push(
      sql`exists (select 1 from opinion_area oa where oa.opinion_id = ${opinion.id} and oa.area_id = ${q.areaId})`,
    );
  }
  return and(...f);
}

async function presentOpinions(
  db: Db,
  orgId: string,
  rows: (typeof opinion.$inferSelect)[],
): Promise<Opinion[]> {
  if (!rows.length) return [];
  const tree = await loadTree(db, orgId);
  const areas = await db
    .select({ opinionId: opinionArea.opinionId, id: area.id, name: area.name })
    .from(opinionArea)
    .innerJoin(area, eq(area.id, opinionArea.areaId))
    .where(
      and(
        eq(opinionArea.organizationId, orgId),
        inArray(
          opinionArea.opinionId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(opinionArea.position));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    year: r.year,
    sequence: r.sequence,
    status: r.status,
    instrumentId: r.instrumentId,
    instrumentTitle: titleIn(tree, r.instrumentId),
    areas: areas.filter((a) => a.opinionId === r.id).map(({ opinionId: _, ...a }) => a),
    requestedOn: r.requestedOn,
    issuedOn: r.issuedOn,
    content: r.content,
  }));
}

export async function listOpinions(db: Db, orgId: string, q: OpinionListQuery) {
  const where = opinionFilters(orgId, q);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(opinion)
      .where(where)
      .orderBy(
        sql`${opinion.year} desc nulls first`,
        sql`${opinion.sequence} asc nulls last`,
        desc(opinion.requestedOn),
        asc(opinion.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(opinion).where(where),
  ]);
  return {
    items: await presentOpinions(db, orgId, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findOpinionRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(opinion)
    .where(and(eq(opinion.organizationId, orgId), eq(opinion.id, id)));
  return row;
}

export async function findOpinion(db: Db, orgId: string, id: string) {
  const row = await findOpinionRow(db, orgId, id);
  return row && (await presentOpinions(db, orgId, [row]))[0];
}

export async function insertOpinion(
  db: Db,
  orgId: string,
  values: Omit<typeof opinion.$inferInsert, 'organizationId'>,
  areaIds: string[],
) {
  const [row] = await db
    .insert(opinion)
    .values({ ...values, organizationId: orgId })
    .returning();
  await db
    .insert(opinionArea)
    .values(
      areaIds.map((areaId, position) => ({ opinionId: row!.id, areaId, organizationId: orgId, position })),
    );
  return row!;
}

export async function updateOpinionRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof opinion.$inferInsert>,
) {
  const [row] = await db
    .update(opinion)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(opinion.organizationId, orgId), eq(opinion.id, id)))
    .returning();
  return row;
}

// ---- accompaniment

export async function listAccompaniments(
  db: Db,
  orgId: string,
  q: { from?: string; to?: string; id?: string },
) {
  const f: SQL[] = [eq(accompanimentActivity.organizationId, orgId)];
  if (q.id) f.push(eq(accompanimentActivity.id, q.id));
  if (q.from) f.push(gte(accompanimentActivity.occurredOn, q.from));
  if (q.to) f.push(lte(accompanimentActivity.occurredOn, q.to));
  const rows = await db
    .select({
      id: accompanimentActivity.id,
      occurredOn: accompanimentActivity.occurredOn,
      areaId: accompanimentActivity.areaId,
      areaName: area.name,
      institutionId: accompanimentActivity.institutionId,
      institutionName: institution.name,
      instrumentId: accompanimentActivity.instrumentId,
      description: accompanimentActivity.description,
    })
    .from(accompanimentActivity)
    .innerJoin(area, eq(area.id, accompanimentActivity.areaId))
    .innerJoin(institution, eq(institution.id, accompanimentActivity.institutionId))
    .where(and(...f))
    .orderBy(asc(accompanimentActivity.occurredOn), asc(accompanimentActivity.createdAt));
  return {
    items: rows satisfies Accompaniment[],
    activities: rows.length,
    institutions: new Set(rows.map((r) => r.institutionId)).size,
  };
}

export async function insertAccompaniment(
  db: Db,
  orgId: string,
  values: Omit<typeof accompanimentActivity.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(accompanimentActivity)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function findAccompaniment(
  db: Db,
  orgId: string,
  id: string,
): Promise<Accompaniment | undefined> {
  const { items } = await listAccompaniments(db, orgId, { id });
  return items[0];
}

/** A review with every instrument it walks: those in force, plus those it already decided on. */
export async function reviewDetail(db: Db, orgId: string, id: string) {
  const rev = (await listReviews(db, orgId)).find((r) => r.id === id);
  if (!rev) return undefined;
  const [tree, decisions] = await Promise.all([loadTree(db, orgId), reviewDecisions(db, orgId, id)]);
  const decided = new Map(decisions.map((d) => [d.instrumentId, d]));
  const items = [...tree.values()]
    .filter((n) => IN_FORCE.includes(n.status) || decided.has(n.id))
    .map((n) => {
      const d = decided.get(n.id);
      return {
        instrumentId: n.id,
        title: titleIn(tree, n.id),
        status: n.status,
        effectiveEnd: effectiveEndIn(tree, n.id),
        decision: d?.decision ?? null,
        decidedOn: d?.decidedOn ?? null,
        note: d?.note ?? null,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'es'));
  return { ...rev, items };
}

// ---- expiry alerts

/** Organizations with instruments in force (the daily alert job's work list; not user-facing). */
export async function organizationsWithInstrumentsInForce(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organizationId: instrument.organizationId })
    .from(instrument)
    .where(inArray(instrument.status, [...IN_FORCE]));
  return rows.map((r) => r.organizationId);
}

/**
 * The e-mail addresses of the people holding, on `on`, a position in one of the areas (the
 * directory's current holders), without duplicates, in alphabetical order.
 */
export async function areaRecipients(
  db: Db,
  orgId: string,
  areaIds: string[],
  on: string,
): Promise<string[]> {
  if (!areaIds.length) return [];
  const rows = await db
    .selectDistinct({ email: sql<string>`lower(trim(${person.email}))` })
    .from(position)
    .innerJoin(person, eq(person.id, position.personId))
    .where(
      and(
        eq(position.organizationId, orgId),
        eq(person.organizationId, orgId),
        inArray(position.areaId, areaIds),
        lte(position.startsOn, on),
        sql`(${position.endsOn} is null or ${position.endsOn} >= ${on})`,
        sql`coalesce(trim(${person.email}), '') <> ''`,
      ),
    );
  return rows.map((r) => r.email).sort();
}

/** Records an alert step; false when it was already recorded (by this or another instance). */
export async function insertAlert(
  db: Db,
  orgId: string,
  values: { instrumentId: string; effectiveEnd: string; dueOn: string; sentOn: string; recipients: string[] },
): Promise<boolean> {
  const rows = await db
    .insert(instrumentAlert)
    .values({ ...values, organizationId: orgId })
    .onConflictDoNothing({
      target: [instrumentAlert.instrumentId, instrumentAlert.effectiveEnd, instrumentAlert.dueOn],
    })
    .returning({ id: instrumentAlert.id });
  return rows.length > 0;
}

/** Alerts sent, latest first, paged in SQL; titles derive from the tree. */
export async function listSentAlerts(
  db: Db,
  orgId: string,
  q: { instrumentId?: string; page: number; pageSize: number },
) {
  const where = and(
    eq(instrumentAlert.organizationId, orgId),
    q.instrumentId ? eq(instrumentAlert.instrumentId, q.instrumentId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(instrumentAlert)
      .where(where)
      .orderBy(desc(instrumentAlert.sentOn), desc(instrumentAlert.dueOn), asc(instrumentAlert.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(instrumentAlert).where(where),
  ]);
  const tree = rows.length ? await loadTree(db, orgId) : new Map();
  return {
    items: rows.map((r) => ({
      id: r.id,
      instrumentId: r.instrumentId,
      title: titleIn(tree, r.instrumentId),
      effectiveEnd: r.effectiveEnd,
      dueOn: r.dueOn,
      sentOn: r.sentOn,
      recipients: r.recipients,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
