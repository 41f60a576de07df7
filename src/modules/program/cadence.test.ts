import { describe, expect, it } from 'vitest';
import { expectedSlots, missingIssues, mondayOf, targetProgress } from './cadence';

const Q1 = { from: '2024-01-01', to: '2024-03-31' };

describe('expected slots of a cadence', () => {
  it('weekly: every week whose Monday falls in the period', () => {
    const weeks = expectedSlots('weekly', Q1.from, Q1.to);
    expect(weeks).toHaveLength(13);
    expect(weeks[0]).toEqual({
      from: '2024-01-01',
      to: '2024-01-07',
      label: 'semana del 1 al 7 de enero de 2024',
    });
    expect(weeks[12]!.from).toBe('2024-03-25');
    // A period starting mid-week leaves that week to the period before.
    expect(expectedSlots('weekly', '2024-01-03', '2024-01-14').map((w) => w.from)).toEqual(['2024-01-08']);
  });

  it('monthly: every month whose first day falls in the period', () => {
    expect(expectedSlots('monthly', Q1.from, Q1.to).map((m) => m.label)).toEqual([
      'enero de 2024',
      'febrero de 2024',
      'marzo de 2024',
    ]);
    expect(expectedSlots('monthly', '2024-01-15', '2024-03-31').map((m) => m.from)).toEqual([
      '2024-02-01',
      '2024-03-01',
    ]);
    expect(expectedSlots('monthly', '2023-12-01', '2024-01-31').map((m) => m.to)).toEqual([
      '2023-12-31',
      '2024-01-31',
    ]);
  });

  it('irregular series expect nothing', () => {
    expect(expectedSlots('irregular', Q1.from, Q1.to)).toEqual([]);
  });

  it('weeks start on Monday', () => {
    expect(mondayOf('2024-03-08')).toBe('2024-03-04');
    expect(mondayOf('2024-03-04')).toBe('2024-03-04');
    expect(mondayOf('2024-03-10')).toBe('2024-03-04');
  });
});

describe('missing issues', () => {
  it("flags the reference's Boletín Electoral: no issue in the week of 8 March 2024", () => {
    const bulletin = [
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
      '2024-03-29',
    ];
    const missing = missingIssues({ cadence: 'weekly', startsOn: null, endsOn: null }, bulletin, Q1);
    expect(missing.map((m) => m.label)).toEqual(['semana del 4 al 10 de marzo de 2024']);
  });

  it('respects the life of the series', () => {
    const calendars = ['2024-01-08', '2024-01-15'];
    const period = { from: '2024-01-01', to: '2024-01-21' };
    expect(
      missingIssues({ cadence: 'weekly', startsOn: null, endsOn: null }, calendars, period).map(
        (m) => m.from,
      ),
    ).toEqual(['2024-01-01']);
    expect(
      missingIssues({ cadence: 'weekly', startsOn: '2024-01-08', endsOn: null }, calendars, period),
    ).toEqual([]);
    expect(missingIssues({ cadence: 'weekly', startsOn: null, endsOn: '2023-12-31' }, [], period)).toEqual(
      [],
    );
  });

  it('monthly newsletter with January missing', () => {
    const missing = missingIssues(
      { cadence: 'monthly', startsOn: null, endsOn: null },
      ['2024-02-24', '2024-03-24'],
      Q1,
    );
    expect(missing).toEqual([{ from: '2024-01-01', to: '2024-01-31', label: 'enero de 2024' }]);
  });
});

describe('target progress', () => {
  it('counts against the minimum, capped at 100%', () => {
    expect(targetProgress(12, 20)).toEqual({ count: 12, minimum: 20, met: false, percent: 60 });
    expect(targetProgress(25, 20)).toEqual({ count: 25, minimum: 20, met: true, percent: 100 });
    expect(targetProgress(0, 3)).toEqual({ count: 0, minimum: 3, met: false, percent: 0 });
  });
});
