import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { LocalDate } from '../../shared/dates';
import { institution, person } from '../directory/schema';
import { agreement, governingBody } from '../governance/schema';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import {
  BUILT_IN_ACTIVITY_KINDS,
  BUILT_IN_ACTIVITY_KIND_LABELS,
  type BuiltInActivityKind,
} from './contract-constants';
import type {
  Activity,
  ActivityFilters,
  ActivityKindItem,
  ActivityListQuery,
  Issue,
  PlanReview,
  Program,
  Reason,
} from './contract';
import { dateSpecFromRow, formatDateSpec } from './contract-date-spec';
import {
  activity,
  activityAgendaItem,
  activityDay,
  activityFile,
  activityInstitution,
  activityKind,
  activityParticipant,
  objectiveReason,
  planReview,
  programLine,
  programObjective,
  programTarget,
  publicationIssue,
  publicationSeries,
  workProgram,
} from './schema';

// All reads and writes of the program module. Every function takes the organization and filters by it.

const iso = (d: Date) => d.toISOString();

// ---- programs

const approvedBy = sql<
  string | null
>`coalesce((select gb.agreement_prefix || lpad(ag.number::text, 3, '0') || '/' || ag.year
  from ${agreement} ag join ${governingBody} gb on gb.id = ag.body_id
  where ag.id = ${workProgram.approvedByAgreementId}), ${workProgram.approvedByText})`;

const programColumns = {
  id: workProgram.id,
  year: workProgram.year,
  name: workProgram.name,
  approvedByAgreementId: workProgram.approvedByAgreementId,
  approvedByText: workProgram.approvedByText,
  approvedBy,
  approvedOn: workProgram.approvedOn,
};

export async function listPrograms(db: Db, orgId: string): Promise<Program[]> {
  return db
    .select(programColumns)
    .from(workProgram)
    .where(eq(workProgram.organizationId, orgId))
    .orderBy(desc(workProgram.year));
}

export async function findProgram(db: Db, orgId: string, id: string): Promise<Program | undefined> {
  const [row] = await db
    .select(programColumns)
    .from(workProgram)
    .where(and(eq(workProgram.organizationId, orgId), eq(workProgram.id, id)));
  return row;
}

export async function findProgramByYear(db: Db, orgId: string, year: number): Promise<Program | undefined> {
  const [row] = await db
    .select(programColumns)
    .from(workProgram)
    .where(and(eq(workProgram.organizationId, orgId), eq(workProgram.year, year)));
  return row;
}

export async function insertProgram(
  db: Db,
  orgId: string,
  values: Omit<typeof workProgram.$inferInsert, 'organizationId'>,
): Promise<string> {
  const [row] = await db
    .insert(workProgram)
    .values({ ...values, organizationId: orgId })
    .returning({ id: workProgram.id });
  return row!.id;
}

export async function updateProgramRow(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<typeof workProgram.$inferInsert>,
): Promise<void> {
  await db
    .update(workProgram)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(workProgram.organizationId, orgId), eq(workProgram.id, id)));
}

export async function agreementExists(db: Db, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: agreement.id })
    .from(agreement)
    .where(and(eq(agreement.organizationId, orgId), eq(agreement.id, id)));
  return !!row;
}

// ---- lines, objectives, targets

export type LineRow = typeof programLine.$inferSelect;
export type ObjectiveRow = typeof programObjective.$inferSelect;
export type TargetRow = typeof programTarget.$inferSelect;

export async function linesOf(db: Db, orgId: string, programId: string): Promise<LineRow[]> {
  return db
    .select()
    .from(programLine)
    .where(and(eq(programLine.organizationId, orgId), eq(programLine.programId, programId)))
    .orderBy(asc(programLine.number));
}

export async function objectivesOf(db: Db, orgId: string, lineIds: string[]): Promise<ObjectiveRow[]> {
  if (!lineIds.length) return [];
  return db
    .select()
    .from(programObjective)
    .where(and(eq(programObjective.organizationId, orgId), inArray(programObjective.lineId, lineIds)))
    .orderBy(sql`length(${programObjective.key})`, asc(programObjective.key));
}

export async function targetsOf(db: Db, orgId: string, lineIds: string[]): Promise<TargetRow[]> {
  if (!lineIds.length) return [];
  return db
    .select()
    .from(programTarget)
    .where(and(eq(programTarget.organizationId, orgId), inArray(programTarget.lineId, lineIds)))
    .orderBy(asc(programTarget.periodStart), asc(programTarget.createdAt), asc(programTarget.id));
}

