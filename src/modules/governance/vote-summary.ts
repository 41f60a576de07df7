import type { Agreement } from './contract';
import { OPINION_LABELS, VOTE_LABELS } from './labels';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How the minutes and any public listing state an agreement's vote: unanimity, or the majority's
 * count with each member's vote by name, and the votos particulares and concurrentes filed.
 */
export function voteSummary(a: Pick<Agreement, 'voteKind' | 'votes' | 'opinions'>): string {
  const parts: string[] = [];
  if (a.voteKind === 'unanimous') parts.push('por unanimidad');
  else {
    const count = (v: keyof typeof VOTE_LABELS) => a.votes.filter((x) => x.vote === v).length;
    const favor = count('favor');
    const contra = count('contra');
    const abstention = count('abstencion');
    const outcome =
      contra === 0 && abstention === 0 && favor > 0 ? 'por unanimidad de votos presentes' : 'por mayoría';
    const counts = [
      plural(favor, 'voto a favor', 'votos a favor'),
      plural(contra, 'en contra', 'en contra'),
      plural(abstention, 'abstención', 'abstenciones'),
    ].join(', ');
    const byName = (['favor', 'contra', 'abstencion', 'ausente'] as const)
      .map((v) => [v, a.votes.filter((x) => x.vote === v).map((x) => x.personName)] as const)
      .filter(([, names]) => names.length)
      .map(([v, names]) => `${VOTE_LABELS[v]}: ${names.join(', ')}`)
      .join('; ');
    parts.push(`${outcome}, ${counts}${byName ? ` (${byName})` : ''}`);
  }
  for (const o of a.opinions) parts.push(`con ${OPINION_LABELS[o.kind]} de ${o.personName}`);
  return parts.join('; ');
}
