/**
 * The life of a folio between a local body (OPLE) and the national authority (INE), as SIVOPLE
 * has it. Statuses: pendiente de atender por el OPLE, en proceso del INE, cancelado, concluido.
 * Who may do what is part of the rule: the local body answers and acknowledges, the national
 * authority accepts, returns or answers consultations, the originator cancels.
 */
export const FOLIO_STATUSES = ['pending_local', 'in_process_national', 'cancelled', 'concluded'] as const;
export type FolioStatus = (typeof FOLIO_STATUSES)[number];

export const CHANNEL_MODULES = ['follow_up', 'consultation'] as const;
/** follow_up = Seguimiento de actividades (from the INE); consultation = Consulta y Documentos (from the OPLE). */
export type ChannelModule = (typeof CHANNEL_MODULES)[number];

export const FOLIO_NATURES = ['for_information', 'for_attention'] as const;
/** de conocimiento / para su atención. */
export type FolioNature = (typeof FOLIO_NATURES)[number];

export type FolioEvent =
  /** The local body sends its answer (follow-up) or the information requested (consultation). */
  | 'local_answers'
  /** The local body acknowledges a folio sent for information only. */
  | 'local_acknowledges'
  /** The national authority accepts the answer, or answers the consultation: the folio is done. */
  | 'national_concludes'
  /** The national authority asks the local body for more. */
  | 'national_returns'
  /** The originator withdraws the communication. */
  | 'originator_cancels';

export type Side = 'local' | 'national';

const ACTOR_OF: Record<FolioEvent, Side | 'originator'> = {
  local_answers: 'local',
  local_acknowledges: 'local',
  national_concludes: 'national',
  national_returns: 'national',
  originator_cancels: 'originator',
};

/** The status a folio starts in. */
export function initialStatus(module: ChannelModule): FolioStatus {
  return module === 'follow_up' ? 'pending_local' : 'in_process_national';
}

export function originatorOf(module: ChannelModule): Side {
  return module === 'follow_up' ? 'national' : 'local';
}

export type TransitionResult = { ok: true; to: FolioStatus } | { ok: false; reason: string };

/**
 * The status after `event`, or why the event is not allowed from `from`. Concluded and cancelled
 * folios are final.
 */
export function transition(
  folio: { module: ChannelModule; nature: FolioNature; status: FolioStatus },
  event: FolioEvent,
  by: Side,
): TransitionResult {
  const { module, nature, status } = folio;
  const actor = ACTOR_OF[event];
  const expected = actor === 'originator' ? originatorOf(module) : actor;
  if (by !== expected) {
    return {
      ok: false,
      reason:
        by === 'local'
          ? 'Esta acción corresponde a la autoridad nacional.'
          : 'Esta acción corresponde al organismo local.',
    };
  }
  if (status === 'concluded' || status === 'cancelled') {
    return {
      ok: false,
      reason: `El folio está ${status === 'concluded' ? 'concluido' : 'cancelado'}; ya no admite cambios.`,
    };
  }
  switch (event) {
    case 'local_answers':
      return status === 'pending_local'
        ? { ok: true, to: 'in_process_national' }
        : { ok: false, reason: 'El folio no está pendiente de atender por el organismo local.' };
    case 'local_acknowledges':
      if (module !== 'follow_up' || nature !== 'for_information') {
        return { ok: false, reason: 'Solo un folio de conocimiento se concluye con el acuse.' };
      }
      return status === 'pending_local'
        ? { ok: true, to: 'concluded' }
        : { ok: false, reason: 'El folio ya fue atendido.' };
    case 'national_concludes':
    case 'national_returns':
      return status === 'in_process_national'
        ? { ok: true, to: event === 'national_concludes' ? 'concluded' : 'pending_local' }
        : { ok: false, reason: 'El folio no está en proceso de la autoridad nacional.' };
    case 'originator_cancels':
      return { ok: true, to: 'cancelled' };
  }
}

export const FOLIO_EVENTS: readonly FolioEvent[] = [
  'local_answers',
  'local_acknowledges',
  'national_concludes',
  'national_returns',
  'originator_cancels',
];

/**
 * The side on whose behalf an organization acts for `event` on a folio. A local body whose national
 * counterpart is outside the installation (no national organization) records that side's events too.
 */
export function actingSide(
  folio: { localOrgId: string; nationalOrgId: string | null; module: ChannelModule },
  orgId: string,
  event: FolioEvent,
): Side {
  const mine: Side = folio.localOrgId === orgId ? 'local' : 'national';
  const wanted = ACTOR_OF[event];
  const side = wanted === 'originator' ? originatorOf(folio.module) : wanted;
  return mine === 'local' && folio.nationalOrgId === null ? side : mine;
}

/** The events an organization may apply to a folio now: what the server accepts, for the UI. */
export function allowedEvents(
  folio: {
    localOrgId: string;
    nationalOrgId: string | null;
    module: ChannelModule;
    nature: FolioNature;
    status: FolioStatus;
  },
  orgId: string,
): FolioEvent[] {
  return FOLIO_EVENTS.filter((event) => transition(folio, event, actingSide(folio, orgId, event)).ok);
}