export async function findLine(db: Db, orgId: string, id: string): Promise<LineRow | undefined> {
  const [row] = await db
    .select()
    .from(programLine)
    .where(and(eq(programLine.organizationId, orgId), eq(programLine.id, id)));
  return row;
}

export async function findObjective(
  db: Db,
  orgId: string,
  id: string,
): Promise<(ObjectiveRow & { lineNumber: number; programId: string }) | undefined> {
  const [row] = await db
    .select({ o: programObjective, lineNumber: programLine.number, programId: programLine.programId })
    .from(programObjective)
    .innerJoin(programLine, eq(programLine.id, programObjective.lineId))
    .where(and(eq(programObjective.organizationId, orgId), eq(programObjective.id, id)));
  return row && { ...row.o, lineNumber: row.lineNumber, programId: row.programId };
}

/** An objective found by its program year, line number and key ("2024", 3, "B"). */
export async function findObjectiveByKey(
  db: Db,
  orgId: string,
  year: number,
  lineNumber: number,
  key: string,
): Promise<ObjectiveRow | undefined> {
  const [row] = await db
    .select({ o: programObjective })
    .from(programObjective)
    .innerJoin(programLine, eq(programLine.id, programObjective.lineId))
    .innerJoin(workProgram, eq(workProgram.id, programLine.programId))
    .where(
      and(
        eq(programObjective.organizationId, orgId),
        eq(workProgram.year, year),
        eq(programLine.number, lineNumber),
        eq(programObjective.key, key),
      ),
    );
  return row?.o;
}

export async function insertLine(
  db: Db,
  orgId: string,
  values: Omit<typeof programLine.$inferInsert, 'organizationId'>,
): Promise<LineRow> {
  const [row] = await db
    .insert(programLine)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function updateLineRow(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<typeof programLine.$inferInsert>,
): Promise<LineRow> {
  const [row] = await db
    .update(programLine)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(programLine.organizationId, orgId), eq(programLine.id, id)))
    .returning();
  return row!;
}

export async function insertObjective(
  db: Db,
  orgId: string,
  values: Omit<typeof programObjective.$inferInsert, 'organizationId'>,
): Promise<ObjectiveRow> {
  const [row] = await db
    .insert(programObjective)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function updateObjectiveRow(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<typeof programObjective.$inferInsert>,
): Promise<ObjectiveRow> {
  const [row] = await db
    .update(programObjective)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(programObjective.organizationId, orgId), eq(programObjective.id, id)))
    .returning();
  return row!;
}

export async function findTarget(db: Db, orgId: string, id: string): Promise<TargetRow | undefined> {
  const [row] = await db
    .select()
    .from(programTarget)
    .where(and(eq(programTarget.organizationId, orgId), eq(programTarget.id, id)));
  return row;
}

export async function insertTarget(
  db: Db,
  orgId: string,
  values: Omit<typeof programTarget.$inferInsert, 'organizationId'>,
): Promise<TargetRow> {
  const [row] = await db
    .insert(programTarget)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function updateTargetRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof programTarget.$inferInsert>,
): Promise<TargetRow> {
  const [row] = await db
    .update(programTarget)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(programTarget.organizationId, orgId), eq(programTarget.id, id)))
    .returning();
  return row!;
}

export async function deleteTargetRow(db: Db, orgId: string, id: string): Promise<void> {
  await db
    .delete(programTarget)
    .where(and(eq(programTarget.organizationId, orgId), eq(programTarget.id, id)));
}

// ---- reasons

function presentReason(r: typeof objectiveReason.$inferSelect): Reason {
  return {
    id: r.id,
    lineId: r.lineId,
    objectiveId: r.objectiveId,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    reason: r.reason,
  };
}

/** Reasons whose period overlaps [from, to]. */
export async function listReasons(db: Db, orgId: string, from: LocalDate, to: LocalDate): Promise<Reason[]> {
  const rows = await db
    .select()
    .from(objectiveReason)
    .where(
      and(
        eq(objectiveReason.organizationId, orgId),
        lte(objectiveReason.periodStart, to),
        gte(objectiveReason.periodEnd, from),
      ),
    )
    .orderBy(asc(objectiveReason.periodStart));
  return rows.map(presentReason);
}

export async function findReason(db: Db, orgId: string, id: string): Promise<Reason | undefined> {
  const [row] = await db
    .select()
    .from(objectiveReason)
    .where(and(eq(objectiveReason.organizationId, orgId), eq(objectiveReason.id, id)));
  return row && presentReason(row);
}

