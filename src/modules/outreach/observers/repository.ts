import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { foldedContains } from '../../platform/db/search';
import { user } from '../../accounts/schema';
import { person } from '../../directory/schema';
import { rowsOf } from '../repository';
import { consent, contactMembership } from '../schema';
import type {
  AgendaItem,
  Assignment,
  Communication,
  CommunicationDetail,
  DeliveryCounts,
  Group,
  Mission,
  Registrant,
  RegistrantListQuery,
  RouteStop,
  StaffOption,
} from './contract';
import {
  observerAgendaItem,
  observerAssignment,
  observerCommunication,
  observerDelivery,
  observerGroup,
  observerMission,
  observerRegistrant,
  observerRouteStop,
} from './schema';

// All reads and writes of the accompaniment mission. Every function takes the organization and
// filters by it.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * SQL: outreach contact `c` may be written to by e-mail for the mission whose base is `baseId`:
 * not erased, with an address, without an e-mail opt-out, with a consent not withdrawn that is
 * general or for the mission's base (the outreach rule, ADR 0014).
 */
export function mayEmail(baseId: SQL): SQL {
  return sql`c.erased_at is null and c.email_key is not null and ${notOptedOut} and ${consenting(baseId)}`;
}
const notOptedOut = sql`not exists (select 1 from outreach_opt_out o where o.contact_id = c.id and o.channel = 'email')`;
function consenting(baseId: SQL): SQL {
  return sql`exists (select 1 from outreach_consent k where k.contact_id = c.id and k.withdrawn_on is null and (k.base_id is null or k.base_id = ${baseId}))`;
}

// ---- missions

type MissionRow = typeof observerMission.$inferSelect;

function presentMission(
  r: MissionRow,
  n: { registrants: number; accredited: number; consenting: number; groups: number },
): Mission {
  return {
    id: r.id,
    name: r.name,
    process: r.process,
    electionDay: r.electionDay,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    agreementRef: r.agreementRef,
    approvedOn: r.approvedOn,
    baseId: r.baseId,
    registrants: Number(n.registrants),
    accredited: Number(n.accredited),
    consenting: Number(n.consenting),
    groups: Number(n.groups),
    createdAt: r.createdAt.toISOString(),
  };
}

const missionCounts = {
  registrants: sql<number>`(select count(*)::int from observers_registrant r where r.mission_id = observers_mission.id)`,
  accredited: sql<number>`(select count(*)::int from observers_registrant r where r.mission_id = observers_mission.id and r.accreditation_status = 'accredited')`,
  consenting: sql<number>`(select count(*)::int from observers_registrant r join outreach_contact c on c.id = r.contact_id where r.mission_id = observers_mission.id and c.erased_at is null and ${consenting(sql`observers_mission.base_id`)})`,
  groups: sql<number>`(select count(*)::int from observers_group g where g.mission_id = observers_mission.id)`,
};

export async function listMissions(db: Db, orgId: string): Promise<Mission[]> {
  const rows = await db
    .select({ m: observerMission, ...missionCounts })
    .from(observerMission)
    .where(eq(observerMission.organizationId, orgId))
    .orderBy(sql`${observerMission.electionDay} desc`, asc(observerMission.name));
  return rows.map((r) => presentMission(r.m, r));
}

export async function findMission(db: Db, orgId: string, id: string): Promise<Mission | undefined> {
  const [row] = await db
    .select({ m: observerMission, ...missionCounts })
    .from(observerMission)
    .where(and(eq(observerMission.organizationId, orgId), eq(observerMission.id, id)));
  return row && presentMission(row.m, row);
}

export async function findMissionRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(observerMission)
    .where(and(eq(observerMission.organizationId, orgId), eq(observerMission.id, id)));
  return row;
}

export async function missionNamed(db: Db, orgId: string, name: string) {
  const [row] = await db
    .select({ id: observerMission.id })
    .from(observerMission)
    .where(
      and(eq(observerMission.organizationId, orgId), sql`lower(${observerMission.name}) = lower(${name})`),
    );
  return row?.id;
}

export async function insertMission(db: Db, values: typeof observerMission.$inferInsert) {
  const [row] = await db.insert(observerMission).values(values).returning({ id: observerMission.id });
  return row!.id;
}

