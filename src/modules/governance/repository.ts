import {
  and,
  asc,
  between,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lte,
  max,
  sql,
  type SQL,
} from 'drizzle-orm';
import { user } from '../accounts/schema';
import { area, institution, person, position } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import { storedFile } from '../platform/files/schema';
import type {
  AgendaItem,
  Agreement,
  AgreementOption,
  AgreementSearchQuery,
  Body,
  FeedToken,
  HeadKind,
  Mandate,
  MandateStatus,
  Membership,
  MembershipRole,
  SessionKind,
  Vote,
} from './contract';
import { opinionsOf } from './convocation-repository';
import {
  agendaDocument,
  agendaItem,
  agreement,
  agreementVote,
  attendance,
  bodyMembership,
  bodySession,
  calendarFeedToken,
  governingBody,
  mandate,
  mandateArea,
  mandateUpdate,
} from './schema';
import { formatAgreementNumber, isOverdue, type HeadFact, type MembershipFact } from './rules';

// All reads and writes of the governance module. Every function takes the organization and filters by it.

// ---- bodies

function presentBody(r: typeof governingBody.$inferSelect): Body {
  return {
    id: r.id,
    name: r.name,
    acronym: r.acronym,
    kind: r.kind,
    agreementPrefix: r.agreementPrefix,
    createdByAgreement: r.createdByAgreement,
    createdOn: r.createdOn,
    endedOn: r.endedOn,
  };
}

export async function findBody(db: Db, orgId: string, id: string): Promise<Body | undefined> {
  const [row] = await db
    .select()
    .from(governingBody)
    .where(and(eq(governingBody.organizationId, orgId), eq(governingBody.id, id)));
  return row && presentBody(row);
}

export async function findBodyByAcronym(db: Db, orgId: string, acronym: string): Promise<Body | undefined> {
  const [row] = await db
    .select()
    .from(governingBody)
    .where(and(eq(governingBody.organizationId, orgId), eq(governingBody.acronym, acronym)));
  return row && presentBody(row);
}

export async function listBodies(db: Db, orgId: string): Promise<Body[]> {
  const rows = await db
    .select()
    .from(governingBody)
    .where(eq(governingBody.organizationId, orgId))
    .orderBy(asc(governingBody.kind), asc(governingBody.name));
  return rows.map(presentBody);
}

export async function insertBody(
  db: Db,
  orgId: string,
  values: Omit<typeof governingBody.$inferInsert, 'organizationId'>,
): Promise<Body> {
  const [row] = await db
    .insert(governingBody)
    .values({ ...values, organizationId: orgId })
    .returning();
  return presentBody(row!);
}

// ---- memberships

const membershipColumns = {
  id: bodyMembership.id,
  bodyId: bodyMembership.bodyId,
  role: bodyMembership.role,
  personId: bodyMembership.personId,
  personName: person.fullName,
  institutionId: bodyMembership.institutionId,
  institutionName: institution.name,
  areaId: bodyMembership.areaId,
  areaName: area.name,
  startsOn: bodyMembership.startsOn,
  endsOn: bodyMembership.endsOn,
  agreementId: bodyMembership.agreementId,
  agreementReference: bodyMembership.agreementReference,
  sortOrder: bodyMembership.sortOrder,
  agreementYear: agreement.year,
  agreementSeq: agreement.number,
  prefix: governingBody.agreementPrefix,
};

