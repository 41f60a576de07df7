// Opinions of pertinence are numbered `<prefix>/NN/YYYY` (e.g. IECM/SE/DVOE/OP/01/2024): a
// sequence per organization and year, at least two digits.

export function formatOpinionNumber(prefix: string, sequence: number, year: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${prefix}/${String(sequence).padStart(2, '0')}/${year}`;
}

/** The counter scope of a year's opinions (platform/sequences/next-number.ts). */
export const opinionScope = (year: number) => `opinion:${year}`;

/** The default prefix when an organization has not set one: `<ACRONYM>/SE/DVOE/OP`. */
export const defaultOpinionPrefix = (acronym: string) => `${acronym}/SE/DVOE/OP`;