export async function updateMissionRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof observerMission.$inferInsert>,
) {
  await db
    .update(observerMission)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(observerMission.organizationId, orgId), eq(observerMission.id, id)));
}

/** Days of the agenda that fall outside [startsOn, endsOn], and routes not on `electionDay`. */
export async function agendaOutside(
  db: Db,
  missionId: string,
  m: { startsOn: string; endsOn: string; electionDay: string },
) {
  return rowsOf<{ title: string; day: string }>(
    db,
    sql`select title, day::text as day from observers_agenda_item where mission_id = ${missionId}
      and (day < ${m.startsOn}::date or day > ${m.endsOn}::date or (kind = 'route' and day <> ${m.electionDay}::date))
      order by day, start_time`,
  );
}

// ---- registrants

type RegistrantSqlRow = {
  id: string;
  mission_id: string;
  contact_id: string;
  kind: Registrant['kind'];
  full_name: string | null;
  affiliation: string | null;
  email: string | null;
  phone: string | null;
  nationality: string;
  accreditation_status: Registrant['accreditationStatus'];
  accreditation_number: string | null;
  group_id: string | null;
  group_name: string | null;
  notes: string | null;
  consenting: boolean;
  email_opt_out: boolean;
  erased_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

const registrantSelect = sql`select r.id, r.mission_id, r.contact_id, r.kind, c.full_name, c.affiliation, c.email, c.phone,
    r.nationality, r.accreditation_status, r.accreditation_number, r.group_id, g.name as group_name, r.notes,
    (c.erased_at is null and ${consenting(sql`m.base_id`)}) as consenting,
    not ${notOptedOut} as email_opt_out,
    coalesce(r.erased_at, c.erased_at) as erased_at, r.created_at, r.updated_at
  from observers_registrant r
  join observers_mission m on m.id = r.mission_id
  join outreach_contact c on c.id = r.contact_id
  left join observers_group g on g.id = r.group_id`;

function presentRegistrant(r: RegistrantSqlRow): Registrant {
  return {
    id: r.id,
    missionId: r.mission_id,
    contactId: r.contact_id,
    kind: r.kind,
    fullName: r.full_name,
    organization: r.affiliation,
    email: r.email,
    phone: r.phone,
    nationality: r.nationality,
    accreditationStatus: r.accreditation_status,
    accreditationNumber: r.accreditation_number,
    groupId: r.group_id,
    groupName: r.group_name,
    notes: r.notes,
    consenting: !!r.consenting,
    emailOptOut: !!r.email_opt_out,
    erased: r.erased_at !== null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export async function listRegistrants(db: Db, orgId: string, missionId: string, q: RegistrantListQuery) {
  const f: SQL[] = [sql`r.organization_id = ${orgId}`, sql`r.mission_id = ${missionId}`];
  if (q.q)
    f.push(
      foldedContains(
        sql`coalesce(c.full_name, '') || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.affiliation, '') || ' ' || coalesce(r.accreditation_number, '')`,
        q.q,
      ),
    );
  if (q.groupId) f.push(sql`r.group_id = ${q.groupId}`);
  if (q.accreditationStatus) f.push(sql`r.accreditation_status = ${q.accreditationStatus}`);
  if (q.kind) f.push(sql`r.kind = ${q.kind}`);
  const where = sql.join(f, sql` and `);
  const rows = await rowsOf<RegistrantSqlRow>(
    db,
    sql`${registrantSelect} where ${where}
      order by c.erased_at is not null, c.name_key nulls last, r.id
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const [total] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from observers_registrant r join outreach_contact c on c.id = r.contact_id where ${where}`,
  );
  return {
    items: rows.map(presentRegistrant),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findRegistrant(db: Db, orgId: string, id: string): Promise<Registrant | undefined> {
  const [row] = await rowsOf<RegistrantSqlRow>(
    db,
    sql`${registrantSelect} where r.organization_id = ${orgId} and r.id = ${id}`,
  );
  return row && presentRegistrant(row);
}

export async function findRegistrantRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(observerRegistrant)
    .where(and(eq(observerRegistrant.organizationId, orgId), eq(observerRegistrant.id, id)));
  return row;
}

export async function registrantOfContact(db: Db, missionId: string, contactId: string) {
  const [row] = await db
    .select({ id: observerRegistrant.id })
    .from(observerRegistrant)
    .where(and(eq(observerRegistrant.missionId, missionId), eq(observerRegistrant.contactId, contactId)));
  return row?.id;
}

/** Who already holds accreditation number `n` in the mission (other than `except`). */
export async function accreditationHolder(db: Db, missionId: string, n: string, except?: string) {
  const [row] = await rowsOf<{ id: string; full_name: string | null }>(
    db,
    sql`select r.id, c.full_name from observers_registrant r join outreach_contact c on c.id = r.contact_id
      where r.mission_id = ${missionId} and upper(r.accreditation_number) = upper(${n})
      ${except ? sql`and r.id <> ${except}` : sql``}`,
  );
  return row;
}

export async function insertRegistrant(db: Db, values: typeof observerRegistrant.$inferInsert) {
  const [row] = await db.insert(observerRegistrant).values(values).returning({ id: observerRegistrant.id });
  return row!.id;
}

export async function updateRegistrantRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof observerRegistrant.$inferInsert>,
) {
  await db
    .update(observerRegistrant)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(observerRegistrant.organizationId, orgId), eq(observerRegistrant.id, id)));
}

/** The registrant's consents that cover the mission (general ones and those for its base). */
export async function consentsForMission(db: Db, orgId: string, contactId: string, baseId: string) {
  const rows = await db
    .select()
    .from(consent)
    .where(
      and(
        eq(consent.organizationId, orgId),
        eq(consent.contactId, contactId),
        sql`(${consent.baseId} is null or ${consent.baseId} = ${baseId})`,
      ),
    )
    .orderBy(sql`${consent.givenOn} desc`, sql`${consent.createdAt} desc`);
  return rows.map((k) => ({
    id: k.id,
    purpose: k.purpose,
    givenOn: k.givenOn,
    source: k.source,
    privacyNoticeVersion: k.privacyNoticeVersion,
    evidence: k.evidence,
    withdrawnOn: k.withdrawnOn,
    baseId: k.baseId,
  }));
}

export async function deliveriesOfRegistrant(db: Db, orgId: string, registrantId: string) {
  const rows = await rowsOf<{
    communication_id: string;
    subject: string;
    status: string;
    sent_at: Date | null;
  }>(
    db,
    sql`select d.communication_id, k.subject, d.status, d.sent_at from observers_delivery d
      join observers_communication k on k.id = d.communication_id
      where d.organization_id = ${orgId} and d.registrant_id = ${registrantId} order by k.created_at desc`,
  );
  return rows.map((r) => ({
    communicationId: r.communication_id,
    subject: r.subject,
    status: r.status as 'sent',
    sentAt: iso(r.sent_at),
  }));
}

// ---- groups

export async function listGroups(db: Db, orgId: string, missionId: string): Promise<Group[]> {
  const rows = await db
    .select({
      g: observerGroup,
      members: sql<number>`(select count(*)::int from observers_registrant r where r.group_id = observers_group.id)`,
    })
    .from(observerGroup)
    .where(and(eq(observerGroup.organizationId, orgId), eq(observerGroup.missionId, missionId)))
    .orderBy(asc(observerGroup.name));
  return rows.map(({ g, members }) => ({
    id: g.id,
    missionId: g.missionId,
    name: g.name,
    description: g.description,
    members: Number(members),
    createdAt: g.createdAt.toISOString(),
  }));
}

export async function findGroup(db: Db, orgId: string, id: string): Promise<Group | undefined> {
  const row = await findGroupRow(db, orgId, id);
  return row && (await listGroups(db, orgId, row.missionId)).find((g) => g.id === id);
}

export async function findGroupRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(observerGroup)
    .where(and(eq(observerGroup.organizationId, orgId), eq(observerGroup.id, id)));
  return row;
}