function selectMemberships(db: Db) {
  return db
    .select(membershipColumns)
    .from(bodyMembership)
    .leftJoin(person, eq(person.id, bodyMembership.personId))
    .leftJoin(institution, eq(institution.id, bodyMembership.institutionId))
    .leftJoin(area, eq(area.id, bodyMembership.areaId))
    .leftJoin(agreement, eq(agreement.id, bodyMembership.agreementId))
    .innerJoin(governingBody, eq(governingBody.id, bodyMembership.bodyId));
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof selectMemberships>['where']>>[number];

function presentMembership(r: MembershipRow): Membership {
  const { agreementYear, agreementSeq, prefix, ...rest } = r;
  return {
    ...rest,
    agreementNumber:
      agreementYear !== null && agreementSeq !== null
        ? formatAgreementNumber(prefix, agreementSeq, agreementYear)
        : null,
  };
}

export async function listMemberships(db: Db, orgId: string, bodyId: string): Promise<Membership[]> {
  const rows = await selectMemberships(db)
    .where(and(eq(bodyMembership.organizationId, orgId), eq(bodyMembership.bodyId, bodyId)))
    .orderBy(asc(bodyMembership.sortOrder), asc(bodyMembership.startsOn), asc(bodyMembership.id));
  const order: MembershipRole[] = [
    'president',
    'member',
    'technical_secretary',
    'party_representation',
    'area_invitee',
    'invitee',
  ];
  return rows.map(presentMembership).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

export async function findMembership(
  db: Db,
  orgId: string,
  bodyId: string,
  id: string,
): Promise<Membership | undefined> {
  const [row] = await selectMemberships(db).where(
    and(
      eq(bodyMembership.organizationId, orgId),
      eq(bodyMembership.bodyId, bodyId),
      eq(bodyMembership.id, id),
    ),
  );
  return row && presentMembership(row);
}

export async function insertMembership(
  db: Db,
  orgId: string,
  values: Omit<typeof bodyMembership.$inferInsert, 'organizationId'>,
): Promise<string> {
  const [row] = await db
    .insert(bodyMembership)
    .values({ ...values, organizationId: orgId })
    .returning({ id: bodyMembership.id });
  return row!.id;
}

export async function updateMembershipRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof bodyMembership.$inferInsert>,
): Promise<void> {
  await db
    .update(bodyMembership)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(bodyMembership.organizationId, orgId), eq(bodyMembership.id, id)));
}

/** The memberships of a body as plain facts for the roster rules. */
export async function membershipFacts(db: Db, orgId: string, bodyId: string): Promise<MembershipFact[]> {
  return db
    .select({
      id: bodyMembership.id,
      role: bodyMembership.role,
      personId: bodyMembership.personId,
      institutionId: bodyMembership.institutionId,
      areaId: bodyMembership.areaId,
      startsOn: bodyMembership.startsOn,
      endsOn: bodyMembership.endsOn,
      sortOrder: bodyMembership.sortOrder,
    })
    .from(bodyMembership)
    .where(and(eq(bodyMembership.organizationId, orgId), eq(bodyMembership.bodyId, bodyId)));
}

/** The directory's heads (titular, encargado de despacho) of the given areas over time. */
export async function headFacts(db: Db, orgId: string, areaIds: string[]): Promise<HeadFact[]> {
  if (!areaIds.length) return [];
  const rows = await db
    .select({
      areaId: position.areaId,
      personId: position.personId,
      headKind: position.headKind,
      startsOn: position.startsOn,
      endsOn: position.endsOn,
    })
    .from(position)
    .where(
      and(
        eq(position.organizationId, orgId),
        inArray(position.areaId, areaIds),
        isNotNull(position.headKind),
      ),
    );
  return rows.map((r) => ({ ...r, areaId: r.areaId!, headKind: r.headKind as HeadKind }));
}

// ---- directory lookups (names for rosters, reports and validation)

export type PersonInfo = { id: string; fullName: string; gender: string; honorific: string | null };

