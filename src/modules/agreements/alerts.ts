import { addDays, type LocalDate } from '../../shared/dates';

// Expiry alerts: to the responsible areas, `leadDays` before the current end of validity, then
// every `repeatEveryDays` until the end — unless someone acts (a status change, a renewal, a review
// decision) on or after the first alert. A renewal moves the end, so the schedule is recomputed
// from the new end.

export type AlertInput = {
  /** The current effective end, after renewals and amendments; null = indefinite (no alerts). */
  endDate: LocalDate | null;
  leadDays: number;
  repeatEveryDays: number;
  /** The latest day someone acted on the instrument, if any. */
  lastActionOn: LocalDate | null;
};

/** Every alert day of the current schedule, stopping at the end date or at the first action. */
export function alertSchedule(input: AlertInput): LocalDate[] {
  if (!input.endDate || input.leadDays < 1 || input.repeatEveryDays < 1) return [];
  const first = addDays(input.endDate, -input.leadDays);
  const days: LocalDate[] = [];
  for (let d = first; d <= input.endDate; d = addDays(d, input.repeatEveryDays)) {
    // An action on or after the first alert answers it: later alerts are not sent.
    if (input.lastActionOn && input.lastActionOn >= first && input.lastActionOn <= d) break;
    days.push(d);
  }
  return days;
}

/** The alert due on `on`, if the schedule has one that day. */
export function alertDueOn(input: AlertInput, on: LocalDate): LocalDate | null {
  return alertSchedule(input).includes(on) ? on : null;
}