export async function findReasonFor(
  db: Db,
  orgId: string,
  key: { lineId: string; objectiveId: string | null; periodStart: LocalDate; periodEnd: LocalDate },
): Promise<Reason | undefined> {
  const [row] = await db
    .select()
    .from(objectiveReason)
    .where(
      and(
        eq(objectiveReason.organizationId, orgId),
        eq(objectiveReason.lineId, key.lineId),
        key.objectiveId
          ? eq(objectiveReason.objectiveId, key.objectiveId)
          : isNull(objectiveReason.objectiveId),
        eq(objectiveReason.periodStart, key.periodStart),
        eq(objectiveReason.periodEnd, key.periodEnd),
      ),
    );
  return row && presentReason(row);
}

export async function insertReason(
  db: Db,
  orgId: string,
  values: Omit<typeof objectiveReason.$inferInsert, 'organizationId'>,
): Promise<Reason> {
  const [row] = await db
    .insert(objectiveReason)
    .values({ ...values, organizationId: orgId })
    .returning();
  return presentReason(row!);
}

export async function updateReasonText(db: Db, orgId: string, id: string, reason: string): Promise<Reason> {
  const [row] = await db
    .update(objectiveReason)
    .set({ reason, updatedAt: new Date() })
    .where(and(eq(objectiveReason.organizationId, orgId), eq(objectiveReason.id, id)))
    .returning();
  return presentReason(row!);
}

export async function deleteReasonRow(db: Db, orgId: string, id: string): Promise<void> {
  await db
    .delete(objectiveReason)
    .where(and(eq(objectiveReason.organizationId, orgId), eq(objectiveReason.id, id)));
}

// ---- activity kinds

export async function listActivityKinds(db: Db, orgId: string): Promise<ActivityKindItem[]> {
  const custom = await db
    .select({ code: activityKind.code, name: activityKind.name })
    .from(activityKind)
    .where(eq(activityKind.organizationId, orgId))
    .orderBy(asc(activityKind.name));
  return [
    ...BUILT_IN_ACTIVITY_KINDS.map((code) => ({
      code,
      name: BUILT_IN_ACTIVITY_KIND_LABELS[code],
      builtIn: true,
    })),
    ...custom.map((k) => ({ ...k, builtIn: false })),
  ];
}

export async function insertActivityKind(db: Db, orgId: string, code: string, name: string) {
  const [row] = await db
    .insert(activityKind)
    .values({ organizationId: orgId, code, name })
    .returning({ code: activityKind.code, name: activityKind.name });
  return { ...row!, builtIn: false };
}

export async function kindName(db: Db, orgId: string, code: string): Promise<string | undefined> {
  if ((BUILT_IN_ACTIVITY_KINDS as readonly string[]).includes(code))
    return BUILT_IN_ACTIVITY_KIND_LABELS[code as BuiltInActivityKind];
  const [row] = await db
    .select({ name: activityKind.name })
    .from(activityKind)
    .where(and(eq(activityKind.organizationId, orgId), eq(activityKind.code, code)));
  return row?.name;
}

// ---- activities

type ActivityRow = typeof activity.$inferSelect;

/** Activities that took place (at least partly) within [from, to]; a list counts by its days. */
export function activityWithin(from: LocalDate | undefined, to: LocalDate | undefined): SQL | undefined {
  const parts: SQL[] = [];
  if (to) parts.push(lte(activity.startsOn, to));
  if (from) parts.push(gte(activity.endsOn, from));
  if (!from && !to) return undefined;
  parts.push(
    or(
      ne(activity.dateMode, 'list'),
      sql`exists (select 1 from ${activityDay} d where d.activity_id = ${activity.id}
        and d.day >= ${from ?? '0001-01-01'}::date and d.day <= ${to ?? '9999-12-31'}::date)`,
    )!,
  );
  return and(...parts);
}

function activityFilters(orgId: string, q: ActivityFilters): SQL | undefined {
  const f: (SQL | undefined)[] = [eq(activity.organizationId, orgId)];
  if (q.programId) f.push(eq(programLine.programId, q.programId));
  if (q.lineId) f.push(eq(activity.lineId, q.lineId));
  if (q.objectiveId) f.push(eq(activity.objectiveId, q.objectiveId));
  if (q.kind) f.push(eq(activity.kind, q.kind));
  f.push(activityWithin(q.from, q.to));
  if (q.q)
    f.push(
      foldedContains(
        sql`${activity.title} || ' ' || coalesce(${activity.place}, '') || ' ' || coalesce(${activity.purpose}, '')`,
        q.q,
      ),
    );
  return and(...f);
}

