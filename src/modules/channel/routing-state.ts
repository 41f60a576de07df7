import type { LocalDate } from '../../shared/dates';
import { subtractBusinessDays, type WorkCalendar } from '../platform/calendar/business-days';
import type { RoutingRole, RoutingState } from './routing-contract';

/**
 * Routing (turno) inside an organization: liaison staff send a folio to areas, one responsible and
 * others for information; each slip is answered or returned by its area, or withdrawn by liaison
 * staff (reassignment, or the folio was attended meanwhile). Answered, returned and withdrawn slips
 * are closed: a new slip is made to send the folio again. The roles and states are declared in
 * routing-contract.ts (the browser shows them).
 */

export type RoutingEvent =
  /** The area sends its answer to liaison staff. */
  | 'area_answers'
  /** The area returns the slip: not its matter, missing information… (reason required). */
  | 'area_returns'
  /** Liaison staff withdraw the slip (to reassign it, or because the folio was attended). */
  | 'liaison_withdraws'
  /** The Secretaría Ejecutiva instructs a proposed slip: it reaches its area (ADR 0038). */
  | 'secretariat_instructs'
  /** The Secretaría Ejecutiva sends a proposed slip back to liaison staff (reason required). */
  | 'secretariat_declines';

export type RoutingResult = { ok: true; to: RoutingState } | { ok: false; reason: string };

const CLOSED: Record<Exclude<RoutingState, 'assigned' | 'proposed'>, string> = {
  answered: 'El turno ya fue respondido.',
  returned: 'El turno ya fue devuelto.',
  withdrawn: 'El turno fue retirado del área.',
};

/** The slip's state after `event`, or why the event is not allowed. */
export function routingTransition(
  state: RoutingState,
  event: RoutingEvent,
  input: { text?: string | null; reason?: string | null } = {},
): RoutingResult {
  if (state === 'proposed') {
    switch (event) {
      case 'secretariat_instructs':
        return { ok: true, to: 'assigned' };
      case 'secretariat_declines':
        return input.reason?.trim()
          ? { ok: true, to: 'withdrawn' }
          : { ok: false, reason: 'Indique por qué se devuelve la propuesta de turno.' };
      case 'liaison_withdraws':
        return { ok: true, to: 'withdrawn' };
      default:
        return { ok: false, reason: 'El turno aún espera la instrucción de la Secretaría Ejecutiva.' };
    }
  }
  if (state !== 'assigned') return { ok: false, reason: CLOSED[state] };
  switch (event) {
    case 'area_answers':
      return input.text?.trim()
        ? { ok: true, to: 'answered' }
        : { ok: false, reason: 'Escriba la respuesta del área.' };
    case 'area_returns':
      return input.reason?.trim()
        ? { ok: true, to: 'returned' }
        : { ok: false, reason: 'Indique el motivo de la devolución.' };
    case 'liaison_withdraws':
      return { ok: true, to: 'withdrawn' };
    case 'secretariat_instructs':
    case 'secretariat_declines':
      return { ok: false, reason: 'El turno ya fue instruido.' };
  }
}

/** A slip that still holds its area's attention or awaits the SE: neither answered nor closed. */
export function isOpenRouting(state: RoutingState): boolean {
  return state === 'assigned' || state === 'proposed';
}

export type RoutingPlanProblem = { path: string; message: string };

/**
 * Checks a new routing of a folio: at least one area, no area twice, no area that already holds an
 * open slip of the folio, at most one open responsible area, the folio still open, an internal
 * due date between the routing day and the folio's own due date.
 */
export function routingPlanProblems(plan: {
  folioStatus: string;
  responsibleAreaId: string | null;
  informedAreaIds: readonly string[];
  openSlips: readonly { areaId: string; role: RoutingRole }[];
  routedOn: LocalDate;
  internalDueOn: LocalDate | null;
  folioDueOn: LocalDate | null;
}): RoutingPlanProblem[] {
  const problems: RoutingPlanProblem[] = [];
  if (plan.folioStatus === 'concluded' || plan.folioStatus === 'cancelled') {
    problems.push({ path: 'folio', message: 'El folio está cerrado; ya no se turna.' });
  }
  const all = [...(plan.responsibleAreaId ? [plan.responsibleAreaId] : []), ...plan.informedAreaIds];
  if (!all.length) {
    problems.push({ path: 'responsibleAreaId', message: 'Seleccione al menos un área.' });
  }
  plan.informedAreaIds.forEach((id, i) => {
    if (all.indexOf(id) !== (plan.responsibleAreaId ? i + 1 : i)) {
      problems.push({ path: `informedAreaIds.${i}`, message: 'El área ya está seleccionada.' });
    }
  });
  all.forEach((id) => {
    if (plan.openSlips.some((s) => s.areaId === id)) {
      const path =
        id === plan.responsibleAreaId
          ? 'responsibleAreaId'
          : `informedAreaIds.${plan.informedAreaIds.indexOf(id)}`;
      problems.push({ path, message: 'El área ya tiene este folio en turno.' });
    }
  });
  if (plan.responsibleAreaId && plan.openSlips.some((s) => s.role === 'responsible')) {
    problems.push({
      path: 'responsibleAreaId',
      message: 'El folio ya tiene un área responsable; reasigne ese turno para cambiarla.',
    });
  }
  if (plan.internalDueOn !== null) {
    if (plan.internalDueOn < plan.routedOn) {
      problems.push({ path: 'internalDueOn', message: 'El plazo interno es anterior al turno.' });
    } else if (plan.folioDueOn !== null && plan.internalDueOn > plan.folioDueOn) {
      problems.push({
        path: 'internalDueOn',
        message: 'El plazo interno es posterior al vencimiento del folio.',
      });
    }
  }
  return problems;
}

/** The business day `n` business days before `day` (the day a reminder "n days before" goes). */
export function businessDaysBefore(cal: WorkCalendar, day: LocalDate, n: number): LocalDate {
  return subtractBusinessDays(cal, day, n);
}

export type ReminderKind = 'before' | 'due';

/**
 * Which reminder an open slip due on `dueOn` gets on `today`: "before" from `daysBefore` business
 * days ahead until the eve (so a day the job did not run is made up), "due" on the due date itself.
 * The ledger keeps each (slip, kind, due date) to one message.
 */
export function reminderDue(
  cal: WorkCalendar,
  dueOn: LocalDate,
  today: LocalDate,
  daysBefore: number,
): ReminderKind | null {
  if (today === dueOn) return 'due';
  if (daysBefore > 0 && today < dueOn && today >= businessDaysBefore(cal, dueOn, daysBefore)) return 'before';
  return null;
}

/** Overdue / due soon for an open slip or folio; closed ones carry no badge. */
export function dueFlags(
  open: boolean,
  dueOn: LocalDate | null,
  today: LocalDate,
  soonLimit: LocalDate,
): { overdue: boolean; dueSoon: boolean } {
  if (!open || dueOn === null) return { overdue: false, dueSoon: false };
  return { overdue: dueOn < today, dueSoon: dueOn >= today && dueOn <= soonLimit };
}
