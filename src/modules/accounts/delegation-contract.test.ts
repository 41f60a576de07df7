import { describe, expect, it } from 'vitest';
import {
  DelegationInputSchema,
  delegationHolds,
  delegationPeopleProblems,
  delegationPeriodProblems,
  delegationStatus,
  overlappingDelegation,
  todayIn,
} from './delegation-contract';

const A = '0b6c1d7e-0000-4000-8000-000000000001';
const B = '0b6c1d7e-0000-4000-8000-000000000002';

describe('a delegation period', () => {
  it('ends on or after it starts; a one-day period is fine', () => {
    expect(delegationPeriodProblems('2026-03-02', '2026-03-02')).toEqual([]);
    expect(delegationPeriodProblems('2026-03-05', '2026-03-02')).toEqual([
      { path: 'endsOn', message: 'La suplencia termina antes de empezar.' },
    ]);
  });

  it('lasts a year at most', () => {
    expect(delegationPeriodProblems('2026-01-01', '2026-12-31')).toEqual([]);
    expect(delegationPeriodProblems('2026-01-01', '2027-01-02')[0]?.message).toMatch(/a lo más un año/);
  });

  it('reaches today: one that already ended is refused, one that ends today is not', () => {
    expect(delegationPeriodProblems('2026-03-01', '2026-03-10', '2026-03-10')).toEqual([]);
    expect(delegationPeriodProblems('2026-03-01', '2026-03-09', '2026-03-10')).toEqual([
      { path: 'endsOn', message: expect.stringMatching(/ya terminó/) },
    ]);
  });

  it('names two different people', () => {
    expect(delegationPeopleProblems(A, B)).toEqual([]);
    expect(delegationPeopleProblems(A, A)).toEqual([
      { path: 'actingUserId', message: 'Una persona no puede suplirse a sí misma.' },
    ]);
  });
});

describe('whether a delegation holds', () => {
  const d = { startsOn: '2026-03-02', endsOn: '2026-03-06', ended: false };

  it('holds from its first to its last day, both included, and ends by itself', () => {
    expect(delegationHolds(d, '2026-03-01')).toBe(false);
    expect(delegationHolds(d, '2026-03-02')).toBe(true);
    expect(delegationHolds(d, '2026-03-06')).toBe(true);
    expect(delegationHolds(d, '2026-03-07')).toBe(false);
  });

  it('does not hold once ended early', () => {
    expect(delegationHolds({ ...d, ended: true }, '2026-03-03')).toBe(false);
  });

  it('reads as scheduled, current, finished or ended', () => {
    expect(delegationStatus(d, '2026-03-01')).toBe('scheduled');
    expect(delegationStatus(d, '2026-03-04')).toBe('current');
    expect(delegationStatus(d, '2026-03-07')).toBe('finished');
    expect(delegationStatus({ ...d, ended: true }, '2026-03-04')).toBe('ended');
  });
});

describe('overlapping delegations of the same absent person', () => {
  const others = [
    { id: 'x', startsOn: '2026-03-02', endsOn: '2026-03-06', ended: false },
    { id: 'y', startsOn: '2026-04-01', endsOn: '2026-04-10', ended: true },
  ];

  it('finds one sharing even a single day', () => {
    expect(overlappingDelegation({ startsOn: '2026-03-06', endsOn: '2026-03-09' }, others)?.id).toBe('x');
    expect(overlappingDelegation({ startsOn: '2026-02-20', endsOn: '2026-03-02' }, others)?.id).toBe('x');
  });

  it('ignores those ended early and those on other days', () => {
    expect(overlappingDelegation({ startsOn: '2026-03-07', endsOn: '2026-04-05' }, others)).toBeUndefined();
  });
});

describe("today in the organization's time zone", () => {
  it("is the day where the organization is, not the server's", () => {
    const now = new Date('2026-03-10T03:00:00Z');
    expect(todayIn('America/Mexico_City', now)).toBe('2026-03-09');
    expect(todayIn('America/Cancun', now)).toBe('2026-03-09');
    // 06:30 UTC: past midnight in Mexico City (UTC−6), still the evening before in Tijuana (UTC−7).
    const later = new Date('2026-03-10T06:30:00Z');
    expect(todayIn('America/Mexico_City', later)).toBe('2026-03-10');
    expect(todayIn('America/Tijuana', later)).toBe('2026-03-09');
  });
});

describe('the input schema', () => {
  it('words each refusal on its field', () => {
    const r = DelegationInputSchema.safeParse({
      absentUserId: A,
      actingUserId: A,
      startsOn: '2026-03-10',
      endsOn: '2026-03-01',
      reason: '  ',
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('reason');
  });

  it('checks people and period once the fields are well formed', () => {
    const r = DelegationInputSchema.safeParse({
      absentUserId: A,
      actingUserId: A,
      startsOn: '2026-03-10',
      endsOn: '2026-03-01',
      reason: 'Vacaciones',
    });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['actingUserId', 'Una persona no puede suplirse a sí misma.'],
      ['endsOn', 'La suplencia termina antes de empezar.'],
    ]);
  });
});
