import { addDays, daysInMonth, dateOf, type LocalDate } from './calendar';

/** The first and last day of a quarter: (2024, 1) → 2024-01-01 … 2024-03-31. */
export function quarterRange(year: number, quarter: number): { from: LocalDate; to: LocalDate } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter ${quarter}`);
  const last = quarter * 3;
  return { from: dateOf(year, last - 2, 1), to: dateOf(year, last, daysInMonth(year, last)) };
}

/**
 * The period after [from, to], of the same shape: whole months give the same number of months
 * (a quarter gives the next quarter); any other range the same number of days.
 */
export function nextPeriod(from: LocalDate, to: LocalDate): { from: LocalDate; to: LocalDate } {
  const start = addDays(to, 1);
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8))];
  const [ty, tm, td] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8))];
  if (fd === 1 && td === daysInMonth(ty, tm)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const lastIndex = ty * 12 + (tm - 1) + months;
    const y = Math.floor(lastIndex / 12);
    const m = (lastIndex % 12) + 1;
    return { from: start, to: dateOf(y, m, daysInMonth(y, m)) };
  }
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return { from: start, to: addDays(start, days - 1) };
}

/** The quarter number (1–4) when [from, to] is a calendar quarter, else null. */
export function isCalendarQuarter(from: LocalDate, to: LocalDate): number | null {
  const m = Number(from.slice(5, 7));
  if ((m - 1) % 3 !== 0 || from.slice(0, 4) !== to.slice(0, 4)) return null;
  const q = (m - 1) / 3 + 1;
  const r = quarterRange(Number(from.slice(0, 4)), q);
  return r.from === from && r.to === to ? q : null;
}

/** A calendar quarter as the address and the pickers name it: "2024-T1". */
export type QuarterKey = `${number}-T${1 | 2 | 3 | 4}`;

export const QUARTER_KEY = /^(\d{4})-T([1-4])$/;

/** The key of the quarter a day falls in: 2024-02-29 → "2024-T1". */
export function quarterKeyOf(day: LocalDate): QuarterKey {
  return `${Number(day.slice(0, 4))}-T${(Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** "2024-T1" → its first and last day, or null when the text is not a quarter key. */
export function quarterOfKey(key: string | null | undefined): { from: LocalDate; to: LocalDate } | null {
  const m = QUARTER_KEY.exec(key ?? '');
  return m ? quarterRange(Number(m[1]), Number(m[2])) : null;
}

/**
 * The quarter a period choice opens on, so a page shows records rather than an empty quarter:
 * today's when it holds records; else the latest before it that does; else the earliest after it
 * (records only in the future); else today's.
 */
export function suggestedQuarter(withRecords: readonly string[], today: LocalDate): QuarterKey {
  const current = quarterKeyOf(today);
  const order = (k: string) => Number(k.slice(0, 4)) * 4 + Number(k.slice(6));
  const keys = withRecords.filter((k) => QUARTER_KEY.test(k));
  const past = keys.filter((k) => order(k) <= order(current)).sort((a, b) => order(b) - order(a));
  if (past[0]) return past[0] as QuarterKey;
  const future = keys.sort((a, b) => order(a) - order(b));
  return (future[0] as QuarterKey | undefined) ?? current;
}
