import { describe, expect, it } from 'vitest';
import {
  AREA_KIND_LABELS,
  GENDER_LABELS,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_LEVEL_LABELS,
} from './directory-columns';
import { fold } from '../../../shared/fold';
import { codeOf, headerKey } from '../../platform/spreadsheets/columns';
import { AREA_KINDS, INSTITUTION_KINDS, INSTITUTION_LEVELS } from '../contract';

describe('fold and headerKey', () => {
  it('ignores accents, case and extra spaces', () => {
    expect(fold('  Secretaría   EJECUTIVA ')).toBe('secretaria ejecutiva');
    expect(fold('Ñuño')).toBe('nuno');
  });
  it('reads headers as people type them', () => {
    expect(headerKey('Sitio web')).toBe('sitio_web');
    expect(headerKey('PAÍS')).toBe('pais');
    expect(headerKey('Área-Superior')).toBe('area_superior');
    expect(headerKey(' Teléfono ')).toBe('telefono');
  });
});

describe('codeOf', () => {
  it('accepts the code itself', () => {
    expect(codeOf(INSTITUTION_KIND_LABELS, 'university')).toBe('university');
    expect(codeOf(AREA_KIND_LABELS, 'executive directorate')).toBe('executive_directorate');
    expect(codeOf(INSTITUTION_LEVEL_LABELS, 'NATIONAL')).toBe('national');
  });
  it('accepts Spanish labels without regard to accents or case', () => {
    expect(codeOf(INSTITUTION_KIND_LABELS, 'Universidad')).toBe('university');
    expect(codeOf(INSTITUTION_KIND_LABELS, 'partido politico')).toBe('political_party');
    expect(codeOf(INSTITUTION_KIND_LABELS, 'ORGANISMO PÚBLICO LOCAL ELECTORAL')).toBe('local_electoral_body');
    expect(codeOf(AREA_KIND_LABELS, 'unidad tecnica')).toBe('technical_unit');
    expect(codeOf(INSTITUTION_LEVEL_LABELS, 'Nacional')).toBe('national');
    expect(codeOf(GENDER_LABELS, 'mujer')).toBe('female');
  });
  it('answers undefined for unknown or empty text', () => {
    expect(codeOf(INSTITUTION_KIND_LABELS, 'banco')).toBeUndefined();
    expect(codeOf(INSTITUTION_KIND_LABELS, '  ')).toBeUndefined();
  });
  it('labels every code, and no label names two codes', () => {
    const tables: [Record<string, readonly string[]>, readonly string[]][] = [
      [INSTITUTION_KIND_LABELS, INSTITUTION_KINDS],
      [INSTITUTION_LEVEL_LABELS, INSTITUTION_LEVELS],
      [AREA_KIND_LABELS, AREA_KINDS],
      [GENDER_LABELS, ['female', 'male', 'unspecified']],
    ];
    for (const [labels, codes] of tables) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      const all = Object.values(labels).flat().map(fold);
      expect(new Set(all).size).toBe(all.length);
      for (const code of codes) for (const l of labels[code]!) expect(codeOf(labels, l)).toBe(code);
    }
  });
});
