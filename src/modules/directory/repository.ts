import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import { todayInMexicoCity } from '../../shared/dates';
import type {
  Area,
  AreaHead,
  AreaListQuery,
  Institution,
  InstitutionListQuery,
  Person,
  PersonListQuery,
  Position,
} from './contract';
import { area, institution, person, position } from './schema';

// All reads and writes of the directory. Every function takes the organization and filters by it.

const iso = (d: Date) => d.toISOString();

function presentInstitution(r: typeof institution.$inferSelect): Institution {
  const { organizationId: _, createdAt, updatedAt, ...rest } = r;
  return { ...rest, createdAt: iso(createdAt), updatedAt: iso(updatedAt) };
}

export async function findInstitution(db: Db, orgId: string, id: string): Promise<Institution | undefined> {
  const [row] = await db
    .select()
    .from(institution)
    .where(and(eq(institution.organizationId, orgId), eq(institution.id, id)));
  return row && presentInstitution(row);
}

function institutionFilters(
  orgId: string,
  q: Omit<InstitutionListQuery, 'page' | 'pageSize'>,
): SQL | undefined {
  const f: SQL[] = [eq(institution.organizationId, orgId)];
  if (q.q)
    f.push(foldedContains(sql`${institution.name} || ' ' || coalesce(${institution.acronym}, '')`, q.q));
  if (q.kind) f.push(eq(institution.kind, q.kind));
  if (q.level) f.push(eq(institution.level, q.level));
  if (q.country) f.push(eq(institution.country, q.country));
  return and(...f);
}

export async function listInstitutions(db: Db, orgId: string, q: InstitutionListQuery) {
  const where = institutionFilters(orgId, q);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(institution)
      .where(where)
      .orderBy(asc(institution.name), asc(institution.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(institution).where(where),
  ]);
  return { items: rows.map(presentInstitution), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function allInstitutions(
  db: Db,
  orgId: string,
  q: Omit<InstitutionListQuery, 'page' | 'pageSize'>,
) {
  const rows = await db
    .select()
    .from(institution)
    .where(institutionFilters(orgId, q))
    .orderBy(asc(institution.name));
  return rows.map(presentInstitution);
}

export async function insertInstitution(
  db: Db,
  orgId: string,
  values: Omit<typeof institution.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(institution)
    .values({ ...values, organizationId: orgId })
    .returning();
  return presentInstitution(row!);
}

export async function updateInstitutionRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof institution.$inferInsert>,
) {
  const [row] = await db
    .update(institution)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(institution.organizationId, orgId), eq(institution.id, id)))
    .returning();
  return row && presentInstitution(row);
}

// ---- areas and their heads

// Correlated subqueries name their tables explicitly: Drizzle leaves columns unqualified.
const personName = sql<string>`(select pe.full_name from person pe where pe.id = "position"."person_id")`;

function presentHead(r: {
  id: string;
  personId: string;
  personName: string;
  headKind: string | null;
  title: string;
  startsOn: string;
  endsOn: string | null;
}): AreaHead {
  return {
    positionId: r.id,
    personId: r.personId,
    personName: r.personName,
    headKind: r.headKind as AreaHead['headKind'],
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
  };
}

export async function areaHeads(db: Db, orgId: string, areaId: string): Promise<AreaHead[]> {
  const rows = await db
    .select({
      id: position.id,
      personId: position.personId,
      personName,
      headKind: position.headKind,
      title: position.title,
      startsOn: position.startsOn,
      endsOn: position.endsOn,
    })
    .from(position)
    .where(
      and(
        eq(position.organizationId, orgId),
        eq(position.areaId, areaId),
        sql`${position.headKind} is not null`,
      ),
    )
    .orderBy(desc(position.startsOn));
  return rows.map(presentHead);
}

