import { describe, expect, it } from 'vitest';
import { comparableFigures, crossSectionProblems } from './cross-section-figures';

const negotiation = (section: string, value: number) => ({
  key: 'instruments.open.negotiation',
  label: 'Instrumentos en proceso de negociación',
  value,
  section,
});

describe('one figure, one value across sections', () => {
  it('finds a figure section V states with another value than section IV (14 against 3)', () => {
    expect(crossSectionProblems([negotiation('IV', 3), negotiation('V', 14)])).toEqual([
      {
        kind: 'figure',
        where: 'Instrumentos en proceso de negociación',
        message: 'La cifra no coincide entre apartados: 3 en el apartado IV y 14 en el apartado V.',
      },
    ]);
  });

  it('names the Presentación and every section that states the figure', () => {
    const opinions = (section: string, value: number) => ({
      key: 'instruments.opinions',
      label: 'Opiniones de pertinencia emitidas',
      value,
      section,
    });
    expect(
      crossSectionProblems([opinions('I', 12), opinions('IV', 14), opinions('VI', 14)]).map((p) => p.message),
    ).toEqual([
      'La cifra no coincide entre apartados: 12 en la Presentación, 14 en el apartado IV y 14 en el apartado VI.',
    ]);
  });

  it('accepts a figure every section states alike, and figures stated once', () => {
    expect(
      crossSectionProblems([
        negotiation('IV', 3),
        negotiation('V', 3),
        { key: 'sessions', label: 'Sesiones celebradas', value: 3, section: 'II' },
      ]),
    ).toEqual([]);
  });

  it('compares a version by section, or by key alone when it was written before sections', () => {
    const stated = [negotiation('IV', 3), negotiation('V', 14)];
    expect([...comparableFigures(stated, true).values()]).toEqual(stated);
    expect([...comparableFigures(stated, false).values()]).toEqual([negotiation('IV', 3)]);
  });
});
