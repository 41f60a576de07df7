import type { LocalDate } from './calendar';
import { numberInWords } from './spanish-words';

// Dates as the institution writes them. A LocalDate is read at noon UTC so that no zone can move it
// to a neighbouring day.

const longFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

function atNoon(day: LocalDate): Date {
  return new Date(`${day}T12:00:00Z`);
}

const parts = (day: LocalDate) => ({
  y: Number(day.slice(0, 4)),
  m: Number(day.slice(5, 7)),
  d: Number(day.slice(8, 10)),
});

/** "lunes 8 de enero de 2024": the weekday is derived from the date, never typed. */
export function formatLongDate(day: LocalDate): string {
  return longFormat.format(atNoon(day)).replace(',', '');
}

/** "8 de enero de 2024". */
export function formatDate(day: LocalDate): string {
  const { y, m, d } = parts(day);
  return `${d} de ${MONTHS[m - 1]} de ${y}`;
}

/** "enero de 2024". */
export function formatMonth(year: number, month: number): string {
  return `${MONTHS[month - 1]} de ${year}`;
}

/** Joins with commas and "y" before the last: "a, b y c". */
export function joinWithY(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

/**
 * A range as the report writes it: "6 al 9 de marzo de 2024", "28 de febrero al 2 de marzo de
 * 2024", "30 de diciembre de 2023 al 2 de enero de 2024"; a one-day range is that day.
 */
export function formatDateRange(from: LocalDate, to: LocalDate): string {
  if (to < from) throw new RangeError(`range ends before it starts: ${from} – ${to}`);
  if (from === to) return formatDate(from);
  const a = parts(from);
  const b = parts(to);
  if (a.y !== b.y) return `${formatDate(from)} al ${formatDate(to)}`;
  if (a.m !== b.m) return `${a.d} de ${MONTHS[a.m - 1]} al ${b.d} de ${MONTHS[b.m - 1]} de ${b.y}`;
  return `${a.d} al ${b.d} de ${MONTHS[b.m - 1]} de ${b.y}`;
}

/**
 * A list of days grouped by month, "y" before the last: "5, 12, 19 y 26 de enero de 2024";
 * across months "30 y 31 de enero y 1 de febrero de 2024"; a day that occurs more than once is
 * counted: "15 (en dos ocasiones)". Days come out in calendar order.
 */
export function formatDateList(days: readonly LocalDate[]): string {
  if (!days.length) return '';
  const counts = new Map<LocalDate, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const sorted = [...counts.keys()].sort();
  const years: { y: number; months: { m: number; days: string[] }[] }[] = [];
  for (const day of sorted) {
    const { y, m, d } = parts(day);
    let year = years[years.length - 1];
    if (!year || year.y !== y) years.push((year = { y, months: [] }));
    let month = year.months[year.months.length - 1];
    if (!month || month.m !== m) year.months.push((month = { m, days: [] }));
    const n = counts.get(day)!;
    month.days.push(n > 1 ? `${d} (en ${numberInWords(n, 'f')} ocasiones)` : String(d));
  }
  return joinWithY(
    years.map(
      ({ y, months }) =>
        `${joinWithY(months.map(({ m, days: ds }) => `${joinWithY(ds)} de ${MONTHS[m - 1]}`))} de ${y}`,
    ),
  );
}

/**
 * The days listed month by month, as the reference lists a weekly bulletin: one entry per month
 * ("5, 12, 19 y 26 de enero de 2024", "2, 9, 16 y 23 de febrero de 2024"), in calendar order.
 */
export function formatDatesByMonth(days: readonly LocalDate[]): string[] {
  const months = new Map<string, LocalDate[]>();
  for (const d of [...days].sort()) {
    const key = d.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), d]);
  }
  return [...months.values()].map(formatDateList);
}

/** The month's name: 1 → "enero". */
export function monthName(month: number): string {
  return MONTHS[month - 1]!;
}

/** The month as table headings abbreviate it: "ene", "feb", "mar". */
export function monthAbbreviation(month: number): string {
  return MONTHS[month - 1]!.slice(0, 3);
}

function lastDayOf(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A report's period: whole months read "enero a marzo de 2024" (or "septiembre de 2023 a enero
 * de 2024", "marzo de 2024"); any other range is a date range ("6 al 9 de marzo de 2024").
 */
export function formatPeriod(from: LocalDate, to: LocalDate): string {
  const a = parts(from);
  const b = parts(to);
  if (a.d !== 1 || b.d !== lastDayOf(b.y, b.m)) return formatDateRange(from, to);
  if (a.y === b.y && a.m === b.m) return formatMonth(a.y, a.m);
  if (a.y === b.y) return `${MONTHS[a.m - 1]} a ${formatMonth(b.y, b.m)}`;
  return `${formatMonth(a.y, a.m)} a ${formatMonth(b.y, b.m)}`;
}
