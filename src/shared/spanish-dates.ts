import type { LocalDate } from './dates';

// Dates as the institution writes them. A LocalDate is read at noon UTC so that no zone can move it
// to a neighbouring day.

const longFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function atNoon(day: LocalDate): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** "lunes 8 de enero de 2024": the weekday is derived from the date, never typed. */
export function formatLongDate(day: LocalDate): string {
  return longFormat.format(atNoon(day)).replace(',', '');
}