export async function peopleById(db: Db, orgId: string, ids: string[]): Promise<Map<string, PersonInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: person.id, fullName: person.fullName, gender: person.gender, honorific: person.honorific })
    .from(person)
    .where(and(eq(person.organizationId, orgId), inArray(person.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export type InstitutionInfo = { id: string; name: string; kind: string };
export async function institutionsById(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<Map<string, InstitutionInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: institution.id, name: institution.name, kind: institution.kind })
    .from(institution)
    .where(and(eq(institution.organizationId, orgId), inArray(institution.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export type AreaInfo = { id: string; name: string; acronym: string | null; kind: string };
export async function areasById(db: Db, orgId: string, ids: string[]): Promise<Map<string, AreaInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: area.id, name: area.name, acronym: area.acronym, kind: area.kind })
    .from(area)
    .where(and(eq(area.organizationId, orgId), inArray(area.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The title of the position a person held on a day (the first found), for wording such as footnotes. */
export async function positionTitleOn(
  db: Db,
  orgId: string,
  personId: string,
  day: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ title: position.title })
    .from(position)
    .where(
      and(
        eq(position.organizationId, orgId),
        eq(position.personId, personId),
        lte(position.startsOn, day),
        sql`(${position.endsOn} is null or ${position.endsOn} >= ${day})`,
      ),
    )
    .orderBy(desc(position.headKind), asc(position.startsOn))
    .limit(1);
  return row?.title;
}

// ---- sessions

export type SessionRow = typeof bodySession.$inferSelect;

export async function listSessionRows(
  db: Db,
  orgId: string,
  bodyId: string,
  period: { from?: string; to?: string } = {},
): Promise<SessionRow[]> {
  const f: SQL[] = [eq(bodySession.organizationId, orgId), eq(bodySession.bodyId, bodyId)];
  if (period.from) f.push(gte(bodySession.heldOn, period.from));
  if (period.to) f.push(lte(bodySession.heldOn, period.to));
  return db
    .select()
    .from(bodySession)
    .where(and(...f))
    .orderBy(asc(bodySession.heldOn), asc(bodySession.startTime), asc(bodySession.id));
}

/** The sessions of the body of the same kind and year, to derive numbers. */
export async function sessionsForNumbering(
  db: Db,
  orgId: string,
  bodyId: string,
  years: number[],
): Promise<
  { id: string; kind: SessionKind; heldOn: string; startTime: string | null; cancelled: boolean }[]
> {
  if (!years.length) return [];
  return db
    .select({
      id: bodySession.id,
      kind: bodySession.kind,
      heldOn: bodySession.heldOn,
      startTime: bodySession.startTime,
      cancelled: sql<boolean>`${bodySession.cancelledOn} is not null`,
    })
    .from(bodySession)
    .where(
      and(
        eq(bodySession.organizationId, orgId),
        eq(bodySession.bodyId, bodyId),
        inArray(sql<number>`extract(year from ${bodySession.heldOn})::int`, years),
      ),
    );
}

export async function findSessionRow(db: Db, orgId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(bodySession)
    .where(and(eq(bodySession.organizationId, orgId), eq(bodySession.id, id)));
  return row;
}

/** The sessions among `ids` that have attendance recorded, and those with agreements adopted. */
export async function sessionsWithRecords(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<{ attended: Set<string>; adopted: Set<string> }> {
  if (!ids.length) return { attended: new Set(), adopted: new Set() };
  const [attended, adopted] = await Promise.all([
    db
      .selectDistinct({ id: attendance.sessionId })
      .from(attendance)
      .where(and(eq(attendance.organizationId, orgId), inArray(attendance.sessionId, ids))),
    db
      .selectDistinct({ id: agreement.sessionId })
      .from(agreement)
      .where(and(eq(agreement.organizationId, orgId), inArray(agreement.sessionId, ids))),
  ]);
  return {
    attended: new Set(attended.map((r) => r.id)),
    adopted: new Set(adopted.flatMap((r) => (r.id ? [r.id] : []))),
  };
}

/** Locks the session row until the transaction ends (edits of a session and its agreements queue). */
export async function lockSessionRow(db: Db, orgId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(bodySession)
    .where(and(eq(bodySession.organizationId, orgId), eq(bodySession.id, id)))
    .for('update');
  return row;
}

export async function insertSession(
  db: Db,
  orgId: string,
  values: Omit<typeof bodySession.$inferInsert, 'organizationId'>,
): Promise<SessionRow> {
  const [row] = await db
    .insert(bodySession)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function updateSessionRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof bodySession.$inferInsert>,
): Promise<void> {
  await db
    .update(bodySession)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(bodySession.organizationId, orgId), eq(bodySession.id, id)));
}

// ---- agenda

export async function listAgenda(db: Db, orgId: string, sessionId: string): Promise<AgendaItem[]> {
  const items = await db
    .select()
    .from(agendaItem)
    .where(and(eq(agendaItem.organizationId, orgId), eq(agendaItem.sessionId, sessionId)))
    .orderBy(asc(agendaItem.position));
  if (!items.length) return [];
  const docs = await db
    .select({
      id: agendaDocument.id,
      agendaItemId: agendaDocument.agendaItemId,
      filename: agendaDocument.filename,
      sha256: agendaDocument.fileSha256,
      size: storedFile.size,
      mediaType: storedFile.mediaType,
    })
    .from(agendaDocument)
    .innerJoin(storedFile, eq(storedFile.sha256, agendaDocument.fileSha256))
    .where(
      and(
        eq(agendaDocument.organizationId, orgId),
        inArray(
          agendaDocument.agendaItemId,
          items.map((i) => i.id),
        ),
      ),
    )
    .orderBy(asc(agendaDocument.createdAt), asc(agendaDocument.id));
  return items.map((i) => ({
    id: i.id,
    position: i.position,
    title: i.title,
    description: i.description,
    documents: docs.filter((d) => d.agendaItemId === i.id).map(({ agendaItemId: _, ...d }) => d),
  }));
}

export async function findAgendaItem(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(agendaItem)
    .where(and(eq(agendaItem.organizationId, orgId), eq(agendaItem.id, id)));
  return row;
}

export async function insertAgendaItem(
  db: Db,
  orgId: string,
  sessionId: string,
  values: { title: string; description: string | null },
) {
  const [last] = await db
    .select({ n: max(agendaItem.position) })
    .from(agendaItem)
    .where(and(eq(agendaItem.organizationId, orgId), eq(agendaItem.sessionId, sessionId)));
  const [row] = await db
    .insert(agendaItem)
    .values({ ...values, sessionId, organizationId: orgId, position: (last?.n ?? 0) + 1 })
    .returning();
  return row!;
}

export async function updateAgendaItemRow(
  db: Db,
  orgId: string,
  id: string,
  values: { title?: string; description?: string | null },
): Promise<void> {
  await db
    .update(agendaItem)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(agendaItem.organizationId, orgId), eq(agendaItem.id, id)));
}

export async function deleteAgendaItemRow(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(agendaItem).where(and(eq(agendaItem.organizationId, orgId), eq(agendaItem.id, id)));
}

/**
 * Numbers the session's items 1, 2, 3… in the order given. Positions are unique per session, so
 * the items step aside to negative positions first.
 */
export async function renumberAgenda(db: Db, orgId: string, sessionId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const scope = and(eq(agendaItem.organizationId, orgId), eq(agendaItem.sessionId, sessionId));
  await db
    .update(agendaItem)
    .set({ position: sql`-${agendaItem.position}` })
    .where(scope);
  const cases = sql.join(
    ids.map((id, i) => sql`when ${id}::uuid then ${i + 1}::int`),
    sql` `,
  );
  await db
    .update(agendaItem)
    .set({ position: sql`case ${agendaItem.id} ${cases} end`, updatedAt: new Date() })
    .where(and(scope, inArray(agendaItem.id, ids)));
}

export async function insertAgendaDocument(
  db: Db,
  orgId: string,
  values: { agendaItemId: string; fileSha256: string; filename: string },
) {
  const [row] = await db
    .insert(agendaDocument)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function findAgendaDocument(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: agendaDocument.id,
      filename: agendaDocument.filename,
      content: storedFile.content,
      mediaType: storedFile.mediaType,
    })
    .from(agendaDocument)
    .innerJoin(storedFile, eq(storedFile.sha256, agendaDocument.fileSha256))
    .where(and(eq(agendaDocument.organizationId, orgId), eq(agendaDocument.id, id)));
  return row;
}

