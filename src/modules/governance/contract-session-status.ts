import type { SessionStatus } from './contract';

// What each session status allows: shared by the use cases (which refuse) and the session page
// (which offers only what the server would accept). Unit-tested in rules.test.ts.

/** A session's status from its records: cancelled and approved minutes come first, then records. */
export function sessionStatus(s: {
  cancelled: boolean;
  minutesApproved: boolean;
  hasAttendance: boolean;
  hasAgreements: boolean;
}): SessionStatus {
  if (s.cancelled) return 'cancelled';
  if (s.minutesApproved) return 'minutes_approved';
  if (s.hasAttendance || s.hasAgreements) return 'held';
  return 'scheduled';
}

/**
 * Why the agenda's items cannot be edited, reordered or removed. Once the session is held the
 * orden del día is what was discussed: agreements and the minutes cite its items by number.
 */
export function agendaChangeProblem(status: SessionStatus): string | undefined {
  switch (status) {
    case 'scheduled':
      return undefined;
    case 'held':
      return 'La sesión ya se celebró (tiene asistencia o acuerdos registrados): su orden del día ya no puede modificarse, reordenarse ni perder puntos.';
    case 'minutes_approved':
      return 'La minuta de la sesión ya fue aprobada: su orden del día no puede modificarse.';
    case 'cancelled':
      return 'La sesión fue cancelada: su orden del día ya no puede modificarse.';
  }
}

/**
 * Why items or documents cannot be added to the agenda. A held session still takes items at the
 * end (a session recorded after the fact gets its agenda after its attendance), which moves none.
 */
export function agendaAdditionProblem(status: SessionStatus): string | undefined {
  return status === 'held' ? undefined : agendaChangeProblem(status);
}

/** Why attendance or agreements cannot be recorded for the session. */
export function recordingProblem(status: SessionStatus): string | undefined {
  if (status === 'cancelled') {
    return 'La sesión fue cancelada: no se celebró, así que no admite asistencia ni acuerdos.';
  }
  return undefined;
}

/** Why a session cannot be cancelled: only a session not yet held can be. */
export function cancellationProblem(status: SessionStatus): string | undefined {
  switch (status) {
    case 'scheduled':
      return undefined;
    case 'held':
      return 'La sesión ya se celebró (tiene asistencia o acuerdos registrados): no puede cancelarse.';
    case 'minutes_approved':
      return 'La minuta de la sesión ya fue aprobada: no puede cancelarse.';
    case 'cancelled':
      return 'La sesión ya estaba cancelada.';
  }
}