export async function groupNamed(db: Db, missionId: string, name: string) {
  const [row] = await db
    .select({ id: observerGroup.id })
    .from(observerGroup)
    .where(and(eq(observerGroup.missionId, missionId), sql`lower(${observerGroup.name}) = lower(${name})`));
  return row?.id;
}

export async function insertGroup(db: Db, values: typeof observerGroup.$inferInsert) {
  const [row] = await db.insert(observerGroup).values(values).returning({ id: observerGroup.id });
  return row!.id;
}

export async function updateGroupRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof observerGroup.$inferInsert>,
) {
  await db
    .update(observerGroup)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(observerGroup.organizationId, orgId), eq(observerGroup.id, id)));
}

export async function memberIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ id: observerRegistrant.id })
    .from(observerRegistrant)
    .where(eq(observerRegistrant.groupId, groupId))
    .orderBy(asc(observerRegistrant.id));
  return rows.map((r) => r.id);
}

/** Registrants of the mission among `ids` (the others are not the organization's or the mission's). */
export async function registrantIdsOfMission(db: Db, orgId: string, missionId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: observerRegistrant.id })
    .from(observerRegistrant)
    .where(
      and(
        eq(observerRegistrant.organizationId, orgId),
        eq(observerRegistrant.missionId, missionId),
        inArray(observerRegistrant.id, ids),
      ),
    );
  return rows.map((r) => r.id);
}