// ---- attendance

export type AttendanceRow = typeof attendance.$inferSelect;

export async function listAttendance(db: Db, orgId: string, sessionIds: string[]): Promise<AttendanceRow[]> {
  if (!sessionIds.length) return [];
  return db
    .select()
    .from(attendance)
    .where(and(eq(attendance.organizationId, orgId), inArray(attendance.sessionId, sessionIds)));
}

export async function upsertAttendance(
  db: Db,
  orgId: string,
  rows: Omit<typeof attendance.$inferInsert, 'organizationId'>[],
): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(attendance)
    .values(rows.map((r) => ({ ...r, organizationId: orgId })))
    .onConflictDoUpdate({
      target: [attendance.sessionId, attendance.membershipId],
      set: {
        present: sql`excluded.present`,
        role: sql`excluded.role`,
        personId: sql`excluded.person_id`,
        institutionId: sql`excluded.institution_id`,
        headKind: sql`excluded.head_kind`,
        updatedAt: new Date(),
      },
    });
}

// ---- agreements

const agreementColumns = {
  row: agreement,
  prefix: governingBody.agreementPrefix,
  minutesApproved: sql<boolean>`coalesce((select s.minutes_approved_by is not null from body_session s where s.id = "agreement"."session_id"), false)`,
};

async function presentAgreements(
  db: Db,
  rows: { row: typeof agreement.$inferSelect; prefix: string; minutesApproved: boolean }[],
): Promise<Agreement[]> {
  const ids = rows.filter((r) => r.row.voteKind === 'recorded').map((r) => r.row.id);
  const votes = ids.length
    ? await db
        .select({
          agreementId: agreementVote.agreementId,
          membershipId: agreementVote.membershipId,
          personId: agreementVote.personId,
          personName: person.fullName,
          vote: agreementVote.vote,
        })
        .from(agreementVote)
        .innerJoin(person, eq(person.id, agreementVote.personId))
        .where(inArray(agreementVote.agreementId, ids))
    : [];
  const opinions = await opinionsOf(
    db,
    rows.map((r) => r.row.id),
  );
  return rows.map(({ row, prefix, minutesApproved }) => ({
    id: row.id,
    bodyId: row.bodyId,
    sessionId: row.sessionId,
    agendaItemId: row.agendaItemId,
    number: formatAgreementNumber(prefix, row.number, row.year),
    year: row.year,
    sequence: row.number,
    title: row.title,
    body: row.body,
    adoptedOn: row.adoptedOn,
    voteKind: row.voteKind,
    votes: votes.filter((v) => v.agreementId === row.id).map(({ agreementId: _, ...v }) => v),
    opinions: opinions.filter((o) => o.agreementId === row.id).map(({ agreementId: _, ...o }) => o),
    historical: row.historical,
    frozen: !!minutesApproved,
  }));
}

