// What every module's spreadsheets (CSV and XLSX) share: columns with Spanish names, the input
// field each one feeds, and the Spanish labels of coded values. Export and import read the same
// column tables; each module declares its own (directory-columns.ts, folio-import-rules.ts, …).

import { fold } from '../../../shared/fold';

/** Spanish labels of a coded value; the first label is the one shown to people. */
export type EnumLabels<C extends string = string> = Readonly<Record<C, readonly string[]>>;

/** A header as typed by people ("Sitio web", "PAÍS", "area-superior") in its canonical form. */
export function headerKey(text: string): string {
  return fold(text).replace(/[\s-]+/g, '_');
}

/**
 * The code of a coded value written as its code ("university") or any of its Spanish labels
 * ("Universidad", "UNIVERSIDAD", "institucion academica"); undefined when nothing matches.
 */
export function codeOf<C extends string>(labels: EnumLabels<C>, text: string): C | undefined {
  const key = (t: string) => fold(t).replace(/[_\s]+/g, ' ');
  const wanted = key(text);
  if (!wanted) return undefined;
  return (Object.keys(labels) as C[]).find(
    (code) => key(code) === wanted || labels[code].some((l) => key(l) === wanted),
  );
}

/** How a column's text becomes input. */
export type ColumnType =
  | 'text' // free text; empty → null
  | 'enum' // a coded value, by code or Spanish label
  | 'list' // several values separated by "|"
  | 'country' // ISO 3166-1 alpha-2; empty → the schema's default
  | 'reference' // a reference by name to another record (resolved by the importer)
  | 'exportOnly'; // shown in exports, ignored on import

export type Column = {
  header: string;
  field: string;
  type: ColumnType;
  /** The column must be present and the cell filled. */
  required?: boolean;
  labels?: EnumLabels;
  /** Width in characters in XLSX exports. */
  width: number;
};

export const LIST_SEPARATOR = '|';
