// One way to compare what people type with what is stored, on both sides (the browser's pickers,
// spreadsheet headers and coded values, title search): accents and case do not count, nor do
// repeated or surrounding spaces. The database's counterpart is vincula_fold (migration 0001).

/** Lower case, no accents, single spaces: "  Secretaría   EJECUTIVA " → "secretaria ejecutiva". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
