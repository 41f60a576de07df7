import { rangeContains, rangesOverlap, type LocalDate } from '../../shared/dates';
import { ordinalInWords } from '../../shared/spanish-words';
import type { AttendanceRole, HeadKind, MandateStatus, MembershipRole, SessionKind } from './contract';

// The status rules the session page shares live in a browser-safe contract file.
export {
  agendaAdditionProblem,
  agendaChangeProblem,
  cancellationProblem,
  recordingProblem,
  sessionStatus,
} from './contract-session-status';

// The governance rules as plain functions: no I/O, unit-tested.

const KIND_WORD: Record<SessionKind, string> = {
  ordinaria: 'ordinaria',
  extraordinaria: 'extraordinaria',
  urgente: 'urgente',
};

/** "primera sesión ordinaria de 2024". */
export function sessionName(number: number, kind: SessionKind, year: number): string {
  return `${ordinalInWords(number, 'f')} sesión ${KIND_WORD[kind]} de ${year}`;
}

/** "1° Ord", "2° Ext", "1° Urg": a column heading of the attendance table. */
export function sessionHeading(number: number, kind: SessionKind): string {
  const short = { ordinaria: 'Ord', extraordinaria: 'Ext', urgente: 'Urg' }[kind];
  return `${number}° ${short}`;
}

type Numberable = {
  id: string;
  kind: SessionKind;
  heldOn: LocalDate;
  startTime: string | null;
  cancelled?: boolean;
};

/**
 * Each session's number within its body, year and kind: its rank by date, then start time (a
 * session without a time comes first), then id for a stable order. Derived, never typed. A
 * cancelled session takes no number of its own: it is named by the number the next session held
 * takes, as the convened "tercera sesión ordinaria" is cancelled and a later one becomes the third.
 */