/** Agreements of the organization whose number, title or body match `q`, the latest first. */
export async function searchAgreements(
  db: Db,
  orgId: string,
  q: AgreementSearchQuery,
): Promise<AgreementOption[]> {
  const number = sql<string>`${governingBody.agreementPrefix} || lpad(${agreement.number}::text, 3, '0') || '/' || ${agreement.year}`;
  const f: SQL[] = [eq(agreement.organizationId, orgId)];
  if (q.q)
    f.push(
      foldedContains(sql`${number} || ' ' || ${agreement.title} || ' ' || ${governingBody.acronym}`, q.q),
    );
  return db
    .select({
      id: agreement.id,
      number,
      title: agreement.title,
      adoptedOn: agreement.adoptedOn,
      bodyAcronym: governingBody.acronym,
    })
    .from(agreement)
    .innerJoin(governingBody, eq(governingBody.id, agreement.bodyId))
    .where(and(...f))
    .orderBy(desc(agreement.adoptedOn), desc(agreement.number))
    .limit(q.limit);
}

export async function findAgreement(db: Db, orgId: string, id: string): Promise<Agreement | undefined> {
  const rows = await db
    .select(agreementColumns)
    .from(agreement)
    .innerJoin(governingBody, eq(governingBody.id, agreement.bodyId))
    .where(and(eq(agreement.organizationId, orgId), eq(agreement.id, id)));
  return (await presentAgreements(db, rows))[0];
}