const activityOrder = [
  asc(activity.startsOn),
  asc(activity.endsOn),
  asc(activity.createdAt),
  asc(activity.id),
];

export async function listActivities(db: Db, orgId: string, q: ActivityListQuery) {
  const where = activityFilters(orgId, q);
  const [rows, [total]] = await Promise.all([
    db
      .select({ a: activity })
      .from(activity)
      .innerJoin(programLine, eq(programLine.id, activity.lineId))
      .where(where)
      .orderBy(...activityOrder)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(activity)
      .innerJoin(programLine, eq(programLine.id, activity.lineId))
      .where(where),
  ]);
  return {
    items: await hydrate(
      db,
      orgId,
      rows.map((r) => r.a),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function allActivities(db: Db, orgId: string, q: ActivityFilters): Promise<Activity[]> {
  const rows = await db
    .select({ a: activity })
    .from(activity)
    .innerJoin(programLine, eq(programLine.id, activity.lineId))
    .where(activityFilters(orgId, q))
    .orderBy(...activityOrder);
  return hydrate(
    db,
    orgId,
    rows.map((r) => r.a),
  );
}

export async function findActivity(db: Db, orgId: string, id: string): Promise<Activity | undefined> {
  const [row] = await db
    .select()
    .from(activity)
    .where(and(eq(activity.organizationId, orgId), eq(activity.id, id)));
  if (!row) return undefined;
  return (await hydrate(db, orgId, [row]))[0];
}

async function hydrate(db: Db, orgId: string, rows: ActivityRow[]): Promise<Activity[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const lineIds = [...new Set(rows.map((r) => r.lineId))];
  const objectiveIds = [...new Set(rows.flatMap((r) => (r.objectiveId ? [r.objectiveId] : [])))];
  const inviting = [
    ...new Set(rows.flatMap((r) => (r.invitingInstitutionId ? [r.invitingInstitutionId] : []))),
  ];
  const agreementIds = [...new Set(rows.flatMap((r) => (r.agreementId ? [r.agreementId] : [])))];
  const [lines, objectives, kinds, days, insts, people, agenda, files, invited, agreements] =
    await Promise.all([
      db
        .select({ id: programLine.id, number: programLine.number })
        .from(programLine)
        .where(inArray(programLine.id, lineIds)),
      objectiveIds.length
        ? db
            .select({ id: programObjective.id, key: programObjective.key })
            .from(programObjective)
            .where(inArray(programObjective.id, objectiveIds))
        : Promise.resolve([]),
      listActivityKinds(db, orgId),
      db
        .select({ activityId: activityDay.activityId, day: activityDay.day })
        .from(activityDay)
        .where(and(eq(activityDay.organizationId, orgId), inArray(activityDay.activityId, ids)))
        .orderBy(asc(activityDay.day)),
      db
        .select({
          activityId: activityInstitution.activityId,
          id: institution.id,
          name: institution.name,
          acronym: institution.acronym,
        })
        .from(activityInstitution)
        .innerJoin(institution, eq(institution.id, activityInstitution.institutionId))
        .where(
          and(eq(activityInstitution.organizationId, orgId), inArray(activityInstitution.activityId, ids)),
        )
        .orderBy(asc(activityInstitution.position)),
      db
        .select({
          activityId: activityParticipant.activityId,
          personId: person.id,
          fullName: person.fullName,
          role: activityParticipant.role,
        })
        .from(activityParticipant)
        .innerJoin(person, eq(person.id, activityParticipant.personId))
        .where(
          and(eq(activityParticipant.organizationId, orgId), inArray(activityParticipant.activityId, ids)),
        )
        .orderBy(asc(activityParticipant.position)),
      db
        .select()
        .from(activityAgendaItem)
        .where(and(eq(activityAgendaItem.organizationId, orgId), inArray(activityAgendaItem.activityId, ids)))
        .orderBy(asc(activityAgendaItem.day), asc(activityAgendaItem.position)),
      db
        .select()
        .from(activityFile)
        .where(and(eq(activityFile.organizationId, orgId), inArray(activityFile.activityId, ids)))
        .orderBy(asc(activityFile.uploadedAt), asc(activityFile.id)),
      inviting.length
        ? db
            .select({ id: institution.id, name: institution.name })
            .from(institution)
            .where(and(eq(institution.organizationId, orgId), inArray(institution.id, inviting)))
        : Promise.resolve([]),
      agreementIds.length
        ? db
            .select({
              id: agreement.id,
              number: sql<string>`${governingBody.agreementPrefix} || lpad(${agreement.number}::text, 3, '0') || '/' || ${agreement.year}`,
            })
            .from(agreement)
            .innerJoin(governingBody, eq(governingBody.id, agreement.bodyId))
            .where(and(eq(agreement.organizationId, orgId), inArray(agreement.id, agreementIds)))
        : Promise.resolve([]),
    ]);
  const agreementNumber = new Map(agreements.map((a) => [a.id, a.number]));
  const lineNumber = new Map(lines.map((l) => [l.id, l.number]));
  const objectiveKey = new Map(objectives.map((o) => [o.id, o.key]));
  const kindNames = new Map(kinds.map((k) => [k.code, k.name]));
  const group = <T extends { activityId: string }>(items: T[]) => {
    const m = new Map<string, T[]>();
    for (const i of items) m.set(i.activityId, [...(m.get(i.activityId) ?? []), i]);
    return m;
  };
  const daysBy = group(days);
  const instsBy = group(insts);
  const peopleBy = group(people);
  const agendaBy = group(agenda);
  const filesBy = group(files);
  const invitedBy = new Map(invited.map((i) => [i.id, i]));
  return rows.map((r) => {
    const dates = dateSpecFromRow({
      dateMode: r.dateMode,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      days: (daysBy.get(r.id) ?? []).map((d) => d.day),
    });
    return {
      id: r.id,
      lineId: r.lineId,
      lineNumber: lineNumber.get(r.lineId) ?? 0,
      objectiveId: r.objectiveId,
      objectiveKey: r.objectiveId ? (objectiveKey.get(r.objectiveId) ?? null) : null,
      kind: r.kind,
      kindName: kindNames.get(r.kind) ?? r.kind,
      title: r.title,
      purpose: r.purpose,
      dates,
      dateMode: r.dateMode,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      datesText: formatDateSpec(dates),
      modality: r.modality,
      tool: r.tool,
      place: r.place,
      notes: r.notes,
      institutions: (instsBy.get(r.id) ?? []).map(({ id, name, acronym }) => ({ id, name, acronym })),
      participants: (peopleBy.get(r.id) ?? []).map(({ personId, fullName, role }) => ({
        personId,
        fullName,
        role,
      })),
      route: r.route,
      partners: r.partners,
      invitingInstitution: r.invitingInstitutionId ? (invitedBy.get(r.invitingInstitutionId) ?? null) : null,
      country: r.country,
      election: r.election,
      agreementId: r.agreementId,
      agreementNumber: r.agreementId ? (agreementNumber.get(r.agreementId) ?? null) : null,
      agenda: (agendaBy.get(r.id) ?? []).map((a) => ({
        id: a.id,
        day: a.day,
        startTime: a.startTime,
        title: a.title,
        place: a.place,
        city: a.city,
      })),
      files: (filesBy.get(r.id) ?? []).map((f) => ({
        id: f.id,
        filename: f.filename,
        mediaType: f.mediaType,
        size: f.size,
        uploadedAt: iso(f.uploadedAt),
      })),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  });
}

export type ActivityValues = Omit<typeof activity.$inferInsert, 'organizationId' | 'id'>;
export type ActivityChildren = {
  days: LocalDate[];
  institutionIds: string[];
  participants: { personId: string; role: 'lead' | 'representative' | 'participant' | 'guest' }[];
  agenda: {
    day: LocalDate;
    startTime?: string | null;
    title: string;
    place?: string | null;
    city?: string | null;
  }[];
};

export async function insertActivity(
  db: Db,
  orgId: string,
  values: ActivityValues,
  children: ActivityChildren,
): Promise<string> {
  const [row] = await db
    .insert(activity)
    .values({ ...values, organizationId: orgId })
    .returning({ id: activity.id });
  await writeChildren(db, orgId, row!.id, children);
  return row!.id;
}

export async function replaceActivity(
  db: Db,
  orgId: string,
  id: string,
  values: ActivityValues,
  children: ActivityChildren,
): Promise<void> {
  await db
    .update(activity)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(activity.organizationId, orgId), eq(activity.id, id)));
  await Promise.all([
    db.delete(activityDay).where(eq(activityDay.activityId, id)),
    db.delete(activityInstitution).where(eq(activityInstitution.activityId, id)),
    db.delete(activityParticipant).where(eq(activityParticipant.activityId, id)),
    db.delete(activityAgendaItem).where(eq(activityAgendaItem.activityId, id)),
  ]);
  await writeChildren(db, orgId, id, children);
}

async function writeChildren(db: Db, orgId: string, activityId: string, c: ActivityChildren) {
  if (c.days.length)
    await db.insert(activityDay).values(c.days.map((day) => ({ organizationId: orgId, activityId, day })));
  if (c.institutionIds.length)
    await db.insert(activityInstitution).values(
      c.institutionIds.map((institutionId, position) => ({
        organizationId: orgId,
        activityId,
        institutionId,
        position,
      })),
    );
  if (c.participants.length)
    await db
      .insert(activityParticipant)
      .values(c.participants.map((p, position) => ({ organizationId: orgId, activityId, ...p, position })));
  if (c.agenda.length)
    await db.insert(activityAgendaItem).values(
      c.agenda.map((a, position) => ({
        organizationId: orgId,
        activityId,
        day: a.day,
        startTime: a.startTime ?? null,
        title: a.title,
        place: a.place ?? null,
        city: a.city ?? null,
        position,
      })),
    );
}

export async function deleteActivityRow(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(activity).where(and(eq(activity.organizationId, orgId), eq(activity.id, id)));
}

export async function insertActivityFile(
  db: Db,
  orgId: string,
  values: { activityId: string; sha256: string; filename: string; mediaType: string; size: number },
): Promise<string> {
  const [row] = await db
    .insert(activityFile)
    .values({ ...values, organizationId: orgId })
    .returning({ id: activityFile.id });
  return row!.id;
}

export async function findActivityFile(db: Db, orgId: string, activityId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(activityFile)
    .where(
      and(
        eq(activityFile.organizationId, orgId),
        eq(activityFile.activityId, activityId),
        eq(activityFile.id, fileId),
      ),
    );
  return row;
}

export async function deleteActivityFile(db: Db, orgId: string, fileId: string): Promise<void> {
  await db
    .delete(activityFile)
    .where(and(eq(activityFile.organizationId, orgId), eq(activityFile.id, fileId)));
}

export { existingInstitutionIds, existingPersonIds } from '../directory';

// ---- counting (progress, unexplained objectives)

export async function countActivities(
  db: Db,
  orgId: string,
  where: { lineId: string; objectiveId: string | null; kind?: string | null; from: LocalDate; to: LocalDate },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(activity)
    .where(
      and(
        eq(activity.organizationId, orgId),
        eq(activity.lineId, where.lineId),
        where.objectiveId ? eq(activity.objectiveId, where.objectiveId) : undefined,
        where.kind ? eq(activity.kind, where.kind) : undefined,
        activityWithin(where.from, where.to),
      ),
    );
  return row?.n ?? 0;
}

export async function countIssues(
  db: Db,
  orgId: string,
  where: {
    lineId: string;
    objectiveId: string | null;
    seriesId?: string | null;
    from: LocalDate;
    to: LocalDate;
  },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(publicationIssue)
    .innerJoin(publicationSeries, eq(publicationSeries.id, publicationIssue.seriesId))
    .where(
      and(
        eq(publicationIssue.organizationId, orgId),
        eq(publicationSeries.lineId, where.lineId),
        where.objectiveId ? eq(publicationSeries.objectiveId, where.objectiveId) : undefined,
        where.seriesId ? eq(publicationIssue.seriesId, where.seriesId) : undefined,
        gte(publicationIssue.publishedOn, where.from),
        lte(publicationIssue.publishedOn, where.to),
      ),
    );
  return row?.n ?? 0;
}

export async function countPlanReviews(
  db: Db,
  orgId: string,
  where: { lineId: string; objectiveId: string | null; from: LocalDate; to: LocalDate },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(planReview)
    .where(
      and(
        eq(planReview.organizationId, orgId),
        eq(planReview.lineId, where.lineId),
        where.objectiveId ? eq(planReview.objectiveId, where.objectiveId) : undefined,
        gte(planReview.reviewedOn, where.from),
        lte(planReview.reviewedOn, where.to),
      ),
    );
  return row?.n ?? 0;
}

// ---- plan reviews

function presentReview(r: typeof planReview.$inferSelect): PlanReview {
  return {
    id: r.id,
    lineId: r.lineId,
    objectiveId: r.objectiveId,
    system: r.system,
    reviewedOn: r.reviewedOn,
    changes: r.changes,
    informedTo: r.informedTo,
  };
}

export async function insertPlanReview(
  db: Db,
  orgId: string,
  values: Omit<typeof planReview.$inferInsert, 'organizationId' | 'entry'>,
): Promise<PlanReview> {
  const [row] = await db
    .insert(planReview)
    .values({ ...values, organizationId: orgId })
    .returning();
  return presentReview(row!);
}

export async function listPlanReviews(
  db: Db,
  orgId: string,
  q: { from?: LocalDate; to?: LocalDate },
): Promise<PlanReview[]> {
  const rows = await db
    .select()
    .from(planReview)
    .where(
      and(
        eq(planReview.organizationId, orgId),
        q.from ? gte(planReview.reviewedOn, q.from) : undefined,
        q.to ? lte(planReview.reviewedOn, q.to) : undefined,
      ),
    )
    .orderBy(asc(planReview.reviewedOn), asc(planReview.entry));
  return rows.map(presentReview);
}

// ---- publications

export type SeriesRow = typeof publicationSeries.$inferSelect;

export async function listSeriesRows(db: Db, orgId: string): Promise<SeriesRow[]> {
  return db
    .select()
    .from(publicationSeries)
    .where(eq(publicationSeries.organizationId, orgId))
    .orderBy(asc(publicationSeries.name));
}

export async function findSeriesRow(db: Db, orgId: string, id: string): Promise<SeriesRow | undefined> {
  const [row] = await db
    .select()
    .from(publicationSeries)
    .where(and(eq(publicationSeries.organizationId, orgId), eq(publicationSeries.id, id)));
  return row;
}

export async function insertSeries(
  db: Db,
  orgId: string,
  values: Omit<typeof publicationSeries.$inferInsert, 'organizationId'>,
): Promise<SeriesRow> {
  const [row] = await db
    .insert(publicationSeries)
    .values({ ...values, organizationId: orgId })
    .returning();
  return row!;
}

export async function updateSeriesRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof publicationSeries.$inferInsert>,
): Promise<SeriesRow> {
  const [row] = await db
    .update(publicationSeries)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(publicationSeries.organizationId, orgId), eq(publicationSeries.id, id)))
    .returning();
  return row!;
}

