import { and, eq, sql } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import type { InstitutionInput } from '../directory/contract';
import { createInstitution } from '../directory';
import { createPerson } from '../directory';
import { institution, person } from '../directory/schema';
import { agreement, governingBody } from '../governance/schema';
import type { Db } from '../platform/db/client';
import { createActivityKind } from './create-activity-kind';
import {
  ACTIVITIES,
  CUSTOM_KINDS,
  INSTITUTIONS,
  LINES,
  PEOPLE,
  PROGRAM_APPROVAL,
  PROGRAM_NAME,
  PROGRAM_YEAR,
  Q1,
  Q2,
  REASONS,
  SERIES,
  SSPELO,
  TARGETS,
} from './demo-data';
import { dateSpecBounds } from './contract-date-spec';
import { recordPlanReview } from './record-plan-review';
import { addIssue } from './record-issue';
import * as repo from './repository';
import { activity, planReview, programTarget, publicationIssue } from './schema';
import { createActivity } from './save-activity';
import { addLine, addObjective } from './save-line';
import { createProgram } from './save-program';
import { stateReason } from './save-reason';
import { createSeries } from './save-series';
import { addTarget } from './save-target';

// Seeds the IECM's 2024 work program and its January–March 2024 records (demo-data.ts) through the
// module's use cases, so every record is validated and audited. Idempotent: what exists is kept.

async function agreementId(db: Db, orgId: string, number: string): Promise<string | null> {
  const [row] = await db
    .select({ id: agreement.id })
    .from(agreement)
    .innerJoin(governingBody, eq(governingBody.id, agreement.bodyId))
    .where(
      and(
        eq(agreement.organizationId, orgId),
        sql`${governingBody.agreementPrefix} || lpad(${agreement.number}::text, 3, '0') || '/' || ${agreement.year} = ${number}`,
      ),
    );
  return row?.id ?? null;
}

async function institutionIds(db: Db, actor: ScopedAuditActor): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const seed of INSTITUTIONS) {
    const [found] = await db
      .select({ id: institution.id })
      .from(institution)
      .where(and(eq(institution.organizationId, actor.organizationId), eq(institution.name, seed.name)));
    const { key, ...input } = seed;
    ids.set(key, found?.id ?? (await createInstitution(db, actor, input as InstitutionInput)).id);
  }
  return ids;
}

async function peopleIds(db: Db, actor: ScopedAuditActor): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const seed of PEOPLE) {
    const [found] = await db
      .select({ id: person.id })
      .from(person)
      .where(
        and(
          eq(person.organizationId, actor.organizationId),
          sql`(${person.fullName} = ${seed.name} or ${seed.name} = any(${person.aliases}))`,
        ),
      );
    ids.set(
      seed.name,
      found?.id ??
        (
          await createPerson(db, actor, {
            fullName: seed.name,
            gender: seed.gender,
            aliases: [],
            notes: seed.notes ?? null,
          })
        ).id,
    );
  }
  return ids;
}

