import type { InstrumentStatus } from './contract';

// The life of an instrument: negotiated, sent to signature, in force, possibly renegotiated, and
// ended (concluded at term or terminated early). Concluded and terminated are final.

export const ALLOWED_TRANSITIONS: Record<InstrumentStatus, readonly InstrumentStatus[]> = {
  negotiation: ['signature', 'concluded'],
  signature: ['in_force', 'negotiation', 'concluded'],
  in_force: ['to_renegotiate', 'concluded', 'terminated_early'],
  to_renegotiate: ['in_force', 'negotiation', 'concluded', 'terminated_early'],
  concluded: [],
  terminated_early: [],
};

export function canTransition(from: InstrumentStatus, to: InstrumentStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Statuses an instrument may be registered with (a signed one needs its signing date). */
export const INITIAL_STATUSES: readonly InstrumentStatus[] = ['negotiation', 'signature', 'in_force'];

/** Instruments "in force" for reviews and alerts: vigente or por renegociar. */
export const IN_FORCE: readonly InstrumentStatus[] = ['in_force', 'to_renegotiate'];

/** Why a status cannot be entered, or null. `signedOn` is required from "in force" on. */
export function statusProblem(
  from: InstrumentStatus | null,
  to: InstrumentStatus,
  signedOn: string | null,
): string | null {
  if (from === null) {
    if (!INITIAL_STATUSES.includes(to)) return 'Un instrumento nuevo está en negociación, en firma o vigente';
  } else if (from === to) {
    return 'El instrumento ya tiene ese estado';
  } else if (!canTransition(from, to)) {
    return `No se puede pasar de «${from}» a «${to}»`;
  }
  if (to === 'in_force' && !signedOn) return 'Para que un instrumento esté vigente indique su fecha de firma';
  return null;
}