export function numberSessions<T extends Numberable>(sessions: readonly T[]): Map<string, number> {
  const sorted = [...sessions].sort(
    (a, b) =>
      a.heldOn.localeCompare(b.heldOn) ||
      (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
      a.id.localeCompare(b.id),
  );
  const counters = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (const s of sorted) {
    const key = `${s.heldOn.slice(0, 4)}:${s.kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    if (!s.cancelled) counters.set(key, n);
    numbers.set(s.id, n);
  }
  return numbers;
}

/** "CVOE/006/2024": the prefix, the number with at least three digits, the year. */
export function formatAgreementNumber(prefix: string, number: number, year: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`bad agreement number ${number}`);
  return `${prefix}${String(number).padStart(3, '0')}/${year}`;
}

/** The number and year of "CVOE/006/2024" for the prefix "CVOE/"; undefined if it does not match. */
export function parseAgreementNumber(
  prefix: string,
  text: string,
): { number: number; year: number } | undefined {
  if (!text.startsWith(prefix)) return undefined;
  const m = /^(\d{3,})\/(\d{4})$/.exec(text.slice(prefix.length));
  if (!m) return undefined;
  const number = Number(m[1]);
  const year = Number(m[2]);
  if (number < 1 || year < 1900) return undefined;
  return { number, year };
}

/** Quorum: more than half of the voting members in force that day are present. */
export function quorum(votingMembers: number, votingPresent: number) {
  const required = Math.floor(votingMembers / 2) + 1;
  return { votingMembers, votingPresent, required, reached: votingMembers > 0 && votingPresent >= required };
}

// ---- the roster: who holds which role in a body on a date

export type MembershipFact = {
  id: string;
  role: MembershipRole;
  personId: string | null;
  institutionId: string | null;
  areaId: string | null;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  sortOrder: number;
};
export type HeadFact = {
  areaId: string;
  personId: string;
  headKind: HeadKind;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
};
export type RosterSeat = {
  membershipId: string;
  role: AttendanceRole;
  personId: string | null;
  institutionId: string | null;
  areaId: string | null;
  headKind: HeadKind | null;
  voting: boolean;
  sortOrder: number;
};

const ROLE_ORDER: Record<MembershipRole, number> = {
  president: 0,
  member: 1,
  technical_secretary: 2,
  party_representation: 3,
  area_invitee: 4,
  invitee: 5,
};

/**
 * The seats of a body on `day`: every membership in force, with its holder. An area invitee's holder
 * is the area's head that day (titular or encargado de despacho); no head, no seat. A person who
 * holds a personal role that day (e.g. the Secretario Ejecutivo as technical secretary) sits in that
 * role only, not again as an area head.
 */
export function rosterOn(
  memberships: readonly MembershipFact[],
  heads: readonly HeadFact[],
  day: LocalDate,
): RosterSeat[] {
  const active = memberships.filter((m) => rangeContains(m.startsOn, m.endsOn, day));
  const personal = new Set(
    active.filter((m) => m.role !== 'area_invitee' && m.personId).map((m) => m.personId),
  );
  const seats: RosterSeat[] = [];
  for (const m of active) {
    if (m.role === 'area_invitee') {
      const head = heads.find((h) => h.areaId === m.areaId && rangeContains(h.startsOn, h.endsOn, day));
      if (!head || personal.has(head.personId)) continue;
      seats.push({
        membershipId: m.id,
        role: 'area_head',
        personId: head.personId,
        institutionId: null,
        areaId: m.areaId,
        headKind: head.headKind,
        voting: false,
        sortOrder: m.sortOrder,
      });
    } else {
      seats.push({
        membershipId: m.id,
        role: m.role,
        personId: m.personId,
        institutionId: m.institutionId,
        areaId: null,
        headKind: null,
        voting: m.role === 'president' || m.role === 'member',
        sortOrder: m.sortOrder,
      });
    }
  }
  const roleOf = (s: RosterSeat) => ROLE_ORDER[s.role === 'area_head' ? 'area_invitee' : s.role];
  return seats.sort((a, b) => roleOf(a) - roleOf(b) || a.sortOrder - b.sortOrder);
}

/** The seat a person (or a party, by institution) held on that day, if any. */
export function seatOf(
  seats: readonly RosterSeat[],
  who: { personId?: string | null; institutionId?: string | null },
): RosterSeat | undefined {
  if (who.personId)
    return seats.find((s) => s.personId === who.personId && s.role !== 'party_representation');
  if (who.institutionId) return seats.find((s) => s.institutionId === who.institutionId);
  return undefined;
}

/**
 * Minutes are approved by an agreement adopted at a later session of the same body: a session
 * cannot approve its own minutes, nor those of a session held after it.
 */
export function minutesApprovalProblem(
  recorded: { bodyId: string; heldOn: LocalDate },
  approving: { bodyId: string; heldOn: LocalDate } | null,
): string | undefined {
  if (!approving) return 'El acuerdo no fue adoptado en una sesión';
  if (approving.bodyId !== recorded.bodyId) return 'El acuerdo es de otro órgano colegiado';
  if (approving.heldOn <= recorded.heldOn) {
    return 'La minuta se aprueba mediante un acuerdo de una sesión posterior a la que registra';
  }
  return undefined;
}

/** A mandate is overdue when its due date has passed and it is neither fulfilled nor cancelled. */
export function isOverdue(m: { dueOn: LocalDate | null; status: MandateStatus }, today: LocalDate): boolean {
  return m.dueOn !== null && m.dueOn < today && m.status !== 'fulfilled' && m.status !== 'cancelled';
}

/** Roles that one person holds at a time in a body. */
const SINGLE_SEAT_ROLES: readonly MembershipRole[] = ['president', 'technical_secretary'];

/**
 * Why a membership cannot coexist with the body's others: the same person, party or area twice at
 * once, or two presidents or two technical secretaries on the same day. Undefined when it can.
 */
export function membershipClash(
  others: readonly MembershipFact[],
  candidate: Omit<MembershipFact, 'id' | 'sortOrder'> & { id?: string },
): { with: MembershipFact; reason: 'same_holder' | 'single_seat' } | undefined {
  const range = { from: candidate.startsOn, to: candidate.endsOn };
  for (const m of others) {
    if (m.id === candidate.id || !rangesOverlap(range, { from: m.startsOn, to: m.endsOn })) continue;
    const personal = (r: MembershipRole) => r !== 'party_representation' && r !== 'area_invitee';
    const sameHolder =
      candidate.role === 'party_representation'
        ? m.role === 'party_representation' && m.institutionId === candidate.institutionId
        : candidate.role === 'area_invitee'
          ? m.role === 'area_invitee' && m.areaId === candidate.areaId
          : personal(m.role) && m.personId === candidate.personId;
    if (sameHolder) return { with: m, reason: 'same_holder' };
    if (SINGLE_SEAT_ROLES.includes(candidate.role) && m.role === candidate.role) {
      return { with: m, reason: 'single_seat' };
    }
  }
  return undefined;
}

/** Why `ids` is not a new order of the agenda: it must name every item of the session once. */
export function agendaOrderProblem(current: readonly string[], ids: readonly string[]): string | undefined {
  if (new Set(ids).size !== ids.length) return 'Un punto aparece dos veces en el nuevo orden';
  const known = new Set(current);
  if (ids.some((i) => !known.has(i))) return 'El nuevo orden incluye un punto que no es de esta sesión';
  if (ids.length !== current.length) return 'El nuevo orden debe incluir todos los puntos de la sesión';
  return undefined;
}