function presentIssue(r: typeof publicationIssue.$inferSelect): Issue {
  return {
    id: r.id,
    seriesId: r.seriesId,
    publishedOn: r.publishedOn,
    title: r.title,
    number: r.number,
    distribution: r.distribution,
    file:
      r.fileSha256 && r.filename && r.mediaType && r.size !== null
        ? { filename: r.filename, mediaType: r.mediaType, size: r.size }
        : null,
  };
}

export async function issuesOf(
  db: Db,
  orgId: string,
  seriesIds: string[],
  q: { from?: LocalDate; to?: LocalDate },
): Promise<Issue[]> {
  if (!seriesIds.length) return [];
  const rows = await db
    .select()
    .from(publicationIssue)
    .where(
      and(
        eq(publicationIssue.organizationId, orgId),
        inArray(publicationIssue.seriesId, seriesIds),
        q.from ? gte(publicationIssue.publishedOn, q.from) : undefined,
        q.to ? lte(publicationIssue.publishedOn, q.to) : undefined,
      ),
    )
    .orderBy(asc(publicationIssue.publishedOn), asc(publicationIssue.entry));
  return rows.map(presentIssue);
}

export async function findIssueRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(publicationIssue)
    .where(and(eq(publicationIssue.organizationId, orgId), eq(publicationIssue.id, id)));
  return row;
}