export async function listAgreements(
  db: Db,
  orgId: string,
  filter: { bodyId?: string; sessionIds?: string[] },
): Promise<Agreement[]> {
  const f: SQL[] = [eq(agreement.organizationId, orgId)];
  if (filter.bodyId) f.push(eq(agreement.bodyId, filter.bodyId));
  if (filter.sessionIds) {
    if (!filter.sessionIds.length) return [];
    f.push(inArray(agreement.sessionId, filter.sessionIds));
  }
  const rows = await db
    .select(agreementColumns)
    .from(agreement)
    .innerJoin(governingBody, eq(governingBody.id, agreement.bodyId))
    .where(and(...f))
    .orderBy(asc(agreement.year), asc(agreement.number));
  return presentAgreements(db, rows);
}

export async function agreementExists(
  db: Db,
  orgId: string,
  bodyId: string,
  year: number,
  number: number,
): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(agreement)
    .where(
      and(
        eq(agreement.organizationId, orgId),
        eq(agreement.bodyId, bodyId),
        eq(agreement.year, year),
        eq(agreement.number, number),
      ),
    );
  return (row?.n ?? 0) > 0;
}

export async function insertAgreement(
  db: Db,
  orgId: string,
  values: Omit<typeof agreement.$inferInsert, 'organizationId'>,
): Promise<string> {
  const [row] = await db
    .insert(agreement)
    .values({ ...values, organizationId: orgId })
    .returning({ id: agreement.id });
  return row!.id;
}

export async function insertVotes(
  db: Db,
  orgId: string,
  agreementId: string,
  votes: { membershipId: string; personId: string; vote: Vote }[],
): Promise<void> {
  if (!votes.length) return;
  await db.insert(agreementVote).values(votes.map((v) => ({ ...v, agreementId, organizationId: orgId })));
}

export async function updateAgreementRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof agreement.$inferInsert>,
): Promise<void> {
  await db
    .update(agreement)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(agreement.organizationId, orgId), eq(agreement.id, id)));
}

/** Lifts a gap-free counter to at least `value` (a historical agreement recorded with its number). */
export async function raiseCounter(db: Db, orgId: string, scope: string, value: number): Promise<void> {
  await db.execute(sql`
    insert into sequence_counter (organization_id, scope, last_value) values (${orgId}, ${scope}, ${value})
    on conflict (organization_id, scope) do update
      set last_value = greatest(sequence_counter.last_value, excluded.last_value)`);
}

// ---- SSSCG mandates

export async function listMandates(
  db: Db,
  orgId: string,
  today: string,
  filter: { status?: MandateStatus; overdue?: boolean; id?: string } = {},
): Promise<Mandate[]> {
  const f: SQL[] = [eq(mandate.organizationId, orgId)];
  if (filter.status) f.push(eq(mandate.status, filter.status));
  if (filter.id) f.push(eq(mandate.id, filter.id));
  const rows = await db
    .select({
      m: mandate,
      prefix: governingBody.agreementPrefix,
      year: agreement.year,
      number: agreement.number,
      agreementTitle: agreement.title,
      updateCount: sql<number>`(select count(*)::int from mandate_update u where u.mandate_id = "mandate"."id")`,
      lastUpdateOn: sql<
        string | null
      >`(select max(u.occurred_on)::text from mandate_update u where u.mandate_id = "mandate"."id")`,
    })
    .from(mandate)
    .innerJoin(agreement, eq(agreement.id, mandate.agreementId))
    .innerJoin(governingBody, eq(governingBody.id, agreement.bodyId))
    .where(and(...f))
    .orderBy(asc(mandate.dueOn), asc(mandate.createdAt), asc(mandate.id));
  const areas = rows.length
    ? await db
        .select({ mandateId: mandateArea.mandateId, id: area.id, name: area.name, acronym: area.acronym })
        .from(mandateArea)
        .innerJoin(area, eq(area.id, mandateArea.areaId))
        .where(
          inArray(
            mandateArea.mandateId,
            rows.map((r) => r.m.id),
          ),
        )
        .orderBy(asc(area.name))
    : [];
  const all = rows.map((r) => ({
    id: r.m.id,
    agreementId: r.m.agreementId,
    agreementNumber: formatAgreementNumber(r.prefix, r.number, r.year),
    agreementTitle: r.agreementTitle,
    description: r.m.description,
    dueOn: r.m.dueOn,
    status: r.m.status,
    overdue: isOverdue(r.m, today),
    areas: areas.filter((a) => a.mandateId === r.m.id).map(({ mandateId: _, ...a }) => a),
    updateCount: Number(r.updateCount),
    lastUpdateOn: r.lastUpdateOn,
  }));
  return filter.overdue === undefined ? all : all.filter((m) => m.overdue === filter.overdue);
}

