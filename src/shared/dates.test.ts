import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InstantSchema,
  LocalDateSchema,
  addDays,
  checkPeriod,
  daysBetween,
  rangeContains,
  rangesOverlap,
  todayInMexicoCity,
} from './dates';
import { formatLongDate } from './spanish-dates';

describe('LocalDateSchema', () => {
  it.each(['2024-02-29', '2024-12-31', '2023-01-01'])('accepts %s', (d) => {
    expect(LocalDateSchema.safeParse(d).success).toBe(true);
  });
  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31', '24-01-01', '2024-01-01T00:00:00Z', ''])(
    'refuses %s',
    (d) => {
      expect(LocalDateSchema.safeParse(d).success).toBe(false);
    },
  );
  it.each(['1990-01-01', '2100-12-31'])('accepts the edge of the plausible range, %s', (d) => {
    expect(LocalDateSchema.safeParse(d).success).toBe(true);
  });
  // Far dates made day-by-day loops run for millions of days (issue 14): refused at the schema.
  it.each(['9999-12-31', '0001-01-01', '1989-12-31', '2101-01-01'])(
    'refuses %s, outside the plausible range, naming the range',
    (d) => {
      const result = LocalDateSchema.safeParse(d);
      expect(result.success).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
      expect(result.error!.issues[0]!.message).toBe(
        'Fecha fuera del intervalo admitido: use una fecha entre el 1 de enero de 1990 y el 31 de diciembre de 2100',
      );
    },
  );
  it('does not refuse an out-of-range date on the way out (a stored or computed date still serializes)', () => {
    expect(LocalDateSchema.encode('2102-03-01')).toBe('2102-03-01');
  });
});

describe('addDays and daysBetween', () => {
  it('move across months and leap days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
  it('refuse to leave four-digit years, so no loop over days can run past 9999', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('todayInMexicoCity', () => {
  it('is still the previous day in Mexico City late in the UTC evening', () => {
    expect(todayInMexicoCity(new Date('2024-03-01T03:00:00Z'))).toBe('2024-02-29');
    expect(todayInMexicoCity(new Date('2024-03-01T07:00:00Z'))).toBe('2024-03-01');
  });
});

describe('ranges', () => {
  it('contains its ends; an open end runs forever', () => {
    expect(rangeContains('2024-01-01', '2024-01-31', '2024-01-31')).toBe(true);
    expect(rangeContains('2024-01-01', '2024-01-31', '2024-02-01')).toBe(false);
    expect(rangeContains('2024-01-01', null, '2099-01-01')).toBe(true);
  });
  it('overlap when they share a day', () => {
    expect(rangesOverlap({ from: '2024-01-01', to: '2024-02-15' }, { from: '2024-02-15', to: null })).toBe(
      true,
    );
    expect(rangesOverlap({ from: '2024-01-01', to: '2024-02-15' }, { from: '2024-02-16', to: null })).toBe(
      false,
    );
    expect(rangesOverlap({ from: '2024-03-01', to: null }, { from: '2024-01-01', to: null })).toBe(true);
  });
});

describe('formatLongDate', () => {
  it('derives the weekday from the date', () => {
    expect(formatLongDate('2024-01-08')).toBe('lunes 8 de enero de 2024');
    // The reference report printed "viernes 22 de febrero de 2024"; it was a Thursday.
    expect(formatLongDate('2024-02-22')).toBe('jueves 22 de febrero de 2024');
    expect(formatLongDate('2024-03-10')).toBe('domingo 10 de marzo de 2024');
  });
});

describe('checkPeriod', () => {
  const Query = z
    .object({ from: LocalDateSchema, to: LocalDateSchema, asOf: LocalDateSchema.optional() })
    .superRefine(checkPeriod('from', 'to', 'asOf'));
  const problems = (q: object) => Query.safeParse(q).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('accepts up to ten years', () => {
    expect(problems({ from: '2014-01-01', to: '2023-12-31' })).toBeUndefined();
  });
  it('refuses a longer period, a later cut-off and a period that ends before it starts', () => {
    expect(problems({ from: '2014-01-01', to: '2024-01-01' })).toEqual([
      ['to', 'El periodo no puede abarcar más de diez años; divídalo'],
    ]);
    expect(problems({ from: '2014-01-01', to: '2014-12-31', asOf: '2030-01-01' })).toEqual([
      ['asOf', 'El periodo no puede abarcar más de diez años; divídalo'],
    ]);
    expect(problems({ from: '2014-01-02', to: '2014-01-01' })).toEqual([
      ['to', 'El periodo termina antes de empezar'],
    ]);
  });
});

describe('InstantSchema', () => {
  it('takes a moment with its offset inside the range', () => {
    expect(InstantSchema.parse('2024-03-01T09:00:00-06:00')).toBe('2024-03-01T09:00:00-06:00');
  });

  it.each(['9999-12-31T23:00:00Z', '0001-01-01T00:00:00Z', '2101-01-01T06:00:00-06:00'])(
    'refuses %s, naming the range',
    (instant) => {
      const result = InstantSchema.safeParse(instant);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(
        /entre el 1 de enero de 1990 y el 31 de diciembre de 2100/,
      );
    },
  );

  it('refuses a moment without its offset', () => {
    expect(InstantSchema.safeParse('2024-03-01T09:00:00').success).toBe(false);
  });
});
