import type { LocalDate } from '../../shared/dates';

// Validity of an instrument: dated (start, optional end), indefinite, or tied to its parent.

export type ValidityNode = {
  validityKind: 'dated' | 'indefinite' | 'parent';
  validFrom: LocalDate | null;
  validUntil: LocalDate | null;
};

/** Field problems of a validity, or an empty list. */
export function validityProblems(v: ValidityNode, hasParent: boolean): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) {
    problems.push({ path: 'validUntil', message: 'La vigencia no puede terminar antes de comenzar' });
  }
  if (v.validityKind !== 'dated' && v.validUntil) {
    problems.push({
      path: 'validUntil',
      message: 'Una vigencia indefinida o ligada al instrumento principal no lleva fecha de término',
    });
  }
  if (v.validityKind === 'parent' && !hasParent) {
    problems.push({
      path: 'validityKind',
      message: 'Solo un instrumento derivado puede tener la vigencia del instrumento principal',
    });
  }
  return problems;
}

/**
 * The current end of validity of the first node of `chain` (the instrument, then its parent, up to
 * the root): its own end when dated, none when indefinite (or dated without end), the parent's when
 * tied to it.
 */
export function effectiveEnd(chain: readonly ValidityNode[]): LocalDate | null {
  for (const node of chain) {
    if (node.validityKind === 'parent') continue;
    return node.validityKind === 'dated' ? node.validUntil : null;
  }
  return null;
}