export async function setGroupMembers(db: Db, orgId: string, groupId: string, registrantIds: string[]) {
  await db
    .update(observerRegistrant)
    .set({ groupId: null, updatedAt: new Date() })
    .where(and(eq(observerRegistrant.organizationId, orgId), eq(observerRegistrant.groupId, groupId)));
  if (registrantIds.length)
    await db
      .update(observerRegistrant)
      .set({ groupId, updatedAt: new Date() })
      .where(
        and(eq(observerRegistrant.organizationId, orgId), inArray(observerRegistrant.id, registrantIds)),
      );
}

// ---- agenda

export async function listAgenda(
  db: Db,
  orgId: string,
  missionId: string,
  id?: string,
): Promise<AgendaItem[]> {
  const rows = await db
    .select({ a: observerAgendaItem, groupName: observerGroup.name })
    .from(observerAgendaItem)
    .leftJoin(observerGroup, eq(observerGroup.id, observerAgendaItem.groupId))
    .where(
      and(
        eq(observerAgendaItem.organizationId, orgId),
        eq(observerAgendaItem.missionId, missionId),
        id ? eq(observerAgendaItem.id, id) : undefined,
      ),
    )
    .orderBy(asc(observerAgendaItem.day), asc(observerAgendaItem.startTime), asc(observerAgendaItem.title));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.a.id);
  const stops = await db
    .select()
    .from(observerRouteStop)
    .where(inArray(observerRouteStop.agendaItemId, ids))
    .orderBy(asc(observerRouteStop.agendaItemId), asc(observerRouteStop.position));
  const staff = (await listAssignments(db, orgId, missionId)).filter((s) => s.agendaItemId);
  return rows.map(({ a, groupName }) => ({
    id: a.id,
    missionId: a.missionId,
    kind: a.kind,
    title: a.title,
    day: a.day,
    startTime: a.startTime,
    endTime: a.endTime,
    place: a.place,
    description: a.description,
    groupId: a.groupId,
    groupName,
    stops: stops
      .filter((s) => s.agendaItemId === a.id)
      .map((s): RouteStop => ({
        id: s.id,
        position: s.position,
        section: s.section,
        casillaType: s.casillaType,
        address: s.address,
        arrivalTime: s.arrivalTime,
        departureTime: s.departureTime,
        notes: s.notes,
      })),
    staff: staff
      .filter((s) => s.agendaItemId === a.id)
      .map((s) => ({ assignmentId: s.id, name: s.staff.name, role: s.role })),
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function findAgendaItemRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(observerAgendaItem)
    .where(and(eq(observerAgendaItem.organizationId, orgId), eq(observerAgendaItem.id, id)));
  return row;
}

export async function findAgendaItem(db: Db, orgId: string, id: string): Promise<AgendaItem | undefined> {
  const row = await findAgendaItemRow(db, orgId, id);
  if (!row) return undefined;
  return (await listAgenda(db, orgId, row.missionId, id))[0];
}

export async function insertAgendaItem(db: Db, values: typeof observerAgendaItem.$inferInsert) {
  const [row] = await db.insert(observerAgendaItem).values(values).returning({ id: observerAgendaItem.id });
  return row!.id;
}

export async function updateAgendaItemRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof observerAgendaItem.$inferInsert>,
) {
  await db
    .update(observerAgendaItem)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(observerAgendaItem.organizationId, orgId), eq(observerAgendaItem.id, id)));
}

