import { describe, expect, it } from 'vitest';
import { ActivityInputSchema } from './contract';
import {
  dateSpecBounds,
  dateSpecProblems,
  dayProblem,
  formatDateSpec,
  specFallsWithin,
} from './contract-date-spec';

describe('date specs of activities', () => {
  it('names the day that does not exist ("30 y 31 de febrero de 2024")', () => {
    const problems = dateSpecProblems({
      mode: 'list',
      days: ['2024-02-28', '2024-02-29', '2024-02-30', '2024-02-31'],
    });
    expect(problems).toEqual([
      { path: 'dates.days.2', message: 'El 30 de febrero de 2024 no existe: febrero de 2024 tiene 29 días' },
      { path: 'dates.days.3', message: 'El 31 de febrero de 2024 no existe: febrero de 2024 tiene 29 días' },
    ]);
    expect(dayProblem('2023-02-29')).toContain('febrero de 2023 tiene 28 días');
    expect(dayProblem('2024-13-01')).toContain('El mes 13 no existe');
    expect(dayProblem('2024-02-29')).toBeNull();
  });

  it('refuses a range that ends before it starts, and repeated days', () => {
    expect(dateSpecProblems({ mode: 'range', from: '2024-03-09', to: '2024-03-06' })).toEqual([
      {
        path: 'dates.to',
        message: 'La fecha final (6 de marzo de 2024) es anterior a la inicial (9 de marzo de 2024)',
      },
    ]);
    expect(dateSpecProblems({ mode: 'list', days: ['2024-01-05', '2024-01-05'] })[0]!.message).toBe(
      'El 5 de enero de 2024 está repetido',
    );
    expect(dateSpecProblems({ mode: 'month', month: '2024-13' })).toHaveLength(1);
  });

  it('bounds every mode and renders it in Spanish', () => {
    expect(dateSpecBounds({ mode: 'month', month: '2024-02' })).toEqual({
      startsOn: '2024-02-01',
      endsOn: '2024-02-29',
      days: [],
    });
    expect(dateSpecBounds({ mode: 'list', days: ['2024-01-19', '2024-01-05'] })).toEqual({
      startsOn: '2024-01-05',
      endsOn: '2024-01-19',
      days: ['2024-01-05', '2024-01-19'],
    });
    expect(
      formatDateSpec({ mode: 'list', days: ['2024-01-12', '2024-01-05', '2024-01-19', '2024-01-26'] }),
    ).toBe('5, 12, 19 y 26 de enero de 2024');
    expect(formatDateSpec({ mode: 'range', from: '2024-03-06', to: '2024-03-09' })).toBe(
      '6 al 9 de marzo de 2024',
    );
    expect(formatDateSpec({ mode: 'month', month: '2024-01' })).toBe('Durante enero de 2024');
    expect(formatDateSpec({ mode: 'day', day: '2024-02-08' })).toBe('8 de febrero de 2024');
  });

  it('places a list in a period by its days, not by its bounds', () => {
    const spec = { mode: 'list' as const, days: ['2024-03-28', '2024-04-15'] };
    expect(specFallsWithin(spec, '2024-04-01', '2024-04-10')).toBe(false);
    expect(specFallsWithin(spec, '2024-04-01', '2024-06-30')).toBe(true);
    expect(
      specFallsWithin({ mode: 'range', from: '2024-03-30', to: '2024-04-02' }, '2024-04-01', '2024-06-30'),
    ).toBe(true);
  });

  it('the API contract reports the bad day at its path', () => {
    const r = ActivityInputSchema.safeParse({
      objectiveId: '00000000-0000-4000-8000-000000000000',
      kind: 'other',
      title: 'Noticias',
      dates: { mode: 'list', days: ['2024-02-29', '2024-02-30'] },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['dates.days.1', 'El 30 de febrero de 2024 no existe: febrero de 2024 tiene 29 días'],
    ]);
  });
});

describe('the range every date keeps (issue 14)', () => {
  it('refuses days and months before 1990 or after 2100, naming the range', () => {
    expect(dateSpecProblems({ mode: 'range', from: '0001-01-01', to: '9999-12-31' })).toEqual([
      {
        path: 'dates.from',
        message:
          'Fecha fuera del intervalo admitido: use una fecha entre el 1 de enero de 1990 y el 31 de diciembre de 2100',
      },
    ]);
    expect(dateSpecProblems({ mode: 'month', month: '1989-12' })[0]!.message).toMatch(/entre enero de 1990/);
    expect(dateSpecProblems({ mode: 'day', day: '1990-01-01' })).toEqual([]);
  });
});
