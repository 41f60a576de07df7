import { joinWithY } from '../../shared/spanish-dates';
import type { StructureReferences } from './repository';

// Wording of what keeps a line or an objective from being removed (pure; unit-tested).

const n = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);

/** "3 actividades, 1 meta y la serie «Boletín Electoral»", or null when nothing refers to it. */
export function describeReferences(refs: StructureReferences): string | null {
  const parts: string[] = [];
  if (refs.objectives.length)
    parts.push(
      refs.objectives.length === 1
        ? `el objetivo ${refs.objectives[0]}`
        : `los objetivos ${joinWithY(refs.objectives)}`,
    );
  if (refs.activities) parts.push(n(refs.activities, 'actividad', 'actividades'));
  if (refs.targets) parts.push(n(refs.targets, 'meta', 'metas'));
  if (refs.reasons)
    parts.push(n(refs.reasons, 'motivo de falta de actividad', 'motivos de falta de actividad'));
  if (refs.planReviews)
    parts.push(n(refs.planReviews, 'revisión del plan (SSPELO)', 'revisiones del plan (SSPELO)'));
  if (refs.series.length)
    parts.push(
      refs.series.length === 1
        ? `la serie de publicaciones «${refs.series[0]}»`
        : `las series de publicaciones ${joinWithY(refs.series.map((s) => `«${s}»`))}`,
    );
  if (refs.campaigns) parts.push(n(refs.campaigns, 'campaña de difusión', 'campañas de difusión'));
  return parts.length ? joinWithY(parts) : null;
}
