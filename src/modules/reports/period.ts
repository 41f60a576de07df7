import { daysInMonth, dateOf, type LocalDate } from '../../shared/dates';

/** The first and last day of a quarter: (2024, 1) → 2024-01-01 … 2024-03-31. */
export function quarterRange(year: number, quarter: number): { from: LocalDate; to: LocalDate } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter ${quarter}`);
  const last = quarter * 3;
  return { from: dateOf(year, last - 2, 1), to: dateOf(year, last, daysInMonth(year, last)) };
}
