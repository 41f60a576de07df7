import { describe, expect, it } from 'vitest';
import { fold } from './fold';

describe('fold', () => {
  it('drops accents, case and extra spaces', () => {
    expect(fold('  Secretaría   EJECUTIVA ')).toBe('secretaria ejecutiva');
    expect(fold('Jurídicos')).toBe('juridicos');
    expect(fold('PINGÜINO\tÑandú')).toBe('pinguino nandu');
  });

  it('keeps letters and signs that are not accents', () => {
    expect(fold('CVOE/011/2024')).toBe('cvoe/011/2024');
    expect(fold('¿Año?')).toBe('¿ano?');
  });
});