export async function replaceStops(
  db: Db,
  orgId: string,
  agendaItemId: string,
  stops: Omit<typeof observerRouteStop.$inferInsert, 'organizationId' | 'agendaItemId' | 'position'>[],
) {
  await db.delete(observerRouteStop).where(eq(observerRouteStop.agendaItemId, agendaItemId));
  if (stops.length)
    await db
      .insert(observerRouteStop)
      .values(stops.map((s, i) => ({ ...s, organizationId: orgId, agendaItemId, position: i + 1 })));
}

export async function deleteAgendaItemRow(db: Db, orgId: string, id: string) {
  await db.delete(observerAssignment).where(eq(observerAssignment.agendaItemId, id));
  await db.delete(observerRouteStop).where(eq(observerRouteStop.agendaItemId, id));
  await db
    .delete(observerAgendaItem)
    .where(and(eq(observerAgendaItem.organizationId, orgId), eq(observerAgendaItem.id, id)));
}

// ---- staff assignments

export async function listAssignments(
  db: Db,
  orgId: string,
  missionId: string,
  id?: string,
): Promise<Assignment[]> {
  const rows = await db
    .select({
      a: observerAssignment,
      agendaItemTitle: observerAgendaItem.title,
      groupName: observerGroup.name,
      userName: user.name,
      personName: person.fullName,
    })
    .from(observerAssignment)
    .leftJoin(observerAgendaItem, eq(observerAgendaItem.id, observerAssignment.agendaItemId))
    .leftJoin(observerGroup, eq(observerGroup.id, observerAssignment.groupId))
    .leftJoin(user, eq(user.id, observerAssignment.userId))
    .leftJoin(person, eq(person.id, observerAssignment.personId))
    .where(
      and(
        eq(observerAssignment.organizationId, orgId),
        eq(observerAssignment.missionId, missionId),
        id ? eq(observerAssignment.id, id) : undefined,
      ),
    )
    .orderBy(
      asc(observerAgendaItem.day),
      asc(observerAgendaItem.startTime),
      asc(observerAssignment.createdAt),
    );
  return rows.map(({ a, agendaItemTitle, groupName, userName, personName }) => ({
    id: a.id,
    missionId: a.missionId,
    agendaItemId: a.agendaItemId,
    agendaItemTitle,
    groupId: a.groupId,
    groupName,
    staff: { userId: a.userId, personId: a.personId, name: userName ?? personName ?? '' },
    role: a.role,
    notes: a.notes,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function findAssignmentRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(observerAssignment)
    .where(and(eq(observerAssignment.organizationId, orgId), eq(observerAssignment.id, id)));
  return row;
}

export async function insertAssignment(db: Db, values: typeof observerAssignment.$inferInsert) {
  const [row] = await db.insert(observerAssignment).values(values).returning({ id: observerAssignment.id });
  return row!.id;
}

export async function deleteAssignmentRow(db: Db, orgId: string, id: string) {
  await db
    .delete(observerAssignment)
    .where(and(eq(observerAssignment.organizationId, orgId), eq(observerAssignment.id, id)));
}

/** The same staff member already has this (agenda item, group) assignment. */
export async function sameAssignment(
  db: Db,
  missionId: string,
  a: { agendaItemId: string | null; groupId: string | null; userId: string | null; personId: string | null },
) {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`select id from observers_assignment where mission_id = ${missionId}
      and agenda_item_id is not distinct from ${a.agendaItemId}::uuid and group_id is not distinct from ${a.groupId}::uuid
      and user_id is not distinct from ${a.userId} and person_id is not distinct from ${a.personId}::uuid`,
  );
  return row?.id;
}

export async function userOfOrg(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: user.id, name: user.name, disabledAt: user.disabledAt })
    .from(user)
    .where(and(eq(user.organizationId, orgId), eq(user.id, userId)));
  return row;
}

