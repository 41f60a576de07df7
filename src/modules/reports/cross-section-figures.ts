import { joinWithY } from '../../shared/spanish-dates';
import type { CheckResult, Figure } from './contract';

/** How the check names a section: "la Presentación", "el apartado IV". */
function sectionName(section: string | undefined): string {
  if (!section) return 'el informe';
  return section === 'I' ? 'la Presentación' : `el apartado ${section}`;
}

/**
 * One figure, one value: a count stated in more than one section (the Presentación's summary and
 * the section that details it, section V's follow-up and section IV's list) must say the same in
 * each. Every figure whose sections disagree is a problem, which refuses approval.
 */
export function crossSectionProblems(figures: readonly Figure[]): CheckResult['problems'] {
  const byKey = new Map<string, Figure[]>();
  for (const f of figures) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  const problems: CheckResult['problems'] = [];
  for (const stated of byKey.values()) {
    if (new Set(stated.map((f) => f.value)).size < 2) continue;
    problems.push({
      kind: 'figure',
      where: stated[0]!.label,
      message: `La cifra no coincide entre apartados: ${joinWithY(stated.map((f) => `${f.value} en ${sectionName(f.section)}`))}.`,
    });
  }
  return problems;
}

/**
 * The figures to compare with a stored version: those of a version written before figures carried
 * their section are compared by key alone (one per key, the first stated).
 */
export function comparableFigures(figures: readonly Figure[], bySection: boolean): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const f of figures) {
    const id = bySection ? `${f.section ?? ''}\u0000${f.key}` : f.key;
    if (!out.has(id)) out.set(id, f);
  }
  return out;
}
