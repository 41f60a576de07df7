import { describe, expect, it } from 'vitest';
import { countInWords, numberInWords, ordinalInWords } from './spanish-words';

describe('numberInWords', () => {
  it.each([
    [0, 'm', 'cero'],
    [1, 'f', 'una'],
    [1, 'm', 'un'],
    [7, 'f', 'siete'],
    [14, 'f', 'catorce'],
    [16, 'm', 'dieciséis'],
    [21, 'm', 'veintiún'],
    [21, 'f', 'veintiuna'],
    [35, 'm', 'treinta y cinco'],
    [100, 'm', 'cien'],
    [101, 'f', 'ciento una'],
    [171, 'm', 'ciento setenta y un'],
    [272, 'm', 'doscientos setenta y dos'],
    [292, 'f', 'doscientas noventa y dos'],
    [1000, 'm', 'mil'],
    [2024, 'm', 'dos mil veinticuatro'],
  ] as const)('%i (%s) → %s', (n, g, words) => {
    expect(numberInWords(n, g)).toBe(words);
  });
  it('refuses what it cannot say', () => {
    expect(() => numberInWords(-1)).toThrow();
    expect(() => numberInWords(1.5)).toThrow();
  });
});

describe('countInWords', () => {
  it('agrees in number and gender', () => {
    expect(countInWords(7, 'reunión', 'reuniones', 'f')).toBe('siete reuniones');
    expect(countInWords(1, 'folio', 'folios', 'm')).toBe('un folio');
    expect(countInWords(3, 'folio', 'folios', 'm')).toBe('tres folios');
  });
});

describe('ordinalInWords', () => {
  it.each([
    [1, 'f', 'primera'],
    [2, 'f', 'segunda'],
    [3, 'f', 'tercera'],
    [4, 'f', 'cuarta'],
    [10, 'f', 'décima'],
    [11, 'f', 'undécima'],
    [12, 'f', 'duodécima'],
    [13, 'f', 'decimotercera'],
    [20, 'f', 'vigésima'],
    [21, 'f', 'vigésima primera'],
    [1, 'm', 'primer'],
    [3, 'm', 'tercer'],
    [5, 'm', 'quinto'],
  ] as const)('%i (%s) → %s', (n, g, words) => {
    expect(ordinalInWords(n, g)).toBe(words);
  });
  it('uses the full form when no noun follows', () => {
    expect(ordinalInWords(1, 'm', false)).toBe('primero');
    expect(ordinalInWords(23, 'm', false)).toBe('vigésimo tercero');
  });
});