export async function personOfOrg(db: Db, orgId: string, personId: string) {
  const [row] = await db
    .select({ id: person.id, name: person.fullName })
    .from(person)
    .where(and(eq(person.organizationId, orgId), eq(person.id, personId)));
  return row;
}

/** Users and directory people of the organization whose name matches `q` (20 of each). */
export async function staffOptions(db: Db, orgId: string, q: string | undefined): Promise<StaffOption[]> {
  const users = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(
      and(
        eq(user.organizationId, orgId),
        sql`${user.disabledAt} is null`,
        q ? foldedContains(sql`${user.name}`, q) : undefined,
      ),
    )
    .orderBy(asc(user.name))
    .limit(20);
  const people = await db
    .select({ id: person.id, name: person.fullName })
    .from(person)
    .where(and(eq(person.organizationId, orgId), q ? foldedContains(sql`${person.fullName}`, q) : undefined))
    .orderBy(asc(person.fullName))
    .limit(20);
  return [
    ...users.map((u) => ({ kind: 'user' as const, userId: u.id, personId: null, name: u.name })),
    ...people.map((p) => ({ kind: 'person' as const, userId: null, personId: p.id, name: p.name })),
  ];
}

// ---- communications

/** The registrants a communication addresses (all of the mission, or one group) and who may get it. */
export async function audienceOf(db: Db, orgId: string, missionId: string, groupId: string | null) {
  return rowsOf<{ registrant_id: string; contact_id: string; email: string | null; eligible: boolean }>(
    db,
    sql`select r.id as registrant_id, r.contact_id, c.email, (${mayEmail(sql`m.base_id`)}) as eligible
      from observers_registrant r
      join observers_mission m on m.id = r.mission_id
      join outreach_contact c on c.id = r.contact_id
      where r.organization_id = ${orgId} and r.mission_id = ${missionId}
      ${groupId ? sql`and r.group_id = ${groupId}` : sql``}
      order by r.id`,
  );
}

export async function insertCommunication(db: Db, values: typeof observerCommunication.$inferInsert) {
  const [row] = await db
    .insert(observerCommunication)
    .values(values)
    .returning({ id: observerCommunication.id });
  return row!.id;
}

export async function insertDeliveries(db: Db, rows: (typeof observerDelivery.$inferInsert)[]) {
  if (!rows.length) return [];
  const out = await db.insert(observerDelivery).values(rows).returning({
    id: observerDelivery.id,
    status: observerDelivery.status,
  });
  return out;
}

const countsOf = (communicationId: SQL) =>
  sql`(select json_build_object(
      'total', count(*)::int,
      'queued', (count(*) filter (where d.status = 'queued'))::int,
      'sending', (count(*) filter (where d.status = 'sending'))::int,
      'sent', (count(*) filter (where d.status = 'sent'))::int,
      'failed', (count(*) filter (where d.status = 'failed'))::int,
      'skipped', (count(*) filter (where d.status = 'skipped'))::int)
    from observers_delivery d where d.communication_id = ${communicationId})`;

export async function listCommunications(
  db: Db,
  orgId: string,
  missionId: string,
  id?: string,
): Promise<Communication[]> {
  const rows = await db
    .select({
      k: observerCommunication,
      groupName: observerGroup.name,
      counts: sql<DeliveryCounts>`${countsOf(sql`observers_communication.id`)}`,
    })
    .from(observerCommunication)
    .leftJoin(observerGroup, eq(observerGroup.id, observerCommunication.groupId))
    .where(
      and(
        eq(observerCommunication.organizationId, orgId),
        eq(observerCommunication.missionId, missionId),
        id ? eq(observerCommunication.id, id) : undefined,
      ),
    )
    .orderBy(sql`${observerCommunication.createdAt} desc`);
  return rows.map(({ k, groupName, counts }) => ({
    id: k.id,
    missionId: k.missionId,
    groupId: k.groupId,
    groupName,
    subject: k.subject,
    body: k.body,
    sentBy: k.sentBy,
    createdAt: k.createdAt.toISOString(),
    counts: typeof counts === 'string' ? (JSON.parse(counts) as DeliveryCounts) : counts,
  }));
}

