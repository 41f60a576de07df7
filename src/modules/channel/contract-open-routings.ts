import type { FolioStatus } from './contract-folio-status';

/**
 * What happens to the routing slips still open in an area when liaison staff answer the folio
 * themselves: they answered for the area (the slips are withdrawn, with that reason), or the area
 * keeps working and a later answer follows (the slips stay in the area's queue). Either way the
 * choice is written in the folio's history and the audit trail. Browser-safe: the answer form asks
 * the same question the server requires.
 */
export const OPEN_ROUTING_CHOICES = ['answered_for_area', 'area_continues'] as const;
export type OpenRoutingsChoice = (typeof OPEN_ROUTING_CHOICES)[number];

/** The folio history's events that record the choice (seen only by the organization that routed). */
export const OPEN_ROUTING_EVENTS = {
  withdrawn: 'routings_withdrawn',
  kept: 'routings_kept',
} as const;

export const ANSWERED_FOR_AREA = 'La unidad de vinculación respondió por el área.';

export type OpenRoutingsOutcome =
  | { ok: true; outcome: 'none' }
  | { ok: true; outcome: 'withdraw'; reason: string }
  | { ok: true; outcome: 'keep' }
  | { ok: false; path: 'openRoutings'; message: string };

const closes = (status: FolioStatus) => status === 'concluded' || status === 'cancelled';

/** Whether the event that leaves the folio in `toStatus` must ask what happens to open slips. */
export function asksAboutOpenRoutings(openCount: number, toStatus: FolioStatus): boolean {
  return openCount > 0 && !closes(toStatus);
}

/**
 * What to do with the organization's open slips of a folio when an event leaves it in `toStatus`.
 * A folio that closes (concluded, cancelled) takes its slips with it: the areas cannot go on
 * working on it. A folio that stays open needs the choice.
 */
export function openRoutingsOutcome(input: {
  openCount: number;
  toStatus: FolioStatus;
  choice: OpenRoutingsChoice | undefined;
}): OpenRoutingsOutcome {
  if (input.openCount === 0) return { ok: true, outcome: 'none' };
  if (closes(input.toStatus)) {
    if (input.choice === 'area_continues') {
      return {
        ok: false,
        path: 'openRoutings',
        message: `El folio queda ${input.toStatus === 'concluded' ? 'concluido' : 'cancelado'}: los turnos abiertos se retiran de las áreas.`,
      };
    }
    return {
      ok: true,
      outcome: 'withdraw',
      reason:
        input.toStatus === 'concluded'
          ? 'El folio fue atendido por la unidad de vinculación.'
          : 'El folio fue cancelado.',
    };
  }
  switch (input.choice) {
    case 'answered_for_area':
      return { ok: true, outcome: 'withdraw', reason: ANSWERED_FOR_AREA };
    case 'area_continues':
      return { ok: true, outcome: 'keep' };
    case undefined:
      return {
        ok: false,
        path: 'openRoutings',
        message:
          input.openCount === 1
            ? 'Hay un turno abierto: indique si la unidad respondió por el área o si el área sigue trabajando.'
            : `Hay ${input.openCount} turnos abiertos: indique si la unidad respondió por las áreas o si siguen trabajando.`,
      };
  }
}
