import type { Position } from '../contract';

/** Where a position is held: its area or its institution. */
export function positionPlace(p: Pick<Position, 'areaName' | 'institutionName'>): string {
  return p.areaName ?? p.institutionName ?? '—';
}
