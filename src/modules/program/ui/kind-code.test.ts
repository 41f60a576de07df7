import { describe, expect, it } from 'vitest';
import { ActivityKindInputSchema } from '../contract';
import { codeFor } from './kind-code';

describe('the code proposed for a new activity kind', () => {
  it('drops accents, joins words with underscores and starts with a letter', () => {
    expect(codeFor('Visita guiada')).toBe('visita_guiada');
    expect(codeFor('Reunión de Trabajo (virtual)')).toBe('reunion_de_trabajo_virtual');
    expect(codeFor('3 Foros ñandú')).toBe('foros_nandu');
  });

  it('gives a code the API accepts, at most 40 characters, with no trailing underscore', () => {
    const long = codeFor('Presentación de resultados del programa de resultados electorales preliminares');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('_')).toBe(false);
    for (const name of [
      'Visita guiada',
      'Reunión de Trabajo (virtual)',
      'Presentación de resultados del PREP',
    ])
      expect(ActivityKindInputSchema.safeParse({ code: codeFor(name), name }).success).toBe(true);
  });
});
