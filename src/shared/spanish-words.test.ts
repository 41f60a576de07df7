import { describe, expect, it } from 'vitest';
import {
  bodyNoun,
  bodyNounInText,
  countInWords,
  countText,
  numberInWords,
  ofName,
  ofPerson,
  ordinalInWords,
  personInText,
  toName,
  withArticle,
} from './spanish-words';

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

describe('countText (words below ten, figures from ten)', () => {
  it.each([
    [1, 'una sesión'],
    [3, 'tres sesiones'],
    [9, 'nueve sesiones'],
    [10, '10 sesiones'],
    [272, '272 sesiones'],
  ] as const)('%i → %s', (n, text) => {
    expect(countText(n, 'sesión', 'sesiones', 'f')).toBe(text);
  });
  it('agrees a masculine noun', () => {
    expect(countText(1, 'folio', 'folios', 'm')).toBe('un folio');
    expect(countText(7, 'acuerdo', 'acuerdos', 'm')).toBe('siete acuerdos');
  });
});

describe('people and areas in running text', () => {
  it('spells the honorific out, with the article after "de"', () => {
    const p = { name: 'Álvaro Mario Castañón Cuevas', honorific: 'Mtro.', gender: 'male' };
    expect(personInText(p)).toBe('maestro Álvaro Mario Castañón Cuevas');
    expect(ofPerson(p)).toBe('del maestro Álvaro Mario Castañón Cuevas');
    expect(ofPerson({ name: 'Ana Ruiz', honorific: 'Dra.', gender: 'female' })).toBe(
      'de la doctora Ana Ruiz',
    );
    expect(ofPerson({ name: 'Ana Ruiz', honorific: null, gender: 'female' })).toBe('de Ana Ruiz');
  });
  it('gives an area its article', () => {
    expect(withArticle('Secretaría Ejecutiva')).toBe('la Secretaría Ejecutiva');
    expect(withArticle('Oficina del Consejero Electoral')).toBe('la Oficina del Consejero Electoral');
    expect(withArticle('Unidad Técnica de Asuntos Jurídicos')).toBe('la Unidad Técnica de Asuntos Jurídicos');
    expect(withArticle('Órgano Interno de Control')).toBe('el Órgano Interno de Control');
  });
});

describe('names after "de" and "a"', () => {
  it('contracts the masculine article', () => {
    expect(ofName('Comité de Enlace')).toBe('del Comité de Enlace');
    expect(ofName('Comisión de Vinculación')).toBe('de la Comisión de Vinculación');
    expect(toName('Comité')).toBe('al Comité');
    expect(toName('Comisión')).toBe('a la Comisión');
  });
});

describe('bodyNoun', () => {
  it('names a collegiate body by its first word with its article', () => {
    expect(bodyNoun('Comisión Provisional de Vinculación')).toBe('La Comisión');
    expect(bodyNoun('Comité de Enlace Institucional')).toBe('El Comité');
    expect(bodyNoun('Junta Local')).toBe('La Junta');
    expect(bodyNounInText('Consejo General')).toBe('el Consejo');
  });
});
