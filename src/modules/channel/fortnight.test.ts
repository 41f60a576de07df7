import { describe, expect, it } from 'vitest';
import {
  fortnightNumber,
  fortnightOf,
  fortnightPeriod,
  fortnightTitle,
  lastEndedFortnight,
  reportSendDay,
} from './fortnight';

describe('fortnights of the statistical report', () => {
  it('are days 1–15 and 16 to the end of the month, leap February included', () => {
    expect(fortnightPeriod({ year: 2024, month: 1, half: 1 })).toEqual({
      from: '2024-01-01',
      to: '2024-01-15',
    });
    expect(fortnightPeriod({ year: 2024, month: 2, half: 2 })).toEqual({
      from: '2024-02-16',
      to: '2024-02-29',
    });
    expect(fortnightPeriod({ year: 2023, month: 2, half: 2 })).toEqual({
      from: '2023-02-16',
      to: '2023-02-28',
    });
    expect(fortnightPeriod({ year: 2024, month: 4, half: 2 })).toEqual({
      from: '2024-04-16',
      to: '2024-04-30',
    });
  });

  it('know which one a day falls in and which one ended last', () => {
    expect(fortnightOf('2024-03-15')).toEqual({ year: 2024, month: 3, half: 1 });
    expect(fortnightOf('2024-03-16')).toEqual({ year: 2024, month: 3, half: 2 });
    expect(lastEndedFortnight('2024-04-01')).toEqual({ year: 2024, month: 3, half: 2 });
    expect(lastEndedFortnight('2024-03-18')).toEqual({ year: 2024, month: 3, half: 1 });
    expect(lastEndedFortnight('2024-01-03')).toEqual({ year: 2023, month: 12, half: 2 });
  });

  it('are numbered within the year and titled in Spanish', () => {
    expect(fortnightNumber({ year: 2024, month: 1, half: 1 })).toBe(1);
    expect(fortnightNumber({ year: 2024, month: 3, half: 2 })).toBe(6);
    expect(fortnightNumber({ year: 2024, month: 12, half: 2 })).toBe(24);
    expect(fortnightTitle({ year: 2024, month: 2, half: 2 })).toBe('Segunda quincena de febrero de 2024');
  });

  it('go out on the first weekday after they end: the reference sending dates of 2024', () => {
    const sent = [1, 2, 3].flatMap((month) =>
      ([1, 2] as const).map((half) => reportSendDay({ year: 2024, month, half })),
    );
    expect(sent).toEqual([
      '2024-01-16',
      '2024-02-01',
      '2024-02-16',
      '2024-03-01',
      '2024-03-18',
      '2024-04-01',
    ]);
    // Ending on a Friday (15 Nov 2024) it goes out on Monday.
    expect(reportSendDay({ year: 2024, month: 11, half: 1 })).toBe('2024-11-18');
  });
});
