import type { LocalDate } from '../../shared/dates';
import type { Db } from '../platform/db/client';
import type {
  Activity,
  Issue,
  PlanReview,
  Program,
  Reason,
  Series,
  Target,
  UnexplainedObjective,
} from './contract';
import { listSeries } from './list-series';
import { loadProgramTree, objectivesWithoutActivityOrReason } from './program-tree';
import * as repo from './repository';

// The read API of the quarterly report (src/modules/report): for an organization and a period, the
// program tree with each objective's activities, publications, plan reviews, stated reason and
// targets. Everything is records: dates are typed values (render them with date-spec.ts's
// formatDateSpec or shared/spanish-dates.ts), counts are array lengths.

export type Period = { from: LocalDate; to: LocalDate };

export type ReportSeries = Omit<Series, 'issues'> & { issues: Issue[] };

export type ReportUnit = {
  /** Activities within the period, in date order. */
  activities: Activity[];
  /** Series of this objective (or line) with their issues within the period and missing slots. */
  publications: ReportSeries[];
  planReviews: PlanReview[];
  /** The stated reason for no activity in the period, when there is one. */
  reason: Reason | null;
  /** Targets whose period overlaps the report's, with progress. */
  targets: Target[];
};

export type ReportObjective = ReportUnit & { id: string; key: string; title: string; label: string };
export type ReportLine = ReportUnit & {
  id: string;
  number: number;
  title: string;
  objectives: ReportObjective[];
};
export type ProgramReportData = {
  period: Period;
  program: Program | null;
  lines: ReportLine[];
  /** Objectives with no activity and no reason: the report cannot be approved until it is empty. */
  unexplained: UnexplainedObjective[];
};

const overlaps = (t: { periodStart: string; periodEnd: string }, p: Period) =>
  t.periodStart <= p.to && t.periodEnd >= p.from;

/** The program of the period's year with everything recorded against it in the period. */
export async function programReportData(db: Db, orgId: string, period: Period): Promise<ProgramReportData> {
  const program = await repo.findProgramByYear(db, orgId, Number(period.from.slice(0, 4)));
  const unexplained = await objectivesWithoutActivityOrReason(db, orgId, period);
  if (!program) return { period, program: null, lines: [], unexplained };
  const tree = (await loadProgramTree(db, orgId, program.id))!;
  const [activities, series, reviews, reasons] = await Promise.all([
    repo.allActivities(db, orgId, { programId: program.id, from: period.from, to: period.to }),
    listSeries(db, orgId, period),
    repo.listPlanReviews(db, orgId, period),
    repo.listReasons(db, orgId, period.from, period.to),
  ]);
  const unit = (lineId: string, objectiveId: string | null, targets: Target[]): ReportUnit => ({
    activities: activities.filter((a) => a.lineId === lineId && a.objectiveId === objectiveId),
    publications: series.filter((s) => s.lineId === lineId && s.objectiveId === objectiveId),
    planReviews: reviews.filter((r) => r.lineId === lineId && r.objectiveId === objectiveId),
    reason:
      reasons.find(
        (r) =>
          r.lineId === lineId &&
          r.objectiveId === objectiveId &&
          r.periodStart <= period.from &&
          r.periodEnd >= period.to,
      ) ?? null,
    targets: targets.filter((t) => overlaps(t, period)),
  });
  const { lines, ...programOnly } = tree;
  return {
    period,
    program: programOnly,
    unexplained,
    lines: lines.map((l) => ({
      id: l.id,
      number: l.number,
      title: l.title,
      ...unit(l.id, null, l.targets),
      objectives: l.objectives.map((o) => ({
        id: o.id,
        key: o.key,
        title: o.title,
        label: `${l.number}.${o.key}`,
        ...unit(l.id, o.id, o.targets),
      })),
    })),
  };
}

/** Targets of the period after `period` (the report's "Actividades pendientes"), with their line and objective. */
export async function targetsForPeriod(
  db: Db,
  orgId: string,
  period: Period,
): Promise<(Target & { lineNumber: number; objectiveKey: string | null })[]> {
  const programs = (await repo.listPrograms(db, orgId)).filter(
    (p) => p.year >= Number(period.from.slice(0, 4)) && p.year <= Number(period.to.slice(0, 4)),
  );
  const out: (Target & { lineNumber: number; objectiveKey: string | null })[] = [];
  for (const p of programs) {
    const tree = (await loadProgramTree(db, orgId, p.id))!;
    for (const l of tree.lines) {
      for (const t of l.targets)
        if (overlaps(t, period)) out.push({ ...t, lineNumber: l.number, objectiveKey: null });
      for (const o of l.objectives)
        for (const t of o.targets)
          if (overlaps(t, period)) out.push({ ...t, lineNumber: l.number, objectiveKey: o.key });
    }
  }
  return out;
}

export { objectivesWithoutActivityOrReason } from './program-tree';
export { formatDateSpec } from './contract-date-spec';
