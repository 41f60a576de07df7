/**
 * Numbers and ordinals in words, as the institution writes them ("se realizaron siete reuniones",
 * "tercera sesión ordinaria"). Grammatical gender follows the noun they qualify.
 */
export type Gender = 'f' | 'm';

const UNITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const TEENS = [
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
];
const TWENTIES = [
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

/** "uno" before a noun is "un" (masculine) or "una" (feminine): veintiún folios, veintiuna sesiones. */
function apocopate(words: string, gender: Gender): string {
  if (gender === 'f') {
    return words
      .replace(/veintiuno$/, 'veintiuna')
      .replace(/(^|\s)uno$/, '$1una')
      .replace(/cientos/g, 'cientas')
      .replace(/quinientos/g, 'quinientas');
  }
  return words.replace(/veintiuno$/, 'veintiún').replace(/(^|\s)uno$/, '$1un');
}

function below1000(n: number): string {
  if (n < 10) return UNITS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  if (n < 30) return TWENTIES[n - 20]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ` y ${UNITS[n % 10]}` : '');
  if (n === 100) return 'cien';
  return HUNDREDS[Math.floor(n / 100)]! + (n % 100 ? ` ${below1000(n % 100)}` : '');
}

/** A cardinal in words, agreeing with a noun of `gender` that follows it (0 ≤ n < 1,000,000). */
export function numberInWords(n: number, gender: Gender = 'm'): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError(`unsupported number ${n}`);
  if (n < 1000) return apocopate(below1000(n), gender);
  const thousands = Math.floor(n / 1000);
  const head = thousands === 1 ? 'mil' : `${apocopate(below1000(thousands), gender)} mil`;
  return n % 1000 ? `${head} ${apocopate(below1000(n % 1000), gender)}` : head;
}

/** "siete reuniones", "una sesión", "ningún folio" is not used: zero reads "cero". */
export function countInWords(n: number, singular: string, plural: string, gender: Gender): string {
  return `${numberInWords(n, gender)} ${n === 1 ? singular : plural}`;
}

const ORDINAL_UNITS = [
  '',
  'primer',
  'segund',
  'tercer',
  'cuart',
  'quint',
  'sext',
  'séptim',
  'octav',
  'noven',
];
const ORDINAL_TENS = ['', 'décim', 'vigésim', 'trigésim', 'cuadragésim', 'quincuagésim'];

/** An ordinal adjective in words: 1 → "primera"/"primer", 13 → "decimotercera", 21 → "vigésima primera". */
export function ordinalInWords(n: number, gender: Gender, beforeNoun = true): string {
  if (!Number.isInteger(n) || n < 1 || n > 59) throw new RangeError(`unsupported ordinal ${n}`);
  const ending = gender === 'f' ? 'a' : 'o';
  const unit = (u: number) => {
    // "primer", "tercer" before a masculine noun; "primero", "tercero" otherwise.
    if (gender === 'm' && beforeNoun && (u === 1 || u === 3)) return ORDINAL_UNITS[u]!;
    return ORDINAL_UNITS[u]! + ending;
  };
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return unit(units);
  if (tens === 1 && units > 0) {
    // 11 → undécima/undécimo, 12 → duodécima/duodécimo; 13–19 written as one word.
    if (units === 1) return `undécim${ending}`;
    if (units === 2) return `duodécim${ending}`;
    return `decimo${unit(units)}`;
  }
  const ten = ORDINAL_TENS[tens]! + ending;
  return units ? `${ten} ${unit(units)}` : ten;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A count as the institution's reports write it: in words below ten ("siete reuniones", "una
 * sesión"), in figures from ten on ("12 boletines", "272 folios").
 */
export function countText(n: number, singular: string, plural: string, gender: Gender): string {
  const noun = n === 1 ? singular : plural;
  return n < 10 ? `${numberInWords(n, gender)} ${noun}` : `${n} ${noun}`;
}

const HONORIFICS: Record<string, string> = {
  'Mtro.': 'maestro',
  'Mtra.': 'maestra',
  'Dr.': 'doctor',
  'Dra.': 'doctora',
  'Lic.': 'licenciado',
  'Lcda.': 'licenciada',
  'Ing.': 'ingeniero',
};

/** A person named in running text with the honorific spelled out: "maestro Álvaro Mario Castañón Cuevas". */
export function personInText(p: { name: string; honorific: string | null }): string {
  const h = p.honorific ? (HONORIFICS[p.honorific] ?? p.honorific) : null;
  return h ? `${h} ${p.name}` : p.name;
}

/** The same after "de": "del maestro Álvaro…", "de la doctora Ana…", "de Ana…". */
export function ofPerson(p: { name: string; honorific: string | null; gender: string }): string {
  if (!p.honorific) return `de ${p.name}`;
  return `${p.gender === 'female' ? 'de la' : 'del'} ${personInText(p)}`;
}

/** An area or office with its article: "la Secretaría Ejecutiva", "el Órgano Interno de Control". */
export function withArticle(name: string): string {
  const first = (name.split(/\s+/)[0] ?? '').toLowerCase();
  const feminine = /(a|ía|ión|dad|tad)$/.test(first);
  return `${feminine ? 'la' : 'el'} ${name}`;
}

/** "de" before a name with its article, contracted: "de la Comisión…", "del Comité…". */
export function ofName(name: string): string {
  const a = withArticle(name);
  return a.startsWith('el ') ? `del ${name}` : `de ${a}`;
}

/** "a" before a name with its article, contracted: "a la Comisión", "al Comité". */
export function toName(name: string): string {
  const a = withArticle(name);
  return a.startsWith('el ') ? `al ${name}` : `a ${a}`;
}

/** "La Comisión", "El Comité", "El Consejo": how a sentence starting with a collegiate body names it. */
export function bodyNoun(name: string): string {
  const first = name.split(/\s+/)[0] ?? name;
  const feminine = /ión$|ía$|a$/i.test(first);
  return `${feminine ? 'La' : 'El'} ${first}`;
}

/** The same inside a sentence: "la Comisión". */
export const bodyNounInText = (name: string) => bodyNoun(name).replace(/^(La|El) /, (m) => m.toLowerCase());
