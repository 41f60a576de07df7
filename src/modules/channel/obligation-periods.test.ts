import { describe, expect, it } from 'vitest';
import { PLAIN_CALENDAR } from '../platform/calendar/business-days';
import { monthOf, occurrencesDue } from './obligation-periods';

describe('occurrencesDue', () => {
  it('24/2024: first five business days of each month, created two months ahead', () => {
    const due = occurrencesDue(
      {
        startsOn: '2024-01-10',
        endsOn: null,
        dueRule: { kind: 'first_days_of_month', days: 5, count: 'business' },
      },
      PLAIN_CALENDAR,
      '2024-03-20',
      2,
    );
    expect(due).toEqual([
      { period: '2024-01-01', dueOn: '2024-01-08' },
      { period: '2024-02-01', dueOn: '2024-02-08' },
      { period: '2024-03-01', dueOn: '2024-03-07' },
      { period: '2024-04-01', dueOn: '2024-04-05' },
      { period: '2024-05-01', dueOn: '2024-05-08' },
    ]);
  });
  it('stops at its last month and crosses years', () => {
    const due = occurrencesDue(
      { startsOn: '2023-11-30', endsOn: '2024-01-31', dueRule: { kind: 'last_business_day_of_month' } },
      PLAIN_CALENDAR,
      '2024-06-01',
      2,
    );
    expect(due.map((d) => d.dueOn)).toEqual(['2023-11-30', '2023-12-29', '2024-01-31']);
  });
  it('monthOf', () => {
    expect(monthOf('2024-02-29')).toBe('2024-02-01');
  });
});