export async function findCommunication(
  db: Db,
  orgId: string,
  id: string,
): Promise<CommunicationDetail | undefined> {
  const [head] = await db
    .select({ missionId: observerCommunication.missionId })
    .from(observerCommunication)
    .where(and(eq(observerCommunication.organizationId, orgId), eq(observerCommunication.id, id)));
  if (!head) return undefined;
  const [k] = await listCommunications(db, orgId, head.missionId, id);
  const rows = await rowsOf<{
    id: number | string;
    registrant_id: string;
    full_name: string | null;
    email: string | null;
    status: CommunicationDetail['deliveries'][number]['status'];
    attempts: number;
    sent_at: Date | string | null;
    last_error: string | null;
  }>(
    db,
    sql`select d.id, d.registrant_id, c.full_name, d.email, d.status, d.attempts, d.sent_at, d.last_error
      from observers_delivery d join outreach_contact c on c.id = d.contact_id
      where d.organization_id = ${orgId} and d.communication_id = ${id}
      order by c.name_key nulls last, d.id`,
  );
  return {
    ...k!,
    deliveries: rows.map((r) => ({
      id: Number(r.id),
      registrantId: r.registrant_id,
      fullName: r.full_name,
      email: r.email,
      status: r.status,
      attempts: Number(r.attempts),
      sentAt: iso(r.sent_at),
      lastError: r.last_error,
    })),
  };
}

// ---- personal-data rights (used by outreach's export and erasure)

/** Everything the mission module holds on one outreach contact (for an access request). */
export async function registrationsOfContact(db: Db, orgId: string, contactId: string) {
  const rows = await rowsOf<{
    id: string;
    mission: string;
    kind: string;
    nationality: string;
    accreditation_status: string;
    accreditation_number: string | null;
    group_name: string | null;
    notes: string | null;
  }>(
    db,
    sql`select r.id, m.name as mission, r.kind, r.nationality, r.accreditation_status, r.accreditation_number,
        g.name as group_name, r.notes
      from observers_registrant r join observers_mission m on m.id = r.mission_id
      left join observers_group g on g.id = r.group_id
      where r.organization_id = ${orgId} and r.contact_id = ${contactId} order by m.election_day`,
  );
  const mails = await rowsOf<{
    subject: string;
    status: string;
    sent_at: Date | string | null;
    mission: string;
  }>(
    db,
    sql`select k.subject, d.status, d.sent_at, m.name as mission from observers_delivery d
      join observers_communication k on k.id = d.communication_id
      join observers_mission m on m.id = k.mission_id
      where d.organization_id = ${orgId} and d.contact_id = ${contactId} order by k.created_at`,
  );
  return {
    registrations: rows.map((r) => ({
      id: r.id,
      mission: r.mission,
      kind: r.kind,
      nationality: r.nationality,
      accreditationStatus: r.accreditation_status,
      accreditationNumber: r.accreditation_number,
      group: r.group_name,
      notes: r.notes,
    })),
    communications: mails.map((m) => ({
      mission: m.mission,
      subject: m.subject,
      status: m.status,
      sentAt: iso(m.sent_at),
    })),
  };
}

/**
 * Erasure of a contact reaches its registrations: the accreditation number and notes are blanked,
 * the address copied into deliveries too; rows stay (counts and ledgers remain true).
 */
export async function eraseRegistrationsOfContact(db: Db, orgId: string, contactId: string) {
  const erased = await db
    .update(observerRegistrant)
    .set({ accreditationNumber: null, notes: null, erasedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(observerRegistrant.organizationId, orgId), eq(observerRegistrant.contactId, contactId)))
    .returning({ id: observerRegistrant.id });
  await db
    .update(observerDelivery)
    .set({ email: null })
    .where(and(eq(observerDelivery.organizationId, orgId), eq(observerDelivery.contactId, contactId)));
  return erased.map((r) => r.id);
}

// ---- sending

/**
 * Claims one delivery for sending (queued, or left `sending` by a worker that died): marks it
 * `sending` with one more attempt and returns what the message needs; undefined when there is
 * nothing to send (already sent, failed or skipped).
 */
