import { addDays, dateOf, daysInMonth, weekday, type LocalDate } from '../../../shared/dates';
import { officialHolidays } from './mexican-holidays';

/**
 * An organization's working calendar: weekends and the art. 74 holidays are not business days,
 * nor are the organization's own non-working days (Holy Week, the December recess…); inside a
 * period in which every day counts (electoral law declares some, during a process) every day is
 * a business day.
 */
export type WorkCalendar = {
  ownNonWorkingDays: ReadonlySet<LocalDate>;
  everyDayCounts: readonly { from: LocalDate; to: LocalDate }[];
};

export const PLAIN_CALENDAR: WorkCalendar = { ownNonWorkingDays: new Set(), everyDayCounts: [] };

const holidayCache = new Map<number, Set<LocalDate>>();
function holidaysOf(year: number): Set<LocalDate> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(officialHolidays(year).map((h) => h.date));
    holidayCache.set(year, set);
  }
  return set;
}

export function isBusinessDay(cal: WorkCalendar, day: LocalDate): boolean {
  if (cal.everyDayCounts.some((p) => p.from <= day && day <= p.to)) return true;
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  if (holidaysOf(Number(day.slice(0, 4))).has(day)) return false;
  return !cal.ownNonWorkingDays.has(day);
}

/**
 * The day on which a term of `n` business days ends, counted from the day after `from` (the day
 * of receipt does not count). With n = 0, `from` itself.
 */
export function addBusinessDays(cal: WorkCalendar, from: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let day = from;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isBusinessDay(cal, day)) counted++;
  }
  return day;
}

/** The first business day on or after `day`. */
export function nextBusinessDayFrom(cal: WorkCalendar, day: LocalDate): LocalDate {
  let d = day;
  while (!isBusinessDay(cal, d)) d = addDays(d, 1);
  return d;
}

/** "El último día hábil del mes". */
export function lastBusinessDayOfMonth(cal: WorkCalendar, year: number, month: number): LocalDate {
  let d = dateOf(year, month, daysInMonth(year, month));
  while (!isBusinessDay(cal, d)) d = addDays(d, -1);
  return d;
}

/**
 * "Dentro de los primeros N días (hábiles | naturales) del mes": the last day of that allowance.
 * For natural days it is day N of the month; for business days, the N-th business day. Returns
 * null when the month has fewer such days.
 */
export function endOfFirstDaysOfMonth(
  cal: WorkCalendar,
  year: number,
  month: number,
  n: number,
  kind: 'business' | 'natural',
): LocalDate | null {
  if (n < 1) return null;
  const last = daysInMonth(year, month);
  if (kind === 'natural') return n <= last ? dateOf(year, month, n) : null;
  let counted = 0;
  for (let d = 1; d <= last; d++) {
    const day = dateOf(year, month, d);
    if (isBusinessDay(cal, day) && ++counted === n) return day;
  }
  return null;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(cal: WorkCalendar, from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(cal, d)) n++;
  return n;
}
