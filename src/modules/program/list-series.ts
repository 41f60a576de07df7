import type { LocalDate } from '../../shared/dates';
import type { Db } from '../platform/db/client';
import { missingIssues } from './cadence';
import type { Series } from './contract';
import * as repo from './repository';

type Period = { from?: LocalDate; to?: LocalDate };

async function present(db: Db, orgId: string, rows: repo.SeriesRow[], period: Period): Promise<Series[]> {
  const issues = await repo.issuesOf(
    db,
    orgId,
    rows.map((r) => r.id),
    period,
  );
  const lineIds = [...new Set(rows.map((r) => r.lineId))];
  const lines = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const id of lineIds) {
    const line = await repo.findLine(db, orgId, id);
    if (line) lines.set(id, line.number);
  }
  for (const o of await repo.objectivesOf(db, orgId, lineIds)) keys.set(o.id, o.key);
  return rows.map((s) => {
    const own = issues.filter((i) => i.seriesId === s.id);
    return {
      id: s.id,
      lineId: s.lineId,
      lineNumber: lines.get(s.lineId) ?? 0,
      objectiveId: s.objectiveId,
      objectiveKey: s.objectiveId ? (keys.get(s.objectiveId) ?? null) : null,
      name: s.name,
      cadence: s.cadence,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      audience: s.audience,
      distribution: s.distribution,
      datesByMonth: s.datesByMonth,
      sentWeekly: s.sentWeekly,
      issues: own,
      // A series declared sent every week misses no week.
      missing:
        period.from && period.to && !s.sentWeekly
          ? missingIssues(
              s,
              own.map((i) => i.publishedOn),
              { from: period.from, to: period.to },
            )
          : [],
    };
  });
}

/** Every series with its issues in the period and, when the period is complete, the missing slots. */
export async function listSeries(db: Db, orgId: string, period: Period): Promise<Series[]> {
  return present(db, orgId, await repo.listSeriesRows(db, orgId), period);
}

export async function loadSeries(
  db: Db,
  orgId: string,
  id: string,
  period: Period,
): Promise<Series | undefined> {
  const row = await repo.findSeriesRow(db, orgId, id);
  return row ? (await present(db, orgId, [row], period))[0] : undefined;
}
