import type { Db } from '../platform/db/client';
import { alertSchedule, nextAlertAfter } from './alerts';
import type { InstrumentStatus } from './contract';
import * as repo from './repository';
import { IN_FORCE } from './contract-status';

/**
 * The expiry alerts due on `on`: instruments in force whose schedule (from the current end date,
 * after renewals) has an alert that day (before or after the end) and nobody has acted since the
 * first alert. Sending them by
 * e-mail to the responsible areas is the daily job's part (send-expiry-alerts.ts).
 */
export async function listDueAlerts(db: Db, orgId: string, on: string) {
  const [settings, tree, actions] = await Promise.all([
    repo.getSettings(db, orgId),
    repo.loadTree(db, orgId),
    repo.lastActions(db, orgId),
  ]);
  const due: { instrumentId: string; effectiveEnd: string; firstAlertOn: string; alertOn: string }[] = [];
  for (const node of tree.values()) {
    if (!IN_FORCE.includes(node.status)) continue;
    const endDate = repo.effectiveEndIn(tree, node.id);
    // Through `on`: steps after the end count too, as the daily job sends them.
    const schedule = alertSchedule(
      {
        endDate,
        leadDays: settings.alertLeadDays,
        repeatEveryDays: settings.alertRepeatDays,
        lastActionOn: actions.get(node.id) ?? null,
      },
      on,
    );
    if (endDate && schedule.at(-1) === on) {
      due.push({ instrumentId: node.id, effectiveEnd: endDate, firstAlertOn: schedule[0]!, alertOn: on });
    }
  }
  const instruments = due.length ? await repo.allInstruments(db, orgId, {}, on) : [];
  const byId = new Map(instruments.map((i) => [i.id, i]));
  return {
    on,
    leadDays: settings.alertLeadDays,
    repeatEveryDays: settings.alertRepeatDays,
    items: due
      .map((d) => ({ ...d, title: byId.get(d.instrumentId)!.title, areas: byId.get(d.instrumentId)!.areas }))
      .sort((a, b) => a.effectiveEnd.localeCompare(b.effectiveEnd) || a.title.localeCompare(b.title, 'es')),
  };
}

/** The next expiry alert of one instrument after `on` if nobody acts, or null. */
export async function nextAlertOf(
  db: Db,
  orgId: string,
  instrument: { id: string; status: InstrumentStatus; effectiveEnd: string | null },
  on: string,
): Promise<string | null> {
  if (!IN_FORCE.includes(instrument.status)) return null;
  const [settings, actions] = await Promise.all([repo.getSettings(db, orgId), repo.lastActions(db, orgId)]);
  return nextAlertAfter(
    {
      endDate: instrument.effectiveEnd,
      leadDays: settings.alertLeadDays,
      repeatEveryDays: settings.alertRepeatDays,
      lastActionOn: actions.get(instrument.id) ?? null,
    },
    on,
  );
}
