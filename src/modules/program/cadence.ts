import { addDays, daysInMonth, weekday, type LocalDate } from '../../shared/dates';
import { formatDateRange, formatMonth } from '../../shared/spanish-dates';
import type { Cadence } from './contract-constants';

// Missing issues of a publication series: pure, browser-safe, unit-tested (cadence.test.ts).

export type Slot = { from: LocalDate; to: LocalDate; label: string };

/** Monday of the week (Monday–Sunday) that contains `day`. */
export function mondayOf(day: LocalDate): LocalDate {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/**
 * The slots a cadence expects within [from, to]: for weekly series every week (Monday–Sunday) whose
 * Monday falls within the window; for monthly series every month whose first day falls within it;
 * none for irregular series. A slot belongs to the period where it starts, so consecutive periods
 * never both expect it.
 */
export function expectedSlots(cadence: Cadence, from: LocalDate, to: LocalDate): Slot[] {
  if (to < from) return [];
  const slots: Slot[] = [];
  if (cadence === 'weekly') {
    let monday = mondayOf(from);
    if (monday < from) monday = addDays(monday, 7);
    for (; monday <= to; monday = addDays(monday, 7)) {
      const sunday = addDays(monday, 6);
      slots.push({ from: monday, to: sunday, label: `semana del ${formatDateRange(monday, sunday)}` });
    }
  } else if (cadence === 'monthly') {
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    if (from.slice(8) !== '01') [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    for (;;) {
      const first = `${y}-${String(m).padStart(2, '0')}-01`;
      if (first > to) break;
      const last = `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
      slots.push({ from: first, to: last, label: formatMonth(y, m) });
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
  }
  return slots;
}

/**
 * The expected slots of a series within a period that have no issue. The window is the period cut
 * to the series' own life (startsOn–endsOn) when it has one.
 */
export function missingIssues(
  series: { cadence: Cadence; startsOn: LocalDate | null; endsOn: LocalDate | null },
  issueDates: readonly LocalDate[],
  period: { from: LocalDate; to: LocalDate },
): Slot[] {
  const from = series.startsOn && series.startsOn > period.from ? series.startsOn : period.from;
  const to = series.endsOn && series.endsOn < period.to ? series.endsOn : period.to;
  return expectedSlots(series.cadence, from, to).filter(
    (slot) => !issueDates.some((d) => d >= slot.from && d <= slot.to),
  );
}

/** A target's progress: the count against its minimum, percent capped at 100. */
export function targetProgress(count: number, minimum: number) {
  return {
    count,
    minimum,
    met: count >= minimum,
    percent: minimum > 0 ? Math.min(100, Math.round((count / minimum) * 100)) : 100,
  };
}
