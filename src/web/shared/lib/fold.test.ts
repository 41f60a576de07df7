import { describe, expect, it } from 'vitest';
import { foldedOptionsFilter } from './fold';

describe('foldedOptionsFilter', () => {
  it('filters select options accent-insensitively, inside groups too', () => {
    const options = [
      { value: 'a', label: 'Unidad Técnica de Asuntos Jurídicos' },
      { group: 'Otras', items: [{ value: 'b', label: 'Secretaría Ejecutiva' }] },
    ];
    expect(foldedOptionsFilter({ options, search: 'juridicos', limit: 100 })).toEqual([options[0]]);
    expect(foldedOptionsFilter({ options, search: 'secretaria', limit: 100 })).toEqual([options[1]]);
    expect(foldedOptionsFilter({ options, search: '', limit: 100 })).toEqual(options);
  });
});
