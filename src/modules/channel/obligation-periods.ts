import type { LocalDate } from '../../shared/dates';
import type { MonthlyDueRule } from './contract-due-rules';
import { dueDateInMonth } from './due-rules';
import type { WorkCalendar } from '../platform/calendar/business-days';

/** The first day of the month of `day`: how an occurrence's period is stored. */
export function monthOf(day: LocalDate): LocalDate {
  return `${day.slice(0, 7)}-01`;
}

/**
 * The occurrences an obligation must have by `today`: every month from its first month through
 * `monthsAhead` months after today's (and not past its last month), each with its due date.
 */
export function occurrencesDue(
  obligation: { startsOn: LocalDate; endsOn: LocalDate | null; dueRule: MonthlyDueRule },
  cal: WorkCalendar,
  today: LocalDate,
  monthsAhead: number,
): { period: LocalDate; dueOn: LocalDate }[] {
  const out: { period: LocalDate; dueOn: LocalDate }[] = [];
  let y = Number(obligation.startsOn.slice(0, 4));
  let m = Number(obligation.startsOn.slice(5, 7));
  const horizon = (() => {
    const t = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + monthsAhead;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  })();
  const last = obligation.endsOn ? obligation.endsOn.slice(0, 7) : horizon;
  const end = last < horizon ? last : horizon;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) return out;
    const due = dueDateInMonth(obligation.dueRule, cal, y, m);
    if (due.ok) out.push({ period: `${key}-01`, dueOn: due.due });
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}
