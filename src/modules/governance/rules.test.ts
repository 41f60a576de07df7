import { describe, expect, it } from 'vitest';
import {
  agendaAdditionProblem,
  agendaChangeProblem,
  agendaOrderProblem,
  cancellationProblem,
  formatAgreementNumber,
  isOverdue,
  membershipClash,
  minutesApprovalProblem,
  numberSessions,
  parseAgreementNumber,
  quorum,
  recordingProblem,
  rosterOn,
  seatOf,
  sessionHeading,
  sessionName,
  sessionStatus,
  type HeadFact,
  type MembershipFact,
} from './rules';

describe('session names', () => {
  it('writes the ordinal in words with the kind and year', () => {
    expect(sessionName(1, 'ordinaria', 2024)).toBe('primera sesión ordinaria de 2024');
    expect(sessionName(3, 'ordinaria', 2024)).toBe('tercera sesión ordinaria de 2024');
    expect(sessionName(10, 'urgente', 2023)).toBe('décima sesión urgente de 2023');
    expect(sessionName(12, 'extraordinaria', 2023)).toBe('duodécima sesión extraordinaria de 2023');
    expect(sessionHeading(2, 'ordinaria')).toBe('2° Ord');
  });

  it('numbers sessions per year and kind by date and start time, whatever the entry order', () => {
    const s = (
      id: string,
      kind: 'ordinaria' | 'extraordinaria',
      heldOn: string,
      startTime: string | null = null,
    ) => ({
      id,
      kind,
      heldOn,
      startTime,
    });
    const numbers = numberSessions([
      s('c', 'ordinaria', '2024-03-26'),
      s('x', 'extraordinaria', '2024-02-22', '12:00'),
      s('a', 'ordinaria', '2024-01-25'),
      s('b2', 'ordinaria', '2024-02-22', '11:00'),
      s('b1', 'ordinaria', '2024-02-22', '10:00'),
      s('old', 'ordinaria', '2023-12-14'),
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ old: 1, a: 1, b1: 2, b2: 3, c: 4, x: 1 });
  });
});

describe('agreement numbers', () => {
  it('formats with three digits at least and parses back', () => {
    expect(formatAgreementNumber('CVOE/', 6, 2024)).toBe('CVOE/006/2024');
    expect(formatAgreementNumber('IECM/ACU-CG-', 77, 2023)).toBe('IECM/ACU-CG-077/2023');
    expect(formatAgreementNumber('CVOE/', 1234, 2024)).toBe('CVOE/1234/2024');
    expect(parseAgreementNumber('CVOE/', 'CVOE/006/2024')).toEqual({ number: 6, year: 2024 });
    expect(parseAgreementNumber('IECM/ACU-CG-', 'IECM/ACU-CG-077/2023')).toEqual({ number: 77, year: 2023 });
    expect(() => formatAgreementNumber('CVOE/', 0, 2024)).toThrow(RangeError);
  });

  it('refuses numbers of another body or malformed', () => {
    for (const bad of [
      'CVOE/06/2024',
      'CVOE/006/24',
      'CG/006/2024',
      'CVOE/000/2024',
      'CVOE/006/2024x',
      'CVOE/abc/2024',
    ]) {
      expect(parseAgreementNumber('CVOE/', bad), bad).toBeUndefined();
    }
  });
});

describe('quorum', () => {
  it('needs more than half of the voting members', () => {
    expect(quorum(5, 3)).toEqual({ votingMembers: 5, votingPresent: 3, required: 3, reached: true });
    expect(quorum(5, 2).reached).toBe(false);
    expect(quorum(4, 2)).toMatchObject({ required: 3, reached: false });
    expect(quorum(4, 3).reached).toBe(true);
    expect(quorum(0, 0).reached).toBe(false);
  });
});