export async function claimDelivery(db: Db, id: number) {
  const [row] = await rowsOf<{
    id: number | string;
    organization_id: string;
    email: string | null;
    full_name: string | null;
    subject: string;
    body: string;
    attempts: number;
    eligible: boolean;
  }>(
    db,
    sql`update observers_delivery d set status = 'sending', attempts = d.attempts + 1
      from observers_communication k, observers_mission m, outreach_contact c
      where d.id = ${id} and d.status in ('queued', 'sending')
        and k.id = d.communication_id and m.id = k.mission_id and c.id = d.contact_id
      returning d.id, d.organization_id, d.email, c.full_name, k.subject, k.body, d.attempts,
        (${mayEmail(sql`m.base_id`)}) as eligible`,
  );
  return row && { ...row, id: Number(row.id), attempts: Number(row.attempts) };
}

export async function finishDelivery(
  db: Db,
  id: number,
  status: 'queued' | 'sent' | 'failed' | 'skipped',
  lastError: string | null = null,
) {
  await db
    .update(observerDelivery)
    .set({ status, lastError, ...(status === 'sent' ? { sentAt: new Date() } : {}) })
    .where(eq(observerDelivery.id, id));
}

/** Deliveries still to send whose job is gone (a crash between commit and queueing, a lost job). */
export async function deliveriesWithoutJob(db: Db, queue: string) {
  const rows = await rowsOf<{ id: number | string }>(
    db,
    sql`select d.id from observers_delivery d where d.status in ('queued', 'sending')
      and not exists (select 1 from pgboss.job j where j.name = ${queue}
        and j.state in ('created', 'retry', 'active') and (j.data->>'deliveryId')::bigint = d.id)
      order by d.id limit 1000`,
  );
  return rows.map((r) => Number(r.id));
}

// ---- removals

/** How many communications the registrant is in the ledger of (any delivery state). */
export async function communicationsOfRegistrant(db: Db, orgId: string, registrantId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${observerDelivery.communicationId})::int` })
    .from(observerDelivery)
    .where(and(eq(observerDelivery.organizationId, orgId), eq(observerDelivery.registrantId, registrantId)));
  return Number(row?.n ?? 0);
}

/** Deletes the registration and takes the contact out of the mission's base (the contact stays). */
export async function deleteRegistrantRow(
  db: Db,
  orgId: string,
  id: string,
  contactId: string,
  baseId: string,
) {
  await db
    .delete(observerRegistrant)
    .where(and(eq(observerRegistrant.organizationId, orgId), eq(observerRegistrant.id, id)));
  await db
    .delete(contactMembership)
    .where(
      and(
        eq(contactMembership.organizationId, orgId),
        eq(contactMembership.baseId, baseId),
        eq(contactMembership.contactId, contactId),
      ),
    );
}

/** What still points at a group: communications sent to it, its agenda items and staff assignments. */
export async function groupReferences(db: Db, orgId: string, groupId: string) {
  const [row] = await rowsOf<{ communications: number; agenda: string[]; assignments: number }>(
    db,
    sql`select
      (select count(*)::int from observers_communication where organization_id = ${orgId} and group_id = ${groupId}) as communications,
      coalesce((select array_agg(title order by day, start_time) from observers_agenda_item
        where organization_id = ${orgId} and group_id = ${groupId}), '{}') as agenda,
      (select count(*)::int from observers_assignment where organization_id = ${orgId} and group_id = ${groupId}) as assignments`,
  );
  return {
    communications: Number(row?.communications ?? 0),
    agenda: row?.agenda ?? [],
    assignments: Number(row?.assignments ?? 0),
  };
}

/** Releases the group's members (they stay registered) and deletes the group. */
export async function deleteGroupRow(db: Db, orgId: string, id: string) {
  await db
    .update(observerRegistrant)
    .set({ groupId: null, updatedAt: new Date() })
    .where(and(eq(observerRegistrant.organizationId, orgId), eq(observerRegistrant.groupId, id)));
  await db
    .delete(observerGroup)
    .where(and(eq(observerGroup.organizationId, orgId), eq(observerGroup.id, id)));
}