export function presentIssueRow(r: typeof publicationIssue.$inferSelect): Issue {
  return presentIssue(r);
}

export async function insertIssue(
  db: Db,
  orgId: string,
  values: Omit<typeof publicationIssue.$inferInsert, 'organizationId' | 'entry'>,
): Promise<Issue> {
  const [row] = await db
    .insert(publicationIssue)
    .values({ ...values, organizationId: orgId })
    .returning();
  return presentIssue(row!);
}

export async function setIssueFile(
  db: Db,
  orgId: string,
  id: string,
  file: { sha256: string; filename: string; mediaType: string; size: number },
): Promise<Issue> {
  const [row] = await db
    .update(publicationIssue)
    .set({
      fileSha256: file.sha256,
      filename: file.filename,
      mediaType: file.mediaType,
      size: file.size,
      updatedAt: new Date(),
    })
    .where(and(eq(publicationIssue.organizationId, orgId), eq(publicationIssue.id, id)))
    .returning();
  return presentIssue(row!);
}

export async function updateIssueRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<
    Pick<
      typeof publicationIssue.$inferInsert,
      'seriesId' | 'publishedOn' | 'title' | 'number' | 'distribution'
    >
  >,
): Promise<Issue> {
  const [row] = await db
    .update(publicationIssue)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(publicationIssue.organizationId, orgId), eq(publicationIssue.id, id)))
    .returning();
  return presentIssue(row!);
}

