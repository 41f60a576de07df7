/** A folio's registration number as SIVOPLE prints it: "270/2023" (sequence / year). */
export type FolioNumber = { number: number; year: number };

const PATTERN = /^\s*(\d{1,6})\s*\/\s*(\d{4})\s*$/;

export function formatFolioNumber(f: FolioNumber): string {
  return `${f.number}/${f.year}`;
}

/** Parses "270/2023"; null when the text is not a folio number. */
export function parseFolioNumber(text: string): FolioNumber | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const number = Number(m[1]);
  const year = Number(m[2]);
  if (number < 1 || year < 1990 || year > 2100) return null;
  return { number, year };
}

/** The numbering series of a module and year (a scope of platform/sequences). */
export function folioSeries(module: 'follow_up' | 'consultation', year: number): string {
  return `channel:${module}:${year}`;
}
