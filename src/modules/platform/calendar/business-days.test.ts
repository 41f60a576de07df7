import { describe, expect, it } from 'vitest';
import {
  PLAIN_CALENDAR,
  addBusinessDays,
  businessDaysBetween,
  endOfFirstDaysOfMonth,
  isBusinessDay,
  lastBusinessDayOfMonth,
  nextBusinessDayFrom,
  type WorkCalendar,
} from './business-days';

// The IECM-like calendar of 2024: Holy Week (25–29 March) and the December recess as its own
// non-working days.
const iecm2024: WorkCalendar = {
  ownNonWorkingDays: new Set([
    '2024-03-25',
    '2024-03-26',
    '2024-03-27',
    '2024-03-28',
    '2024-03-29',
    ...Array.from({ length: 14 }, (_, i) => `2024-12-${String(18 + i).padStart(2, '0')}`).filter(
      (d) => d <= '2024-12-31',
    ),
  ]),
  everyDayCounts: [],
};

describe('due dates across 2024 holidays (worked cases)', () => {
  // [received, business days, plain calendar, IECM calendar]
  const cases: [string, number, string, string][] = [
    ['2024-01-31', 3, '2024-02-06', '2024-02-06'], // Mon 5 Feb (Constitution) skipped
    ['2024-03-14', 5, '2024-03-22', '2024-03-22'], // Mon 18 Mar (Juárez) skipped
    ['2024-03-20', 5, '2024-03-27', '2024-04-03'], // Holy Week only in the organization's calendar
    ['2024-04-29', 2, '2024-05-02', '2024-05-02'], // 1 May
    ['2024-09-13', 1, '2024-09-17', '2024-09-17'], // weekend then Mon 16 Sep
    ['2024-09-30', 1, '2024-10-02', '2024-10-02'], // 1 Oct 2024: handover of the Executive
    ['2024-11-15', 1, '2024-11-19', '2024-11-19'], // Mon 18 Nov (Revolution)
    ['2024-12-17', 1, '2024-12-18', '2025-01-02'], // December recess, then 1 Jan
    ['2024-12-24', 1, '2024-12-26', '2025-01-02'], // 25 Dec
    ['2024-02-29', 0, '2024-02-29', '2024-02-29'], // zero days: the same day
  ];
  it.each(cases)('received %s + %i business days → %s (plain), %s (IECM)', (from, n, plain, iecm) => {
    expect(addBusinessDays(PLAIN_CALENDAR, from, n)).toBe(plain);
    expect(addBusinessDays(iecm2024, from, n)).toBe(iecm);
  });
});

describe('periods in which every day counts', () => {
  const process: WorkCalendar = {
    ownNonWorkingDays: new Set(),
    everyDayCounts: [{ from: '2024-05-30', to: '2024-06-05' }],
  };
  it('counts weekends and holidays inside the period only', () => {
    expect(isBusinessDay(process, '2024-06-01')).toBe(true); // Saturday
    expect(isBusinessDay(process, '2024-06-02')).toBe(true); // election Sunday
    expect(addBusinessDays(process, '2024-05-31', 3)).toBe('2024-06-03');
    expect(addBusinessDays(process, '2024-06-05', 1)).toBe('2024-06-06');
    expect(isBusinessDay(process, '2024-06-08')).toBe(false);
  });
});

describe('monthly due rules', () => {
  it('último día hábil del mes', () => {
    expect(lastBusinessDayOfMonth(PLAIN_CALENDAR, 2024, 3)).toBe('2024-03-29');
    expect(lastBusinessDayOfMonth(iecm2024, 2024, 3)).toBe('2024-03-22');
    expect(lastBusinessDayOfMonth(PLAIN_CALENDAR, 2024, 8)).toBe('2024-08-30'); // 31 Aug is a Saturday
    expect(lastBusinessDayOfMonth(PLAIN_CALENDAR, 2024, 2)).toBe('2024-02-29');
  });
  it('dentro de los primeros N días hábiles / naturales del mes', () => {
    expect(endOfFirstDaysOfMonth(PLAIN_CALENDAR, 2024, 2, 5, 'business')).toBe('2024-02-08'); // 5 Feb holiday
    expect(endOfFirstDaysOfMonth(PLAIN_CALENDAR, 2024, 1, 10, 'business')).toBe('2024-01-15');
    expect(endOfFirstDaysOfMonth(PLAIN_CALENDAR, 2024, 3, 10, 'natural')).toBe('2024-03-10');
    expect(endOfFirstDaysOfMonth(PLAIN_CALENDAR, 2024, 2, 30, 'natural')).toBeNull();
    expect(endOfFirstDaysOfMonth(PLAIN_CALENDAR, 2024, 2, 25, 'business')).toBeNull();
  });
});

describe('businessDaysBetween', () => {
  it('counts business days elapsed, for response times', () => {
    expect(businessDaysBetween(PLAIN_CALENDAR, '2024-01-31', '2024-02-06')).toBe(3);
    expect(businessDaysBetween(PLAIN_CALENDAR, '2024-02-06', '2024-01-31')).toBe(0);
  });
});

describe('bounded loops (issue 14: a far date made them run without end)', () => {
  it('refuses to count past year 9999 instead of looping', () => {
    expect(() => addBusinessDays(PLAIN_CALENDAR, '9999-12-31', 365)).toThrow(RangeError);
    expect(() => businessDaysBetween(PLAIN_CALENDAR, '0001-01-01', '9999-12-31')).toThrow(RangeError);
  });
  it('gives up on a calendar without business days for years instead of walking on', () => {
    const closed: WorkCalendar = {
      ownNonWorkingDays: new Set(Array.from({ length: 3000 }, (_, i) => addDaysForTest('2024-01-01', i))),
      everyDayCounts: [],
    };
    expect(() => nextBusinessDayFrom(closed, '2024-01-01')).toThrow(RangeError);
    expect(() => addBusinessDays(closed, '2024-01-01', 1)).toThrow(RangeError);
  });
});

function addDaysForTest(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