export async function listMandateUpdates(db: Db, orgId: string, mandateId: string) {
  return db
    .select({ id: mandateUpdate.id, occurredOn: mandateUpdate.occurredOn, note: mandateUpdate.note })
    .from(mandateUpdate)
    .where(and(eq(mandateUpdate.organizationId, orgId), eq(mandateUpdate.mandateId, mandateId)))
    .orderBy(asc(mandateUpdate.occurredOn), asc(mandateUpdate.entry));
}

export async function insertMandate(
  db: Db,
  orgId: string,
  values: { agreementId: string; description: string; dueOn: string | null },
  areaIds: string[],
): Promise<string> {
  const [row] = await db
    .insert(mandate)
    .values({ ...values, organizationId: orgId })
    .returning({ id: mandate.id });
  await db
    .insert(mandateArea)
    .values(areaIds.map((areaId) => ({ mandateId: row!.id, areaId, organizationId: orgId })));
  return row!.id;
}

export async function updateMandateRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof mandate.$inferInsert>,
): Promise<void> {
  await db
    .update(mandate)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(mandate.organizationId, orgId), eq(mandate.id, id)));
}

export async function insertMandateUpdates(
  db: Db,
  orgId: string,
  mandateId: string,
  updates: { occurredOn: string; note: string }[],
) {
  if (!updates.length) return [];
  return db
    .insert(mandateUpdate)
    .values(updates.map((u) => ({ ...u, mandateId, organizationId: orgId })))
    .returning({ id: mandateUpdate.id, occurredOn: mandateUpdate.occurredOn, note: mandateUpdate.note });
}

export async function updateBodyRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<
    Pick<typeof governingBody.$inferInsert, 'name' | 'createdByAgreement' | 'createdOn' | 'endedOn'>
  >,
): Promise<void> {
  await db
    .update(governingBody)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(governingBody.organizationId, orgId), eq(governingBody.id, id)));
}

/** The first and last session dates and the earliest membership start of a body. */
export async function bodyDateBounds(
  db: Db,
  orgId: string,
  bodyId: string,
): Promise<{ firstSession: string | null; lastSession: string | null; firstMembership: string | null }> {
  const [s] = await db
    .select({
      first: sql<string | null>`min(${bodySession.heldOn})::text`,
      last: sql<string | null>`max(${bodySession.heldOn})::text`,
    })
    .from(bodySession)
    .where(and(eq(bodySession.organizationId, orgId), eq(bodySession.bodyId, bodyId)));
  const [m] = await db
    .select({ first: sql<string | null>`min(${bodyMembership.startsOn})::text` })
    .from(bodyMembership)
    .where(and(eq(bodyMembership.organizationId, orgId), eq(bodyMembership.bodyId, bodyId)));
  return { firstSession: s?.first ?? null, lastSession: s?.last ?? null, firstMembership: m?.first ?? null };
}

// ---- calendar feed tokens

