import type { LocalDate } from '@/shared/calendar';

const dateTime = new Intl.DateTimeFormat('es-MX', {
  timeZone: 'America/Mexico_City',
  dateStyle: 'long',
  timeStyle: 'short',
});

const dayFormat = new Intl.DateTimeFormat('es-MX', { timeZone: 'UTC', dateStyle: 'medium' });

/** An instant as the users read it: in Mexico City, "8 de enero de 2024, 10:30". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A calendar date ("2024-01-08") as "8 ene 2024"; read at noon UTC so no zone moves the day. */
export function formatDay(day: LocalDate): string {
  return dayFormat.format(new Date(`${day}T12:00:00Z`));
}

const numberFormat = new Intl.NumberFormat('es-MX');
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
