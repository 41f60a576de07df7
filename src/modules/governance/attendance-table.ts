import type { AttendanceTable } from './contract';
import { seatLabel, seatLine } from './labels';
import { sessionHeading, type RosterSeat } from './rules';
import type { AreaInfo, InstitutionInfo, PersonInfo } from './repository';

// The attendance report as the reference prints it: one row per person (or party) and capacity,
// one column per session, a tick where they attended, a footnote where a role changed.

export type TableSession = {
  id: string;
  number: number;
  kind: 'ordinaria' | 'extraordinaria' | 'urgente';
  heldOn: string;
  name: string;
};
export type TableInput = {
  sessions: TableSession[];
  /** The roster of each session (seats held that day). */
  seats: Map<string, RosterSeat[]>;
  /** Recorded attendance: `${sessionId}:${membershipId}` → present, for the person recorded. */
  attendance: Map<string, { personId: string | null; present: boolean }>;
  people: Map<string, PersonInfo>;
  institutions: Map<string, InstitutionInfo>;
  areas: Map<string, AreaInfo>;
  /** Notes for a seat whose holder was replaced by agreement: attached to that person's row. */
  notes: { membershipId: string; personId: string; text: string }[];
};

const ROLE_ORDER = [
  'president',
  'member',
  'technical_secretary',
  'party_representation',
  'area_head',
  'invitee',
];

type Row = AttendanceTable['rows'][number] & { order: [number, number, number]; membershipIds: Set<string> };

export function buildAttendanceTable(input: TableInput): AttendanceTable {
  const rows = new Map<string, Row>();
  input.sessions.forEach((session, index) => {
    for (const seat of input.seats.get(session.id) ?? []) {
      const key = [
        seat.role,
        seat.areaId ?? '',
        seat.headKind ?? '',
        seat.personId ?? seat.institutionId,
      ].join(':');
      let row = rows.get(key);
      if (!row) {
        const p = seat.personId ? input.people.get(seat.personId) : undefined;
        const name = seat.institutionId
          ? (input.institutions.get(seat.institutionId)?.name ?? '')
          : (p?.fullName ?? '');
        const names = {
          role: seat.role,
          headKind: seat.headKind,
          gender: p?.gender ?? 'unspecified',
          area: seat.areaId ? input.areas.get(seat.areaId) : null,
        };
        row = {
          role: seat.role,
          roleLabel: seatLabel(names),
          line: seatLine(names, name),
          name,
          personId: seat.personId,
          institutionId: seat.institutionId,
          attended: input.sessions.map(() => false),
          count: 0,
          held: 0,
          percent: 0,
          footnote: null,
          order: [ROLE_ORDER.indexOf(seat.role), seat.sortOrder, index],
          membershipIds: new Set(),
        };
        rows.set(key, row);
      }
      row.membershipIds.add(seat.membershipId);
      row.held++;
      const entry = input.attendance.get(`${session.id}:${seat.membershipId}`);
      if (entry?.present && entry.personId === seat.personId) {
        row.attended[index] = true;
        row.count++;
      }
    }
  });
  const sorted = [...rows.values()].sort(
    (a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2],
  );
  const footnotes: string[] = [];
  for (const row of sorted) {
    const note = input.notes.find(
      (n) => row.membershipIds.has(n.membershipId) && n.personId === row.personId,
    );
    // The note explains where the person's later attendance went: only when it went somewhere.
    if (note && sorted.some((other) => other !== row && other.personId === row.personId && other.count > 0)) {
      footnotes.push(note.text);
      row.footnote = footnotes.length;
    }
  }
  return {
    sessions: input.sessions.map((s) => ({
      id: s.id,
      heading: sessionHeading(s.number, s.kind),
      name: s.name,
      heldOn: s.heldOn,
    })),
    rows: sorted.map(({ order: _o, membershipIds: _m, ...r }) => ({
      ...r,
      percent: r.held ? Math.round((r.count / r.held) * 1000) / 10 : 0,
    })),
    footnotes,
  };
}