export async function listFeedTokens(db: Db, orgId: string, userId: string): Promise<FeedToken[]> {
  const rows = await db
    .select({
      id: calendarFeedToken.id,
      bodyId: calendarFeedToken.bodyId,
      bodyName: governingBody.name,
      createdAt: calendarFeedToken.createdAt,
      revokedAt: calendarFeedToken.revokedAt,
    })
    .from(calendarFeedToken)
    .leftJoin(governingBody, eq(governingBody.id, calendarFeedToken.bodyId))
    .where(and(eq(calendarFeedToken.organizationId, orgId), eq(calendarFeedToken.userId, userId)))
    .orderBy(desc(calendarFeedToken.createdAt), asc(calendarFeedToken.id));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
  }));
}

export async function findFeedToken(
  db: Db,
  orgId: string,
  userId: string,
  id: string,
): Promise<FeedToken | undefined> {
  return (await listFeedTokens(db, orgId, userId)).find((t) => t.id === id);
}

export async function insertFeedToken(
  db: Db,
  orgId: string,
  values: { userId: string; bodyId: string | null; tokenHash: string },
): Promise<string> {
  const [row] = await db
    .insert(calendarFeedToken)
    .values({ ...values, organizationId: orgId })
    .returning({ id: calendarFeedToken.id });
  return row!.id;
}

export async function revokeFeedTokenRow(db: Db, orgId: string, userId: string, id: string): Promise<void> {
  await db
    .update(calendarFeedToken)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeedToken.organizationId, orgId),
        eq(calendarFeedToken.userId, userId),
        eq(calendarFeedToken.id, id),
      ),
    );
}

/**
 * The live token with this hash, with its owner's roles: none when revoked, when the owner is
 * disabled or now belongs to another organization.
 */
export async function findLiveFeedToken(
  db: Db,
  tokenHash: string,
): Promise<{ organizationId: string; bodyId: string | null; roles: string[] } | undefined> {
  const [row] = await db
    .select({
      organizationId: calendarFeedToken.organizationId,
      bodyId: calendarFeedToken.bodyId,
      roles: user.roles,
    })
    .from(calendarFeedToken)
    .innerJoin(
      user,
      and(eq(user.id, calendarFeedToken.userId), eq(user.organizationId, calendarFeedToken.organizationId)),
    )
    .where(
      and(
        eq(calendarFeedToken.tokenHash, tokenHash),
        sql`${calendarFeedToken.revokedAt} is null`,
        sql`${user.disabledAt} is null`,
      ),
    );
  return row;
}

/** SSSCG: the day of every mandate progress update recorded in [from, to], in order. */
export async function mandateUpdateDays(db: Db, orgId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .select({ on: mandateUpdate.occurredOn })
    .from(mandateUpdate)
    .where(and(eq(mandateUpdate.organizationId, orgId), between(mandateUpdate.occurredOn, from, to)))
    .orderBy(asc(mandateUpdate.occurredOn), asc(mandateUpdate.entry));
  return rows.map((r) => r.on);
}

/** The quarters ("2024-T1") in which the organization's bodies held (or will hold) sessions. */
export async function quartersWithSessions(db: Db, orgId: string): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct extract(year from held_on)::int || '-T' || extract(quarter from held_on)::int as k
    from body_session where organization_id = ${orgId}`);
  return (result as unknown as { rows: { k: string }[] }).rows.map((r) => r.k);
}

/**
 * How many bodies are in office on the day, and how many of them have a president or a member
 * then (the set-up checklist: a body is composed once its members are registered).
 */
export async function bodyComposition(db: Db, orgId: string, day: string) {
  const [row] = await db
    .select({
      bodies: count(),
      withMembers: sql<number>`count(*) filter (where exists (
        select 1 from body_membership m where m.organization_id = "governing_body"."organization_id"
          and m.body_id = "governing_body"."id" and m.role in ('president', 'member')
          and m.starts_on <= ${day}::date and (m.ends_on is null or m.ends_on >= ${day}::date)))`.mapWith(
        Number,
      ),
    })
    .from(governingBody)
    .where(
      and(
        eq(governingBody.organizationId, orgId),
        sql`(${governingBody.endedOn} is null or ${governingBody.endedOn} >= ${day}::date)`,
      ),
    );
  return { bodies: row?.bodies ?? 0, withMembers: row?.withMembers ?? 0 };
}