describe('roster on a date', () => {
  const m = (
    id: string,
    role: MembershipFact['role'],
    holder: Partial<MembershipFact>,
    startsOn: string,
    endsOn: string | null = null,
    sortOrder = 0,
  ): MembershipFact => ({
    id,
    role,
    personId: null,
    institutionId: null,
    areaId: null,
    ...holder,
    startsOn,
    endsOn,
    sortOrder,
  });
  const memberships = [
    m('pres', 'president', { personId: 'erika' }, '2023-08-29'),
    m('st1', 'technical_secretary', { personId: 'bernardo' }, '2023-09-11', '2024-02-21'),
    m('st2', 'technical_secretary', { personId: 'alvaro' }, '2024-02-22'),
    m('se', 'area_invitee', { areaId: 'SE' }, '2023-08-29', null, 1),
    m('utcs', 'area_invitee', { areaId: 'UTCSyD' }, '2023-08-29', null, 2),
    m('pan', 'party_representation', { institutionId: 'PAN' }, '2023-08-29'),
  ];
  const heads: HeadFact[] = [
    { areaId: 'SE', personId: 'bernardo', headKind: 'titular', startsOn: '2023-01-01', endsOn: null },
    {
      areaId: 'UTCSyD',
      personId: 'salvador',
      headKind: 'titular',
      startsOn: '2023-01-01',
      endsOn: '2024-02-15',
    },
    {
      areaId: 'UTCSyD',
      personId: 'oliver',
      headKind: 'encargado_de_despacho',
      startsOn: '2024-02-16',
      endsOn: null,
    },
  ];

  it('seats the technical secretary, not the same person as area head, and derives area heads', () => {
    const jan = rosterOn(memberships, heads, '2024-01-25');
    expect(jan.map((s) => [s.membershipId, s.role, s.personId ?? s.institutionId])).toEqual([
      ['pres', 'president', 'erika'],
      ['st1', 'technical_secretary', 'bernardo'],
      ['pan', 'party_representation', 'PAN'],
      ['utcs', 'area_head', 'salvador'],
    ]);
    const feb = rosterOn(memberships, heads, '2024-02-22');
    expect(feb.map((s) => [s.membershipId, s.role, s.personId ?? s.institutionId, s.headKind])).toEqual([
      ['pres', 'president', 'erika', null],
      ['st2', 'technical_secretary', 'alvaro', null],
      ['pan', 'party_representation', 'PAN', null],
      ['se', 'area_head', 'bernardo', 'titular'],
      ['utcs', 'area_head', 'oliver', 'encargado_de_despacho'],
    ]);
    expect(feb.filter((s) => s.voting).map((s) => s.membershipId)).toEqual(['pres']);
  });

  it('finds the seat a person held that day, or none', () => {
    const jan = rosterOn(memberships, heads, '2024-01-25');
    expect(seatOf(jan, { personId: 'bernardo' })?.role).toBe('technical_secretary');
    expect(seatOf(jan, { personId: 'oliver' })).toBeUndefined();
    expect(seatOf(jan, { institutionId: 'PAN' })?.membershipId).toBe('pan');
    expect(seatOf(rosterOn(memberships, heads, '2023-08-01'), { personId: 'erika' })).toBeUndefined();
  });
});

describe('minutes approval order', () => {
  const s1 = { bodyId: 'cvoe', heldOn: '2024-01-25' };
  it('accepts an agreement of a later session of the same body only', () => {
    expect(minutesApprovalProblem(s1, { bodyId: 'cvoe', heldOn: '2024-02-22' })).toBeUndefined();
    expect(minutesApprovalProblem(s1, { bodyId: 'cvoe', heldOn: '2024-01-25' })).toMatch(/posterior/);
    expect(minutesApprovalProblem(s1, { bodyId: 'cvoe', heldOn: '2023-12-14' })).toMatch(/posterior/);
    expect(minutesApprovalProblem(s1, { bodyId: 'cg', heldOn: '2024-02-22' })).toMatch(/otro órgano/);
    expect(minutesApprovalProblem(s1, null)).toMatch(/sesión/);
  });
});

describe('mandate overdue', () => {
  it('is overdue after the due date unless fulfilled or cancelled', () => {
    expect(isOverdue({ dueOn: '2024-03-01', status: 'pending' }, '2024-03-02')).toBe(true);
    expect(isOverdue({ dueOn: '2024-03-01', status: 'in_progress' }, '2024-03-01')).toBe(false);
    expect(isOverdue({ dueOn: '2024-03-01', status: 'fulfilled' }, '2024-04-01')).toBe(false);
    expect(isOverdue({ dueOn: '2024-03-01', status: 'cancelled' }, '2024-04-01')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'pending' }, '2030-01-01')).toBe(false);
  });
});

