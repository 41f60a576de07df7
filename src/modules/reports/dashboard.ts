import { sql } from 'drizzle-orm';
import { addDays, todayInMexicoCity } from '../../shared/dates';
import { formatPeriod, monthAbbreviation } from '../../shared/spanish-dates';
import { allInstruments } from '../agreements';
import { monthlyStatusTable, overdueOccurrenceCount } from '../channel';
import { agreementsBySession } from '../governance';
import * as governance from '../governance';
import { presentSessions } from '../governance';
import type { Db } from '../platform/db/client';
import { loadProgramTree } from '../program';
import * as program from '../program';
import type { Dashboard } from './contract';
import { quarterRange } from '../../shared/periods';

/** The quarter a day falls in. */
export function quarterOf(day: string): { from: string; to: string } {
  return quarterRange(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);
}

/**
 * The period's work program (its year's): each target overlapping the period with its progress,
 * and each line's objectives with and without activity in the period.
 */
async function programFigures(db: Db, orgId: string, period: { from: string; to: string }) {
  const found = await program.findProgramByYear(db, orgId, Number(period.from.slice(0, 4)));
  const tree = found ? await loadProgramTree(db, orgId, found.id) : undefined;
  if (!tree) return { targets: [], programLines: [] };
  const activities = await program.allActivities(db, orgId, { programId: tree.id, ...period });
  const targets = tree.lines.flatMap((line) =>
    [
      ...line.targets.map((t) => ({ t, label: String(line.number) })),
      ...line.objectives.flatMap((o) => o.targets.map((t) => ({ t, label: `${line.number}.${o.key}` }))),
    ]
      .filter(({ t }) => t.periodStart <= period.to && t.periodEnd >= period.from)
      .map(({ t, label }) => ({
        id: t.id,
        label,
        description: t.description,
        unit: t.unit,
        count: t.progress.count,
        minimum: t.progress.minimum,
        percent: t.progress.percent,
        met: t.progress.met,
        periodEnd: t.periodEnd,
      })),
  );
  const programLines = tree.lines.map((line) => {
    const own = activities.filter((a) => a.lineId === line.id);
    const active = new Set(own.map((a) => a.objectiveId));
    return {
      number: line.number,
      title: line.title,
      objectives: line.objectives.length,
      objectivesWithActivity: line.objectives.filter((o) => active.has(o.id)).length,
      activities: own.length,
    };
  });
  return { targets, programLines };
}

/** What councillors and liaison staff see first: the period's figures, from the same records as the report. */
export async function dashboard(
  db: Db,
  orgId: string,
  q: { from?: string; to?: string },
  today = todayInMexicoCity(),
): Promise<Dashboard> {
  const period = q.from && q.to && q.from <= q.to ? { from: q.from, to: q.to } : quarterOf(today);
  const bodies = await governance.listBodies(db, orgId);
  const perBody = await Promise.all(
    bodies.map(async (b) => {
      const a = await agreementsBySession(db, orgId, b, period);
      const upcoming = await presentSessions(
        db,
        orgId,
        b.id,
        (await governance.listSessionRows(db, orgId, b.id, { from: today, to: addDays(today, 60) })).filter(
          (r) => !r.cancelledOn,
        ),
      );
      return {
        summary: {
          id: b.id,
          acronym: b.acronym,
          name: b.name,
          sessions: a.sessions.length,
          agreements: a.total,
        },
        upcoming: upcoming.map((s) => ({
          id: s.id,
          bodyAcronym: b.acronym,
          name: s.name,
          heldOn: s.heldOn,
          heldOnText: s.heldOnText,
        })),
      };
    }),
  );
  const counts = await db.execute(sql`
    select
      count(*) filter (where status = 'pending_local')::int as pending,
      count(*) filter (where status = 'pending_local' and due_on < ${today}::date)::int as overdue,
      count(*) filter (where status = 'in_process_national')::int as in_process,
      count(*)::int as total
    from channel_folio where local_org_id = ${orgId}`);
  const c = (
    counts as unknown as { rows: { pending: number; overdue: number; in_process: number; total: number }[] }
  ).rows[0]!;
  let channel: Dashboard['channel'] = null;
  if (Number(c.total) > 0) {
    const [followUp, consultation] = await Promise.all([
      monthlyStatusTable(db, orgId, { module: 'follow_up', ...period }),
      monthlyStatusTable(db, orgId, { module: 'consultation', ...period }),
    ]);
    channel = {
      pending: Number(c.pending),
      overdue: Number(c.overdue),
      overdueMonths: await overdueOccurrenceCount(db, orgId, today),
      inProcess: Number(c.in_process),
      byMonth: followUp.months.map((m, k) => ({
        month: m.month,
        label: monthAbbreviation(Number(m.month.slice(5))),
        followUp: m.total,
        consultation: consultation.months[k]?.total ?? 0,
      })),
    };
  }
  const expiring = await allInstruments(db, orgId, { expiringWithinDays: 90, on: today }, today);
  const reports = await db.execute(sql`
    select count(*) filter (where status = 'draft')::int as drafts,
           count(*) filter (where status = 'approved')::int as approved
    from report where organization_id = ${orgId}`);
  const r = (reports as unknown as { rows: { drafts: number; approved: number }[] }).rows[0]!;
  return {
    ...period,
    label: formatPeriod(period.from, period.to),
    today,
    bodies: perBody.map((b) => b.summary),
    channel,
    instrumentsExpiring: expiring
      .filter((i) => i.effectiveEnd)
      .sort((a, b) => a.effectiveEnd!.localeCompare(b.effectiveEnd!))
      .slice(0, 10)
      .map((i) => ({ id: i.id, title: i.title, effectiveEnd: i.effectiveEnd! })),
    upcomingSessions: perBody
      .flatMap((b) => b.upcoming)
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
      .slice(0, 8),
    reports: { drafts: Number(r.drafts), approved: Number(r.approved) },
    ...(await programFigures(db, orgId, period)),
    upcomingActivities: (await program.allActivities(db, orgId, { from: today, to: addDays(today, 60) }))
      .filter((a) => a.startsOn >= today)
      .slice(0, 8)
      .map((a) => ({
        id: a.id,
        title: a.title,
        label: a.objectiveKey ? `${a.lineNumber}.${a.objectiveKey}` : String(a.lineNumber),
        startsOn: a.startsOn,
        datesText: a.datesText,
      })),
  };
}
