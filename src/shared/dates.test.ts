import { describe, expect, it } from 'vitest';
import { LocalDateSchema, rangeContains, rangesOverlap, todayInMexicoCity } from './dates';
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