describe('membership clashes', () => {
  const base = { personId: null, institutionId: null, areaId: null, endsOn: null, sortOrder: 0 };
  const existing = [
    {
      ...base,
      id: 'st1',
      role: 'technical_secretary' as const,
      personId: 'bernardo',
      startsOn: '2023-09-11',
      endsOn: '2024-02-21',
    },
    { ...base, id: 'm1', role: 'member' as const, personId: 'sonia', startsOn: '2023-08-29' },
    {
      ...base,
      id: 'pan',
      role: 'party_representation' as const,
      institutionId: 'PAN',
      personId: 'rep',
      startsOn: '2023-08-29',
    },
    { ...base, id: 'se', role: 'area_invitee' as const, areaId: 'SE', startsOn: '2023-08-29' },
  ];
  it('refuses a second technical secretary on the same days, accepts the successor', () => {
    const next = {
      ...base,
      role: 'technical_secretary' as const,
      personId: 'alvaro',
      startsOn: '2024-02-22',
    };
    expect(membershipClash(existing, next)).toBeUndefined();
    expect(membershipClash(existing, { ...next, startsOn: '2024-02-21' })).toMatchObject({
      with: { id: 'st1' },
      reason: 'single_seat',
    });
  });
  it('refuses the same person, party or area twice at once', () => {
    expect(
      membershipClash(existing, { ...base, role: 'president', personId: 'sonia', startsOn: '2024-01-01' }),
    ).toMatchObject({ reason: 'same_holder' });
    expect(
      membershipClash(existing, {
        ...base,
        role: 'party_representation',
        institutionId: 'PAN',
        startsOn: '2024-01-01',
      }),
    ).toMatchObject({ reason: 'same_holder' });
    expect(
      membershipClash(existing, { ...base, role: 'area_invitee', areaId: 'SE', startsOn: '2024-01-01' }),
    ).toMatchObject({ reason: 'same_holder' });
    // A party's representative is not a personal seat; the Secretario Ejecutivo's area may be invited while he is technical secretary.
    expect(
      membershipClash(existing, { ...base, role: 'member', personId: 'rep', startsOn: '2024-01-01' }),
    ).toBeUndefined();
    expect(
      membershipClash(existing, {
        ...base,
        role: 'member',
        personId: 'sonia',
        startsOn: '2020-01-01',
        endsOn: '2023-08-28',
      }),
    ).toBeUndefined();
    // Editing a membership does not clash with itself.
    expect(membershipClash(existing, { ...existing[1]!, endsOn: '2025-01-01' })).toBeUndefined();
  });
});

describe('session status and what it allows', () => {
  const none = { cancelled: false, minutesApproved: false, hasAttendance: false, hasAgreements: false };

  it('derives the status from the records, cancellation and approval first', () => {
    expect(sessionStatus(none)).toBe('scheduled');
    expect(sessionStatus({ ...none, hasAttendance: true })).toBe('held');
    expect(sessionStatus({ ...none, hasAgreements: true })).toBe('held');
    expect(sessionStatus({ ...none, hasAgreements: true, minutesApproved: true })).toBe('minutes_approved');
    expect(sessionStatus({ ...none, cancelled: true })).toBe('cancelled');
  });

  it('edits, reorders and removes agenda items only before the session is held', () => {
    expect(agendaChangeProblem('scheduled')).toBeUndefined();
    expect(agendaChangeProblem('held')).toMatch(/ya se celebró/);
    expect(agendaChangeProblem('minutes_approved')).toMatch(/minuta/);
    expect(agendaChangeProblem('cancelled')).toMatch(/cancelada/);
  });

  it('adds items at the end while held, not once approved or cancelled', () => {
    expect(agendaAdditionProblem('scheduled')).toBeUndefined();
    expect(agendaAdditionProblem('held')).toBeUndefined();
    expect(agendaAdditionProblem('minutes_approved')).toMatch(/minuta/);
    expect(agendaAdditionProblem('cancelled')).toMatch(/cancelada/);
  });

  it('cancels only a session not yet held; a cancelled one takes no attendance nor agreements', () => {
    expect(cancellationProblem('scheduled')).toBeUndefined();
    expect(cancellationProblem('held')).toMatch(/no puede cancelarse/);
    expect(cancellationProblem('minutes_approved')).toMatch(/no puede cancelarse/);
    expect(cancellationProblem('cancelled')).toBe('La sesión ya estaba cancelada.');
    expect(recordingProblem('cancelled')).toMatch(/no admite asistencia/);
    for (const s of ['scheduled', 'held', 'minutes_approved'] as const) {
      expect(recordingProblem(s)).toBeUndefined();
    }
  });

  it('accepts a new agenda order only with every item once', () => {
    expect(agendaOrderProblem(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeUndefined();
    expect(agendaOrderProblem(['a', 'b', 'c'], ['a', 'a', 'b'])).toMatch(/dos veces/);
    expect(agendaOrderProblem(['a', 'b', 'c'], ['a', 'b'])).toMatch(/todos los puntos/);
    expect(agendaOrderProblem(['a', 'b'], ['a', 'x'])).toMatch(/no es de esta sesión/);
  });

  it('gives a cancelled session the number the next session held takes', () => {
    const s = (id: string, heldOn: string, cancelled = false) => ({
      id,
      kind: 'ordinaria' as const,
      heldOn,
      startTime: null,
      cancelled,
    });
    const numbers = numberSessions([
      s('a', '2024-01-25'),
      s('b', '2024-02-22', true),
      s('c', '2024-03-05'),
      s('d', '2024-03-26'),
    ]);
    expect([...numbers.entries()].sort()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 3],
    ]);
  });
});
