import { addDays, type LocalDate } from '../../shared/dates';
import { formatLongDate } from '../../shared/spanish-dates';

// Expiry alerts (docs/agreements-alerts.md): to the responsible areas, `leadDays` before the current
// end of validity, then every `repeatEveryDays` — past the end too, since an expired instrument still
// recorded as in force needs someone to act — until someone acts (a status change, a renewal, a
// review decision) on or after the first alert. A renewal or an amendment moves the end, so the
// schedule is recomputed from the new end and starts again.

export type AlertInput = {
  /** The current effective end, after renewals and amendments; null = indefinite (no alerts). */
  endDate: LocalDate | null;
  leadDays: number;
  repeatEveryDays: number;
  /** The latest day someone acted on the instrument, if any. */
  lastActionOn: LocalDate | null;
};

/**
 * Every alert day of the current schedule up to `through` (by default the end date): from
 * `endDate - leadDays` every `repeatEveryDays`, stopping at the first action on or after the first
 * alert (an action on an alert day answers that day's alert too).
 */
export function alertSchedule(input: AlertInput, through: LocalDate | null = input.endDate): LocalDate[] {
  if (!input.endDate || !through || input.leadDays < 1 || input.repeatEveryDays < 1) return [];
  const first = addDays(input.endDate, -input.leadDays);
  const days: LocalDate[] = [];
  for (let d = first; d <= through; d = addDays(d, input.repeatEveryDays)) {
    if (input.lastActionOn && input.lastActionOn >= first && input.lastActionOn <= d) break;
    days.push(d);
  }
  return days;
}

/** The alert scheduled exactly on `on`, if any. */
export function alertDueOn(input: AlertInput, on: LocalDate): LocalDate | null {
  return alertSchedule(input, on).at(-1) === on ? on : null;
}

/**
 * The step of the schedule a daily run on `on` must send: the latest scheduled day not after `on`,
 * as long as the next step has not come yet (a run missed on the exact day still sends the current
 * step later; older steps are never sent in a burst). The ledger keeps it from going out twice.
 */
export function currentAlertStep(input: AlertInput, on: LocalDate): LocalDate | null {
  const step = alertSchedule(input, on).at(-1);
  if (!step || addDays(step, input.repeatEveryDays) <= on) return null;
  // An action since the step (a run missed that day) has answered it.
  if (input.lastActionOn && input.lastActionOn >= step && input.lastActionOn <= on) return null;
  return step;
}

/** The next alert after `on` if nobody acts (null when indefinite or already answered). */
export function nextAlertAfter(input: AlertInput, on: LocalDate): LocalDate | null {
  const afterOn = addDays(on, Math.max(input.repeatEveryDays, 1));
  const through = input.endDate && input.endDate > afterOn ? input.endDate : afterOn;
  const upcoming = alertSchedule(input, through).filter((d) => d > on);
  return upcoming[0] ?? null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Spanish e-mail of one alert step, sent on `sentOn`. */
export function expiryAlertMail(a: {
  title: string;
  effectiveEnd: LocalDate;
  sentOn: LocalDate;
  repeatEveryDays: number;
  areas: readonly string[];
  url: string;
}): { subject: string; text: string } {
  const left = daysBetween(a.sentOn, a.effectiveEnd);
  const when =
    left > 0
      ? `vence el ${formatLongDate(a.effectiveEnd)} (${left === 1 ? 'falta 1 día' : `faltan ${left} días`})`
      : left === 0
        ? `vence hoy, ${formatLongDate(a.effectiveEnd)}`
        : `venció el ${formatLongDate(a.effectiveEnd)} y sigue registrado como vigente`;
  return {
    subject: `${left < 0 ? 'Instrumento vencido' : 'Vencimiento próximo'}: ${a.title}`,
    text: [
      `El instrumento «${a.title}» ${when}.`,
      `Áreas responsables: ${a.areas.join('; ')}.`,
      '',
      `Este aviso se repite cada ${a.repeatEveryDays === 1 ? 'día' : `${a.repeatEveryDays} días`} hasta que se registre una acción en el instrumento: un cambio de estado, una renovación o ampliación de la vigencia, o una decisión de revisión.`,
      '',
      `Consulte el instrumento: ${a.url}`,
    ].join('\n'),
  };
}
