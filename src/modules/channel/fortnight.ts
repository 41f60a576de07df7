import { addDays, dateOf, daysInMonth, weekday, type LocalDate } from '../../shared/dates';
import { formatMonth } from '../../shared/spanish-dates';

/**
 * The fortnights of the statistical report: days 1–15 and 16 to the end of each month. Within a
 * year they are numbered 1 (first half of January) to 24 (second half of December).
 */
export type Fortnight = { year: number; month: number; half: 1 | 2 };

export function fortnightPeriod(f: Fortnight): { from: LocalDate; to: LocalDate } {
  return f.half === 1
    ? { from: dateOf(f.year, f.month, 1), to: dateOf(f.year, f.month, 15) }
    : { from: dateOf(f.year, f.month, 16), to: dateOf(f.year, f.month, daysInMonth(f.year, f.month)) };
}

export function fortnightOf(day: LocalDate): Fortnight {
  return {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    half: Number(day.slice(8, 10)) <= 15 ? 1 : 2,
  };
}

/** The fortnight that ended most recently before `day` (the one a report sent on `day` covers). */
export function lastEndedFortnight(day: LocalDate): Fortnight {
  const current = fortnightOf(day);
  return fortnightOf(addDays(fortnightPeriod(current).from, -1));
}

/** 1 … 24 within the year. */
export function fortnightNumber(f: Fortnight): number {
  return (f.month - 1) * 2 + f.half;
}

/** "Primera quincena de enero de 2024". */
export function fortnightTitle(f: Fortnight): string {
  return `${f.half === 1 ? 'Primera' : 'Segunda'} quincena de ${formatMonth(f.year, f.month)}`;
}

/**
 * The day its report is due to go out: the first weekday (Monday to Friday) after the fortnight
 * ends. It gives the reference's six sending dates of 2024 (16 Jan, 1 Feb, 16 Feb, 1 Mar, 18 Mar,
 * 1 Apr): a fortnight ending on Friday 15 March goes out on Monday the 18th.
 */
export function reportSendDay(f: Fortnight): LocalDate {
  let day = addDays(fortnightPeriod(f).to, 1);
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
  return day;
}
