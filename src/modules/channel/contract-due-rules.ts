import type { LocalDate } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';

// The due rules as the API and the browser see them; the dates they give are computed on the
// organization's working calendar by due-rules.ts (server only: it needs the holidays).

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