const currentHeadJson = (day: string) => sql<AreaHead | null>`(
  select json_build_object(
    'positionId', p.id, 'personId', p.person_id, 'personName', pe.full_name, 'headKind', p.head_kind,
    'title', p.title, 'startsOn', p.starts_on, 'endsOn', p.ends_on)
  from position p join person pe on pe.id = p.person_id
  where p.area_id = "area"."id" and p.head_kind is not null
    and p.starts_on <= ${day}::date and (p.ends_on is null or p.ends_on >= ${day}::date)
  order by p.starts_on desc limit 1)`;

function presentArea(r: typeof area.$inferSelect & { currentHead: AreaHead | null }): Area {
  const { organizationId: _, createdAt, updatedAt, ...rest } = r;
  return { ...rest, createdAt: iso(createdAt), updatedAt: iso(updatedAt) };
}

function areaFilters(orgId: string, q: Omit<AreaListQuery, 'page' | 'pageSize'>) {
  const f: SQL[] = [eq(area.organizationId, orgId)];
  if (q.q) {
    f.push(
      foldedContains(
        sql`${area.name} || ' ' || coalesce(${area.acronym}, '') || ' ' || vincula_join(${area.aliases})`,
        q.q,
      ),
    );
  }
  if (q.kind) f.push(eq(area.kind, q.kind));
  return and(...f);
}

export async function listAreas(db: Db, orgId: string, q: AreaListQuery) {
  const where = areaFilters(orgId, q);
  const today = todayInMexicoCity();
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...areaColumns(), currentHead: currentHeadJson(today) })
      .from(area)
      .where(where)
      .orderBy(asc(area.name), asc(area.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(area).where(where),
  ]);
  return { items: rows.map(presentArea), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function allAreas(db: Db, orgId: string, q: Omit<AreaListQuery, 'page' | 'pageSize'> = {}) {
  const rows = await db
    .select({ ...areaColumns(), currentHead: currentHeadJson(todayInMexicoCity()) })
    .from(area)
    .where(areaFilters(orgId, q))
    .orderBy(asc(area.name));
  return rows.map(presentArea);
}

function areaColumns() {
  return {
    id: area.id,
    organizationId: area.organizationId,
    name: area.name,
    acronym: area.acronym,
    kind: area.kind,
    parentId: area.parentId,
    aliases: area.aliases,
    createdAt: area.createdAt,
    updatedAt: area.updatedAt,
  };
}

export async function findArea(db: Db, orgId: string, id: string): Promise<Area | undefined> {
  const [row] = await db
    .select({ ...areaColumns(), currentHead: currentHeadJson(todayInMexicoCity()) })
    .from(area)
    .where(and(eq(area.organizationId, orgId), eq(area.id, id)));
  return row && presentArea(row);
}

export async function insertArea(
  db: Db,
  orgId: string,
  values: Omit<typeof area.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(area)
    .values({ ...values, organizationId: orgId })
    .returning({ id: area.id });
  return (await findArea(db, orgId, row!.id))!;
}

export async function updateAreaRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof area.$inferInsert>,
) {
  await db
    .update(area)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(area.organizationId, orgId), eq(area.id, id)));
  return findArea(db, orgId, id);
}

