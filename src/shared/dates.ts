import { z } from 'zod';

/**
 * A calendar date with no time or zone ("2024-02-29"). Validated as a real date: 2024-02-30 and
 * 2023-02-29 are refused. Stored as SQL `date`, never as a midnight timestamp.
 */
// No message of its own: the shared error map words it ("El 31 de febrero de 2024 no existe").
export const LocalDateSchema = z.iso.date();
export type LocalDate = z.infer<typeof LocalDateSchema>;

// Built once: constructing a formatter with a time zone costs about 0.1 ms, paid per request before.
const mexicoCityDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Mexico_City',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date where the users are (America/Mexico_City), whatever the server's zone. */
export function todayInMexicoCity(now: Date = new Date()): LocalDate {
  return mexicoCityDay.format(now);
}

/** True when the closed range [from, to] contains `day`; an open end means "still in force". */
export function rangeContains(from: LocalDate, to: LocalDate | null, day: LocalDate): boolean {
  return from <= day && (to === null || day <= to);
}

/** True when two closed ranges (open end = forever) share at least one day. */
export function rangesOverlap(
  a: { from: LocalDate; to: LocalDate | null },
  b: { from: LocalDate; to: LocalDate | null },
): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function toUtc(day: LocalDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

/** `day` moved by `n` calendar days (n may be negative). */
export function addDays(day: LocalDate, n: number): LocalDate {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: LocalDate): number {
  return toUtc(day).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dateOf(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
