import type { LocalDate } from '../../shared/dates';
import type { Db } from '../platform/db/client';
import { targetProgress } from './cadence';
import type { Line, ProgramTree, Target, UnexplainedObjective } from './contract';
import { automaticRecordSources, recordSource } from './record-sources';
import * as repo from './repository';

// Reads of the program's structure: the tree with each target's progress, and the objectives that
// had no activity in a period and carry no stated reason (which block the period's report).

/** How many records count toward a target, within the target's own period. */
export async function countForTarget(db: Db, orgId: string, t: repo.TargetRow): Promise<number> {
  const where = { lineId: t.lineId, objectiveId: t.objectiveId, from: t.periodStart, to: t.periodEnd };
  switch (t.source) {
    case 'activities':
      return repo.countActivities(db, orgId, { ...where, kind: t.activityKind });
    case 'publication_issues':
      return repo.countIssues(db, orgId, { ...where, seriesId: t.seriesId });
    case 'external': {
      const source = t.externalSource ? recordSource(t.externalSource) : undefined;
      return source ? source.count(db, orgId, { from: t.periodStart, to: t.periodEnd }, t.objectiveId) : 0;
    }
  }
}

export async function presentTarget(db: Db, orgId: string, t: repo.TargetRow): Promise<Target> {
  return {
    id: t.id,
    lineId: t.lineId,
    objectiveId: t.objectiveId,
    description: t.description,
    minimumCount: t.minimumCount,
    unit: t.unit,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    source: t.source,
    activityKind: t.activityKind,
    seriesId: t.seriesId,
    externalSource: t.externalSource,
    progress: targetProgress(await countForTarget(db, orgId, t), t.minimumCount),
  };
}

export async function loadProgramTree(
  db: Db,
  orgId: string,
  programId: string,
): Promise<ProgramTree | undefined> {
  const program = await repo.findProgram(db, orgId, programId);
  if (!program) return undefined;
  const lines = await repo.linesOf(db, orgId, programId);
  const lineIds = lines.map((l) => l.id);
  const [objectives, targets] = await Promise.all([
    repo.objectivesOf(db, orgId, lineIds),
    repo.targetsOf(db, orgId, lineIds),
  ]);
  const presented = await Promise.all(targets.map((t) => presentTarget(db, orgId, t)));
  const tree: Line[] = lines.map((l) => ({
    id: l.id,
    programId: l.programId,
    number: l.number,
    title: l.title,
    description: l.description,
    recordSources: l.recordSources,
    targets: presented.filter((t) => t.lineId === l.id && !t.objectiveId),
    objectives: objectives
      .filter((o) => o.lineId === l.id)
      .map((o) => ({
        id: o.id,
        lineId: o.lineId,
        key: o.key,
        title: o.title,
        description: o.description,
        recordSources: o.recordSources,
        targets: presented.filter((t) => t.objectiveId === o.id),
      })),
  }));
  return { ...program, lines: tree };
}

/** The records of a line or objective within a period: activities, issues, reviews, other modules'. */
export async function recordCount(
  db: Db,
  orgId: string,
  scope: { lineId: string; objectiveId: string | null; recordSources: string[] },
  period: { from: LocalDate; to: LocalDate },
): Promise<number> {
  const where = { lineId: scope.lineId, objectiveId: scope.objectiveId, ...period };
  const counts = await Promise.all([
    repo.countActivities(db, orgId, where),
    repo.countIssues(db, orgId, where),
    repo.countPlanReviews(db, orgId, where),
    ...scope.recordSources
      .filter((code) => !recordSource(code)?.automatic)
      .map((code) => recordSource(code)?.count(db, orgId, period, scope.objectiveId) ?? 0),
    ...(scope.objectiveId
      ? automaticRecordSources().map((s) => s.count(db, orgId, period, scope.objectiveId))
      : []),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The objectives (and lines without objectives) of the programs in force during the period that
 * have no record in it and no stated reason for that period. The quarterly report cannot be
 * approved while this list is not empty.
 */
export async function objectivesWithoutActivityOrReason(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
): Promise<UnexplainedObjective[]> {
  const firstYear = Number(period.from.slice(0, 4));
  const lastYear = Number(period.to.slice(0, 4));
  const programs = (await repo.listPrograms(db, orgId)).filter(
    (p) => p.year >= firstYear && p.year <= lastYear,
  );
  const reasons = await repo.listReasons(db, orgId, period.from, period.to);
  const explained = (lineId: string, objectiveId: string | null) =>
    reasons.some(
      (r) =>
        r.lineId === lineId &&
        r.objectiveId === objectiveId &&
        r.periodStart <= period.from &&
        r.periodEnd >= period.to,
    );
  const out: UnexplainedObjective[] = [];
  for (const program of programs.sort((a, b) => a.year - b.year)) {
    const lines = await repo.linesOf(db, orgId, program.id);
    const objectives = await repo.objectivesOf(
      db,
      orgId,
      lines.map((l) => l.id),
    );
    for (const line of lines) {
      const own = objectives.filter((o) => o.lineId === line.id);
      const units = own.length
        ? own.map((o) => ({
            objectiveId: o.id as string | null,
            key: o.key as string | null,
            title: o.title,
            sources: [...line.recordSources, ...o.recordSources],
          }))
        : [{ objectiveId: null, key: null, title: line.title, sources: line.recordSources }];
      for (const u of units) {
        if (explained(line.id, u.objectiveId)) continue;
        const n = await recordCount(
          db,
          orgId,
          { lineId: line.id, objectiveId: u.objectiveId, recordSources: u.sources },
          period,
        );
        if (n > 0) continue;
        out.push({
          lineId: line.id,
          lineNumber: line.number,
          objectiveId: u.objectiveId,
          objectiveKey: u.key,
          label: u.key ? `${line.number}.${u.key}` : String(line.number),
          title: u.title,
        });
      }
    }
  }
  return out;
}