/** The chain of ancestors of `parentId`, nearest first, to refuse cycles. */
export async function ancestorIds(db: Db, orgId: string, parentId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${area} where id = ${parentId} and organization_id = ${orgId}
      union all
      select a.id, a.parent_id, up.depth + 1 from ${area} a join up on a.id = up.parent_id where up.depth < 100
    ) select id from up order by depth`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

// ---- people and positions

const positionColumns = {
  id: position.id,
  personId: position.personId,
  title: position.title,
  areaId: position.areaId,
  areaName: sql<string | null>`(select a.name from area a where a.id = "position"."area_id")`,
  institutionId: position.institutionId,
  institutionName: sql<
    string | null
  >`(select i.name from institution i where i.id = "position"."institution_id")`,
  headKind: position.headKind,
  startsOn: position.startsOn,
  endsOn: position.endsOn,
};

export async function positionsOf(
  db: Db,
  orgId: string,
  personIds: string[],
  onlyCurrentOn?: string,
): Promise<Position[]> {
  if (!personIds.length) return [];
  const f: SQL[] = [eq(position.organizationId, orgId), inArray(position.personId, personIds)];
  if (onlyCurrentOn) {
    f.push(sql`${position.startsOn} <= ${onlyCurrentOn}::date`);
    f.push(or(isNull(position.endsOn), sql`${position.endsOn} >= ${onlyCurrentOn}::date`)!);
  }
  const rows = await db
    .select(positionColumns)
    .from(position)
    .where(and(...f))
    .orderBy(desc(position.startsOn), asc(position.title));
  return rows as Position[];
}

export async function findPosition(db: Db, orgId: string, personId: string, positionId: string) {
  const [row] = await db
    .select(positionColumns)
    .from(position)
    .where(
      and(eq(position.organizationId, orgId), eq(position.personId, personId), eq(position.id, positionId)),
    );
  return row as Position | undefined;
}

/** Heads of `areaId` whose term overlaps [from, to], other than `exceptId`. */
export async function overlappingHeads(
  db: Db,
  orgId: string,
  areaId: string,
  from: string,
  to: string | null,
  exceptId?: string,
) {
  const rows = await db
    .select({ id: position.id, startsOn: position.startsOn, endsOn: position.endsOn, personName })
    .from(position)
    .where(
      and(
        eq(position.organizationId, orgId),
        eq(position.areaId, areaId),
        sql`${position.headKind} is not null`,
        exceptId ? sql`${position.id} <> ${exceptId}` : undefined,
        to ? sql`${position.startsOn} <= ${to}::date` : undefined,
        or(isNull(position.endsOn), sql`${position.endsOn} >= ${from}::date`),
      ),
    );
  return rows;
}

type PersonRow = typeof person.$inferSelect;

async function presentPeople(db: Db, orgId: string, rows: PersonRow[]): Promise<Person[]> {
  const current = await positionsOf(
    db,
    orgId,
    rows.map((r) => r.id),
    todayInMexicoCity(),
  );
  return rows.map(({ organizationId: _, createdAt, updatedAt, ...r }) => ({
    ...r,
    currentPositions: current.filter((p) => p.personId === r.id),
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
  }));
}

function personFilters(orgId: string, q: Omit<PersonListQuery, 'page' | 'pageSize'>) {
  const f: SQL[] = [eq(person.organizationId, orgId)];
  if (q.q) f.push(foldedContains(sql`${person.fullName} || ' ' || vincula_join(${person.aliases})`, q.q));
  if (q.areaId) {
    f.push(
      sql`exists (select 1 from position p where p.person_id = "person"."id" and p.area_id = ${q.areaId})`,
    );
  }
  if (q.institutionId) {
    f.push(
      sql`exists (select 1 from position p where p.person_id = "person"."id" and p.institution_id = ${q.institutionId})`,
    );
  }
  return and(...f);
}

export async function listPeople(db: Db, orgId: string, q: PersonListQuery) {
  const where = personFilters(orgId, q);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(person)
      .where(where)
      .orderBy(asc(person.fullName), asc(person.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(person).where(where),
  ]);
  return {
    items: await presentPeople(db, orgId, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function allPeople(db: Db, orgId: string, q: Omit<PersonListQuery, 'page' | 'pageSize'> = {}) {
  const rows = await db.select().from(person).where(personFilters(orgId, q)).orderBy(asc(person.fullName));
  return presentPeople(db, orgId, rows);
}

export async function findPerson(db: Db, orgId: string, id: string): Promise<Person | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(and(eq(person.organizationId, orgId), eq(person.id, id)));
  return row ? (await presentPeople(db, orgId, [row]))[0] : undefined;
}

export async function insertPerson(
  db: Db,
  orgId: string,
  values: Omit<typeof person.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(person)
    .values({ ...values, organizationId: orgId })
    .returning({ id: person.id });
  return (await findPerson(db, orgId, row!.id))!;
}

export async function updatePersonRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof person.$inferInsert>,
) {
  await db
    .update(person)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(person.organizationId, orgId), eq(person.id, id)));
  return findPerson(db, orgId, id);
}

export async function insertPosition(
  db: Db,
  orgId: string,
  values: Omit<typeof position.$inferInsert, 'organizationId'>,
) {
  const [row] = await db
    .insert(position)
    .values({ ...values, organizationId: orgId })
    .returning({ id: position.id });
  return (await findPosition(db, orgId, values.personId, row!.id))!;
}

export async function updatePositionRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof position.$inferInsert>,
) {
  await db
    .update(position)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(position.organizationId, orgId), eq(position.id, id)));
}

export async function deletePositionRow(db: Db, orgId: string, id: string) {
  await db.delete(position).where(and(eq(position.organizationId, orgId), eq(position.id, id)));
}

// ---- deletion

/** What still points at a record, by kind, counted (only kinds with at least one reference). */
export async function referencesTo(
  db: Db,
  orgId: string,
  entity: 'institution' | 'area' | 'person',
  id: string,
) {
  const checks: Record<typeof entity, SQL> = {
    institution: sql`select 'positions' as kind, count(*)::int as n from position where organization_id = ${orgId} and institution_id = ${id}`,
    area: sql`select 'positions' as kind, count(*)::int as n from position where organization_id = ${orgId} and area_id = ${id}
              union all select 'children', count(*)::int from area where organization_id = ${orgId} and parent_id = ${id}
              union all select 'users', count(*)::int from user_area where area_id = ${id}`,
    person: sql`select 'positions' as kind, count(*)::int as n from position where organization_id = ${orgId} and person_id = ${id}`,
  };
  const result = await db.execute(checks[entity]);
  return (result as unknown as { rows: { kind: string; n: number }[] }).rows.filter((r) => Number(r.n) > 0);
}

export async function deleteRow(
  db: Db,
  orgId: string,
  entity: 'institution' | 'area' | 'person',
  id: string,
) {
  const table = { institution, area, person }[entity];
  await db.delete(table).where(and(eq(table.organizationId, orgId), eq(table.id, id)));
}

// ---- references from other modules: ids they hold must be records of the organization's directory

type DirectoryTable = typeof institution | typeof area | typeof person;

async function existingIn(db: Db, table: DirectoryTable, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows: { id: string }[] = await db
    .select({ id: table.id })
    .from(table as typeof institution)
    .where(and(eq(table.organizationId, orgId), inArray(table.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** The ids among `ids` that are institutions of the organization's directory. */
export const existingInstitutionIds = (db: Db, orgId: string, ids: string[]) =>
  existingIn(db, institution, orgId, ids);
/** The ids among `ids` that are areas of the organization. */
export const existingAreaIds = (db: Db, orgId: string, ids: string[]) => existingIn(db, area, orgId, ids);
/** The ids among `ids` that are people of the organization's directory. */
export const existingPersonIds = (db: Db, orgId: string, ids: string[]) => existingIn(db, person, orgId, ids);

/** How many areas the organization has, and how many of them have no head on the day (set-up checklist). */
export async function areaHeadCoverage(db: Db, orgId: string, day: string) {
  const [row] = await db
    .select({
      areas: count(),
      withoutHead: sql<number>`count(*) filter (where not exists (
        select 1 from position p where p.organization_id = "area"."organization_id" and p.area_id = "area"."id"
          and p.head_kind is not null and p.starts_on <= ${day}::date
          and (p.ends_on is null or p.ends_on >= ${day}::date)))`.mapWith(Number),
    })
    .from(area)
    .where(eq(area.organizationId, orgId));
  return { areas: row?.areas ?? 0, withoutHead: row?.withoutHead ?? 0 };
}
