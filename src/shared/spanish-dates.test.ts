import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateList,
  formatDatesByMonth,
  formatDateRange,
  formatLongDate,
  formatPeriod,
  joinWithY,
  monthAbbreviation,
  monthName,
} from './spanish-dates';

describe('formatDatesByMonth', () => {
  it('lists a weekly bulletin month by month, as the reference does', () => {
    const fridays = [
      '2024-03-29',
      '2024-01-05',
      '2024-01-12',
      '2024-01-19',
      '2024-01-26',
      '2024-02-02',
      '2024-02-09',
      '2024-02-16',
      '2024-02-23',
      '2024-03-01',
      '2024-03-15',
      '2024-03-22',
    ];
    expect(formatDatesByMonth(fridays)).toEqual([
      '5, 12, 19 y 26 de enero de 2024',
      '2, 9, 16 y 23 de febrero de 2024',
      '1, 15, 22 y 29 de marzo de 2024',
    ]);
  });

  it('keeps a year apart and counts a repeated day', () => {
    expect(formatDatesByMonth(['2024-01-15', '2023-12-29', '2024-01-15', '2024-01-05'])).toEqual([
      '29 de diciembre de 2023',
      '5 y 15 (en dos ocasiones) de enero de 2024',
    ]);
    expect(formatDatesByMonth([])).toEqual([]);
  });
});

describe('formatDateList', () => {
  it('groups a month and puts "y" before the last day', () => {
    expect(formatDateList(['2024-01-26', '2024-01-05', '2024-01-12', '2024-01-19'])).toBe(
      '5, 12, 19 y 26 de enero de 2024',
    );
  });
  it('groups across months and years', () => {
    expect(formatDateList(['2024-01-30', '2024-01-31', '2024-02-01'])).toBe(
      '30 y 31 de enero y 1 de febrero de 2024',
    );
    expect(formatDateList(['2023-12-29', '2024-01-02'])).toBe('29 de diciembre de 2023 y 2 de enero de 2024');
  });
  it('counts a repeated day instead of repeating it', () => {
    expect(formatDateList(['2024-02-15', '2024-02-08', '2024-02-15'])).toBe(
      '8 y 15 (en dos ocasiones) de febrero de 2024',
    );
  });
  it('one day, no days', () => {
    expect(formatDateList(['2024-03-11'])).toBe('11 de marzo de 2024');
    expect(formatDateList([])).toBe('');
  });
});

describe('formatDateRange', () => {
  it('writes ranges as the report does', () => {
    expect(formatDateRange('2024-03-06', '2024-03-09')).toBe('6 al 9 de marzo de 2024');
    expect(formatDateRange('2024-02-28', '2024-03-02')).toBe('28 de febrero al 2 de marzo de 2024');
    expect(formatDateRange('2023-12-30', '2024-01-02')).toBe('30 de diciembre de 2023 al 2 de enero de 2024');
    expect(formatDateRange('2024-02-01', '2024-02-01')).toBe('1 de febrero de 2024');
  });
  it('refuses a range that ends before it starts', () => {
    expect(() => formatDateRange('2024-03-09', '2024-03-06')).toThrow();
  });
});

describe('single dates', () => {
  it('with and without weekday', () => {
    expect(formatLongDate('2024-01-25')).toBe('jueves 25 de enero de 2024');
    expect(formatDate('2024-01-25')).toBe('25 de enero de 2024');
  });
  it('joins lists', () => {
    expect(joinWithY(['a'])).toBe('a');
    expect(joinWithY(['a', 'b', 'c'])).toBe('a, b y c');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2024-01-01', '2024-03-31', 'enero a marzo de 2024'],
    ['2024-02-01', '2024-02-29', 'febrero de 2024'],
    ['2023-09-01', '2024-01-31', 'septiembre de 2023 a enero de 2024'],
    ['2024-03-06', '2024-03-09', '6 al 9 de marzo de 2024'],
    ['2024-01-01', '2024-03-30', '1 de enero al 30 de marzo de 2024'],
  ])('%s – %s → %s', (from, to, text) => {
    expect(formatPeriod(from, to)).toBe(text);
  });
  it('names and abbreviates months', () => {
    expect(monthName(2)).toBe('febrero');
    expect(monthAbbreviation(1)).toBe('ene');
    expect(monthAbbreviation(9)).toBe('sep');
  });
});
