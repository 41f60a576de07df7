import { describe, expect, it } from 'vitest';
import { describeReferences } from './structure-references';

const none = {
  objectives: [],
  activities: 0,
  targets: 0,
  reasons: 0,
  planReviews: 0,
  series: [],
  campaigns: 0,
};

describe('describeReferences', () => {
  it('is null when nothing refers to the line or objective', () => {
    expect(describeReferences(none)).toBeNull();
  });
  it('names each kind of record, singular or plural, joined with "y"', () => {
    expect(describeReferences({ ...none, objectives: ['A'], activities: 1 })).toBe(
      'el objetivo A y 1 actividad',
    );
    expect(
      describeReferences({
        objectives: ['A', 'B', 'C'],
        activities: 12,
        targets: 2,
        reasons: 1,
        planReviews: 3,
        series: ['Boletín Electoral', 'Pulso Internacional'],
        campaigns: 2,
      }),
    ).toBe(
      'los objetivos A, B y C, 12 actividades, 2 metas, 1 motivo de falta de actividad, 3 revisiones del plan (SSPELO), ' +
        'las series de publicaciones «Boletín Electoral» y «Pulso Internacional» y 2 campañas de difusión',
    );
    expect(describeReferences({ ...none, series: ['Boletín Electoral'], campaigns: 1 })).toBe(
      'la serie de publicaciones «Boletín Electoral» y 1 campaña de difusión',
    );
  });
});