export async function seedProgramDemo(
  db: Db,
  actor: ScopedAuditActor,
): Promise<{ activities: number; issues: number }> {
  const orgId = actor.organizationId;
  const institutions = await institutionIds(db, actor);
  const people = await peopleIds(db, actor);

  // Program, lines, objectives.
  let program = await repo.findProgramByYear(db, orgId, PROGRAM_YEAR);
  if (!program) {
    const approval = await agreementId(db, orgId, PROGRAM_APPROVAL.number);
    program = await createProgram(db, actor, {
      year: PROGRAM_YEAR,
      name: PROGRAM_NAME,
      approvedByAgreementId: approval,
      approvedByText: approval ? null : PROGRAM_APPROVAL.number,
      approvedOn: PROGRAM_APPROVAL.on,
    });
  }
  const scopes = new Map<string, { lineId?: string; objectiveId?: string }>();
  const existingLines = await repo.linesOf(db, orgId, program.id);
  for (const seed of LINES) {
    const line =
      existingLines.find((l) => l.number === seed.number) ??
      (await addLine(db, actor, program.id, {
        number: seed.number,
        title: seed.title,
        recordSources: seed.recordSources ?? [],
      }));
    scopes.set(String(seed.number), { lineId: line.id });
    const objectives = await repo.objectivesOf(db, orgId, [line.id]);
    for (const o of seed.objectives) {
      const objective =
        objectives.find((x) => x.key === o.key) ??
        (await addObjective(db, actor, line.id, {
          key: o.key,
          title: o.title,
          recordSources: o.recordSources ?? [],
        }));
      scopes.set(`${seed.number}.${o.key}`, { objectiveId: objective.id });
    }
  }
  const scope = (at: string) => {
    const s = scopes.get(at);
    if (!s) throw new Error(`demo: no line or objective ${at}`);
    return s;
  };

  const kinds = await repo.listActivityKinds(db, orgId);
  for (const k of CUSTOM_KINDS)
    if (!kinds.some((x) => x.code === k.code)) await createActivityKind(db, actor, k);

  // Activities.
  let newActivities = 0;
  for (const seed of ACTIVITIES) {
    const { at, institutions: inst, people: who, inviting, agreementNumber, route, partners, ...rest } = seed;
    const where = scope(at);
    const lineId = where.lineId ?? (await repo.findObjective(db, orgId, where.objectiveId!))!.lineId;
    const { startsOn, endsOn } = dateSpecBounds(seed.dates);
    const [exists] = await db
      .select({ id: activity.id })
      .from(activity)
      .where(
        and(
          eq(activity.organizationId, orgId),
          eq(activity.lineId, lineId),
          eq(activity.title, seed.title),
          eq(activity.startsOn, startsOn),
          eq(activity.endsOn, endsOn),
          sql`coalesce(${activity.purpose}, '') = ${seed.purpose ?? ''}`,
          sql`coalesce(${activity.place}, '') = ${seed.place ?? ''}`,
        ),
      );
    if (exists) continue;
    await createActivity(db, actor, {
      ...rest,
      ...where,
      institutionIds: (inst ?? []).map((k) => institutions.get(k)!),
      participants: (who ?? []).map((p) => ({ personId: people.get(p.name)!, role: p.role })),
      invitingInstitutionId: inviting ? institutions.get(inviting)! : null,
      agreementId: agreementNumber ? await agreementId(db, orgId, agreementNumber) : null,
      route: route ?? [],
      partners: partners ?? [],
      agenda: [],
    });
    newActivities++;
  }

  // SSPELO reviews.
  for (const on of SSPELO.dates) {
    const [exists] = await db
      .select({ id: planReview.id })
      .from(planReview)
      .where(
        and(
          eq(planReview.organizationId, orgId),
          eq(planReview.reviewedOn, on),
          eq(planReview.system, SSPELO.system),
        ),
      );
    if (exists) continue;
    await recordPlanReview(db, actor, {
      ...scope(SSPELO.at),
      system: SSPELO.system,
      reviewedOn: on,
      changes: SSPELO.changes,
      informedTo: SSPELO.informedTo,
    });
  }

  // Publications.
  let newIssues = 0;
  const seriesIds = new Map<string, string>();
  const allSeries = await repo.listSeriesRows(db, orgId);
  for (const seed of SERIES) {
    const id =
      allSeries.find((s) => s.name === seed.name)?.id ??
      (
        await createSeries(db, actor, {
          ...scope(seed.at),
          name: seed.name,
          cadence: seed.cadence,
          startsOn: seed.startsOn ?? null,
          audience: seed.audience ?? null,
          distribution: seed.distribution ?? null,
          datesByMonth: seed.datesByMonth ?? false,
          sentWeekly: seed.sentWeekly ?? false,
        })
      ).id;
    seriesIds.set(seed.name, id);
    let n = 0;
    for (const issue of seed.issues) {
      const number = issue.numbered === false ? null : ++n;
      const [exists] = await db
        .select({ id: publicationIssue.id })
        .from(publicationIssue)
        .where(
          and(
            eq(publicationIssue.seriesId, id),
            eq(publicationIssue.publishedOn, issue.on),
            eq(publicationIssue.title, issue.title),
          ),
        );
      if (exists) continue;
      await addIssue(db, actor, id, { publishedOn: issue.on, title: issue.title, number });
      newIssues++;
    }
  }

  // Reasons for objectives without activity in the quarter.
  for (const seed of REASONS) {
    const where = scope(seed.at);
    const objective = (await repo.findObjective(db, orgId, where.objectiveId!))!;
    const found = await repo.findReasonFor(db, orgId, {
      lineId: objective.lineId,
      objectiveId: objective.id,
      periodStart: Q1.from,
      periodEnd: Q1.to,
    });
    if (!found)
      await stateReason(db, actor, { ...where, periodStart: Q1.from, periodEnd: Q1.to, reason: seed.reason });
  }

  // Next period's targets.
  for (const seed of TARGETS) {
    const where = scope(seed.at);
    const [exists] = await db
      .select({ id: programTarget.id })
      .from(programTarget)
      .where(
        and(
          eq(programTarget.organizationId, orgId),
          eq(programTarget.description, seed.description),
          eq(programTarget.periodStart, Q2.from),
        ),
      );
    if (exists) continue;
    await addTarget(db, actor, {
      ...where,
      description: seed.description,
      minimumCount: seed.minimumCount,
      unit: seed.unit,
      periodStart: Q2.from,
      periodEnd: Q2.to,
      source: seed.source,
      seriesId: seed.series ? seriesIds.get(seed.series)! : null,
      externalSource: seed.externalSource ?? null,
    });
  }
  return { activities: newActivities, issues: newIssues };
}
