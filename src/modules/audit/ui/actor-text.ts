import type { TFunction } from 'i18next';
import type { AuditEntry } from '../contract';

/** Who did it: «A», or «A, por ausencia de B» when A acted for an absent B (ADR 0035). */
export function actorText(e: Pick<AuditEntry, 'actorLabel' | 'onBehalfOfLabel'>, t: TFunction): string {
  return e.onBehalfOfLabel
    ? t('audit.onBehalfOf', { actor: e.actorLabel, absent: e.onBehalfOfLabel })
    : e.actorLabel;
}