export async function clearIssueFile(db: Db, orgId: string, id: string): Promise<Issue> {
  const [row] = await db
    .update(publicationIssue)
    .set({ fileSha256: null, filename: null, mediaType: null, size: null, updatedAt: new Date() })
    .where(and(eq(publicationIssue.organizationId, orgId), eq(publicationIssue.id, id)))
    .returning();
  return presentIssue(row!);
}

export async function deleteIssueRow(db: Db, orgId: string, id: string): Promise<void> {
  await db
    .delete(publicationIssue)
    .where(and(eq(publicationIssue.organizationId, orgId), eq(publicationIssue.id, id)));
}

// ---- what refers to a line or an objective (removal is refused while anything does)

export type StructureReferences = {
  objectives: string[];
  activities: number;
  targets: number;
  reasons: number;
  planReviews: number;
  series: string[];
  campaigns: number;
};

/**
 * Records that point at a line (`column` 'line_id') or an objective ('objective_id'): its
 * objectives (lines only), activities, targets, stated reasons, SSPELO reviews, publication series
 * and outreach campaigns (objectives only; a table of outreach, read by name).
 */
export async function structureReferences(
  db: Db,
  orgId: string,
  column: 'line_id' | 'objective_id',
  id: string,
): Promise<StructureReferences> {
  const col = sql.raw(column);
  const count = (table: string) =>
    sql`(select count(*)::int from ${sql.raw(table)} where organization_id = ${orgId} and ${col} = ${id})`;
  const result = await db.execute(sql`select
    ${
      column === 'line_id'
        ? sql`coalesce((select array_agg(key order by length(key), key) from program_objective
            where organization_id = ${orgId} and line_id = ${id}), '{}')`
        : sql`'{}'::text[]`
    } as objectives,
    ${count('activity')} as activities,
    ${count('program_target')} as targets,
    ${count('objective_reason')} as reasons,
    ${count('plan_review')} as plan_reviews,
    coalesce((select array_agg(name order by name) from publication_series
      where organization_id = ${orgId} and ${col} = ${id}), '{}') as series,
    ${column === 'objective_id' ? count('outreach_campaign') : sql`0`} as campaigns`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  return {
    objectives: (row.objectives as string[]) ?? [],
    activities: Number(row.activities),
    targets: Number(row.targets),
    reasons: Number(row.reasons),
    planReviews: Number(row.plan_reviews),
    series: (row.series as string[]) ?? [],
    campaigns: Number(row.campaigns),
  };
}

export async function deleteLineRow(db: Db, orgId: string, id: string) {
  await db.delete(programLine).where(and(eq(programLine.organizationId, orgId), eq(programLine.id, id)));
}

export async function deleteObjectiveRow(db: Db, orgId: string, id: string) {
  await db
    .delete(programObjective)
    .where(and(eq(programObjective.organizationId, orgId), eq(programObjective.id, id)));
}

/** The quarters ("2024-T1") in which the organization's activities start. */
export async function quartersWithActivities(db: Db, orgId: string): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct extract(year from starts_on)::int || '-T' || extract(quarter from starts_on)::int as k
    from activity where organization_id = ${orgId}`);
  return (result as unknown as { rows: { k: string }[] }).rows.map((r) => r.k);
}

/** The year's work program by its parts: lines, objectives and targets (the set-up checklist). */
export async function programStructureCounts(db: Db, orgId: string, year: number) {
  const result = await db.execute(sql`
    select
      (select count(*) from program_line l where l.organization_id = ${orgId} and l.program_id = p.id)::int as lines,
      (select count(*) from program_objective o join program_line l on l.id = o.line_id
        where o.organization_id = ${orgId} and l.program_id = p.id)::int as objectives,
      (select count(*) from program_target t join program_line l on l.id = t.line_id
        where t.organization_id = ${orgId} and l.program_id = p.id)::int as targets
    from work_program p
    where p.organization_id = ${orgId} and p.year = ${year}`);
  const [row] = (result as unknown as { rows: { lines: number; objectives: number; targets: number }[] })
    .rows;
  return row ?? { lines: 0, objectives: 0, targets: 0 };
}
