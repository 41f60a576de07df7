import { addDays, type LocalDate } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';
import {
  addBusinessDays,
  endOfFirstDaysOfMonth,
  lastBusinessDayOfMonth,
  type WorkCalendar,
} from '../platform/calendar/business-days';
import type { DueRule, MonthlyDueRule } from './contract-due-rules';

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
