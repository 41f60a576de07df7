import { addDays, dateOf, daysBetween, daysInMonth, weekday, type LocalDate } from '../../../shared/dates';
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
 * No real calendar goes two years without a business day; one that does (own non-working days
 * entered range after range) must not keep a request walking day by day toward year 9999.
 */
export const MAX_DAYS_WITHOUT_BUSINESS_DAY = 731;

/** The first business day strictly after (`step` 1) or before (`step` -1) `day`. */
function nextBusinessDay(cal: WorkCalendar, day: LocalDate, step: 1 | -1): LocalDate {
  let d = day;
  for (let walked = 0; walked < MAX_DAYS_WITHOUT_BUSINESS_DAY; walked++) {
    d = addDays(d, step);
    if (isBusinessDay(cal, d)) return d;
  }
  throw new RangeError(`No business day within ${MAX_DAYS_WITHOUT_BUSINESS_DAY} days of ${day}`);
}

/**
 * The day on which a term of `n` business days ends, counted from the day after `from` (the day
 * of receipt does not count). With n = 0, `from` itself.
 */
export function addBusinessDays(cal: WorkCalendar, from: LocalDate, n: number): LocalDate {
  return moveBusinessDays(cal, from, n, 1);
}

/** The business day `n` business days before `day` (n = 0: `day` itself). */
export function subtractBusinessDays(cal: WorkCalendar, day: LocalDate, n: number): LocalDate {
  return moveBusinessDays(cal, day, n, -1);
}

function moveBusinessDays(cal: WorkCalendar, from: LocalDate, n: number, step: 1 | -1): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let day = from;
  for (let counted = 0; counted < n; counted++) day = nextBusinessDay(cal, day, step);
  return day;
}

/** The first business day on or after `day`. */
export function nextBusinessDayFrom(cal: WorkCalendar, day: LocalDate): LocalDate {
  return isBusinessDay(cal, day) ? day : nextBusinessDay(cal, day, 1);
}

/** "El último día hábil del mes". */
export function lastBusinessDayOfMonth(cal: WorkCalendar, year: number, month: number): LocalDate {
  const d = dateOf(year, month, daysInMonth(year, month));
  return isBusinessDay(cal, d) ? d : nextBusinessDay(cal, d, -1);
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
  // The walk is as long as the range: callers pass ranges their schemas capped (DATE_RANGE).
  if (daysBetween(from, to) > MAX_BUSINESS_DAYS_SPAN)
    throw new RangeError(`Range too long to count business days: ${from}..${to}`);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(cal, d)) n++;
  return n;
}

/** The whole accepted date range (1990–2100) and some margin: about 40,000 days. */
const MAX_BUSINESS_DAYS_SPAN = 366 * 120;
