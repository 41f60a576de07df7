import { addDays, type LocalDate } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';
import {
  addBusinessDays,
  endOfFirstDaysOfMonth,
  lastBusinessDayOfMonth,
  type WorkCalendar,
} from '../platform/calendar/business-days';

/**
 * When something is due. One-off folios count from their receipt; monthly rules give the day
 * within a month, for recurring obligations ("informe mensual, el último día hábil de cada mes").
 */
export type DueRule =
  | { kind: 'business_days'; days: number }
  | { kind: 'natural_days'; days: number }
  | { kind: 'fixed_date'; date: LocalDate }
  | { kind: 'last_business_day_of_month' }
  | { kind: 'first_days_of_month'; days: number; count: 'business' | 'natural' };

/** The rules that give a day within a month: those of recurring monthly obligations. */
export type MonthlyDueRule = Extract<DueRule, { kind: 'last_business_day_of_month' | 'first_days_of_month' }>;

export type DueResult = { ok: true; due: LocalDate } | { ok: false; reason: string };

/** The due date of a one-off folio received on `received`. Monthly rules apply to its month. */
export function dueDateFor(rule: DueRule, cal: WorkCalendar, received: LocalDate): DueResult {
  switch (rule.kind) {
    case 'business_days':
      return rule.days >= 1 && rule.days <= 365
        ? { ok: true, due: addBusinessDays(cal, received, rule.days) }
        : { ok: false, reason: 'El plazo en días hábiles debe estar entre 1 y 365.' };
    case 'natural_days':
      return rule.days >= 1 && rule.days <= 730
        ? { ok: true, due: addDays(received, rule.days) }
        : { ok: false, reason: 'El plazo en días naturales debe estar entre 1 y 730.' };
    case 'fixed_date':
      return rule.date >= received
        ? { ok: true, due: rule.date }
        : {
            ok: false,
            reason: `La fecha límite (${formatDate(rule.date)}) es anterior a la recepción (${formatDate(received)}).`,
          };
    default: {
      const result = dueDateInMonth(rule, cal, Number(received.slice(0, 4)), Number(received.slice(5, 7)));
      if (!result.ok || result.due >= received) return result;
      return {
        ok: false,
        reason: `La regla ya no puede cumplirse en el mes de recepción: vencía el ${formatDate(result.due)}.`,
      };
    }
  }
}

/** The due date, within month `month` of `year`, of a monthly rule (one occurrence of an obligation). */
export function dueDateInMonth(
  rule: MonthlyDueRule,
  cal: WorkCalendar,
  year: number,
  month: number,
): DueResult {
  if (rule.kind === 'last_business_day_of_month')
    return { ok: true, due: lastBusinessDayOfMonth(cal, year, month) };
  const due = endOfFirstDaysOfMonth(cal, year, month, rule.days, rule.count);
  return due
    ? { ok: true, due }
    : {
        ok: false,
        reason: `El mes no tiene ${rule.days} días ${rule.count === 'business' ? 'hábiles' : 'naturales'}.`,
      };
}

/** The rule in the institution's words: "el último día hábil de cada mes". */
export function describeDueRule(rule: DueRule): string {
  switch (rule.kind) {
    case 'business_days':
      return `${rule.days} ${rule.days === 1 ? 'día hábil' : 'días hábiles'} a partir de la recepción`;
    case 'natural_days':
      return `${rule.days} ${rule.days === 1 ? 'día natural' : 'días naturales'} a partir de la recepción`;
    case 'fixed_date':
      return `a más tardar el ${formatDate(rule.date)}`;
    case 'last_business_day_of_month':
      return 'el último día hábil de cada mes';
    case 'first_days_of_month':
      return `dentro de los primeros ${rule.days} días ${rule.count === 'business' ? 'hábiles' : 'naturales'} de cada mes`;
  }
}
