import { capitalize, numberInWords } from '../../shared/spanish-words';

// Derived titles of nested instruments: each instrument stores only its own designation; the full
// title joins the chain up to the root ("Adenda Número Dos al Anexo Financiero del Anexo Técnico
// Número Uno al Convenio General de Coordinación y Colaboración entre el IECM y el INE").

export type TitlePart = {
  typeName: string;
  /** Grammatical gender of the type: "al Anexo", "a la Adenda". */
  gender: 'm' | 'f';
  ordinal: number | null;
  /** Overrides the type name and ordinal ("Primer Convenio Modificador"). */
  designation: string | null;
  /** What follows the designation, usually the parties of a root ("entre el IECM y …"). */
  subject: string | null;
  /** How this instrument links to its parent: "a" (al / a la) or "de" (del / de la). */
  linkPreposition: 'a' | 'de';
};

/** A number standing alone, as a name: "Uno", "Veintiuno" (not the apocopated "un"). */
function numberAsName(n: number): string {
  return capitalize(
    numberInWords(n, 'm')
      .replace(/veintiún$/, 'veintiuno')
      .replace(/(^|\s)un$/, '$1uno'),
  );
}

/** "Anexo Técnico Número Uno", or the stored designation; then the subject, if any. */
export function ownTitle(p: TitlePart): string {
  const designation =
    p.designation?.trim() || (p.ordinal ? `${p.typeName} Número ${numberAsName(p.ordinal)}` : p.typeName);
  return p.subject?.trim() ? `${designation} ${p.subject.trim()}` : designation;
}

/** "al", "del", "a la", "de la" before a parent whose type has `gender`. */
export function linkWord(preposition: 'a' | 'de', gender: 'm' | 'f'): string {
  if (gender === 'f') return `${preposition} la`;
  return preposition === 'a' ? 'al' : 'del';
}

/**
 * The full title of the first element of `chain` (the instrument itself, then its parent, up to the
 * root). Each link uses the child's preposition and the parent's gender.
 */
export function chainTitle(chain: readonly TitlePart[]): string {
  if (!chain.length) throw new RangeError('empty chain');
  let title = ownTitle(chain[chain.length - 1]!);
  for (let i = chain.length - 2; i >= 0; i--) {
    const child = chain[i]!;
    const parent = chain[i + 1]!;
    title = `${ownTitle(child)} ${linkWord(child.linkPreposition, parent.gender)} ${title}`;
  }
  return title;
}
