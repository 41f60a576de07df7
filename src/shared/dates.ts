import { z } from 'zod';

/**
 * A calendar date with no time or zone ("2024-02-29"). Validated as a real date: 2024-02-30 and
 * 2023-02-29 are refused. Stored as SQL `date`, never as a midnight timestamp.
 */
export const LocalDateSchema = z.iso.date({
  error: 'Fecha inválida: use el formato AAAA-MM-DD con un día que exista',
});
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** Today's date where the users are (America/Mexico_City), whatever the server's zone. */
export function todayInMexicoCity(now: Date = new Date()): LocalDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
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
