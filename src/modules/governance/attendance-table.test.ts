import { describe, expect, it } from 'vitest';
import { buildAttendanceTable, type TableInput } from './attendance-table';
import { roleChangeFootnote, seatLabel, seatLine } from './labels';
import type { RosterSeat } from './rules';

const seat = (s: Partial<RosterSeat> & Pick<RosterSeat, 'membershipId' | 'role'>): RosterSeat => ({
  personId: null,
  institutionId: null,
  areaId: null,
  headKind: null,
  voting: false,
  sortOrder: 0,
  ...s,
});

describe('labels', () => {
  const area = (kind: string) => ({ name: 'Unidad Técnica de Asuntos Jurídicos', acronym: 'UTAJ', kind });
  it('names each capacity as the report does', () => {
    expect(seatLabel({ role: 'president', headKind: null, gender: 'female' })).toBe('Presidencia');
    expect(seatLabel({ role: 'technical_secretary', headKind: null, gender: 'female' })).toBe(
      'Secretaria técnica',
    );
    expect(
      seatLabel({ role: 'area_head', headKind: 'titular', gender: 'female', area: area('technical_unit') }),
    ).toBe('Titular de la UTAJ');
    expect(
      seatLabel({
        role: 'area_head',
        headKind: 'encargado_de_despacho',
        gender: 'male',
        area: area('technical_unit'),
      }),
    ).toBe('Encargado de despacho de la UTAJ');
    expect(
      seatLine(
        { role: 'area_head', headKind: 'titular', gender: 'female', area: area('technical_unit') },
        'María',
      ),
    ).toBe('Titular de la Unidad Técnica de Asuntos Jurídicos, María');
    expect(
      seatLine(
        {
          role: 'area_head',
          headKind: 'titular',
          gender: 'male',
          area: { name: 'Secretaría Ejecutiva', acronym: 'SE', kind: 'executive_secretariat' },
        },
        'Bernardo',
      ),
    ).toBe('Secretaría Ejecutiva, Bernardo');
    expect(
      seatLine({ role: 'party_representation', headKind: null, gender: 'unspecified' }, 'Partido Uno'),
    ).toBe('Partido Uno');
  });

  it('writes the footnote of a replaced technical secretary with agreement and articles', () => {
    expect(
      roleChangeFootnote({
        successorName: 'Ana Ruiz',
        successorHonorific: 'Mtra.',
        successorGender: 'female',
        agreementNumber: 'CX/004/2025',
        formerTitle: 'Secretaria Ejecutiva',
        formerGender: 'female',
      }),
    ).toBe(
      'Derivado de la designación de la maestra Ana Ruiz como secretaria técnica (Acuerdo CX/004/2025), las asistencias posteriores de la Secretaria Ejecutiva se registraron en el apartado correspondiente.',
    );
    expect(
      roleChangeFootnote({
        successorName: 'Luis Paz',
        successorHonorific: null,
        successorGender: 'male',
        agreementNumber: 'CX/001/2025',
        formerTitle: 'Director',
        formerGender: 'male',
      }),
    ).toMatch(/^Derivado de la designación de Luis Paz como secretario técnico .* del Director se/);
  });
});

describe('attendance table', () => {
  const sessions: TableInput['sessions'] = [
    {
      id: 's1',
      number: 1,
      kind: 'ordinaria',
      heldOn: '2024-01-25',
      name: 'primera sesión ordinaria de 2024',
    },
    {
      id: 's2',
      number: 2,
      kind: 'ordinaria',
      heldOn: '2024-02-22',
      name: 'segunda sesión ordinaria de 2024',
    },
  ];
  const people = new Map(
    ['ana', 'ber', 'alv'].map((id) => [
      id,
      { id, fullName: id.toUpperCase(), gender: 'male', honorific: null },
    ]),
  );
  const areas = new Map([
    ['se', { id: 'se', name: 'Secretaría Ejecutiva', acronym: 'SE', kind: 'executive_secretariat' }],
  ]);
  const input = (present: [string, string][], notes: TableInput['notes'] = []): TableInput => ({
    sessions,
    seats: new Map([
      [
        's1',
        [
          seat({ membershipId: 'p', role: 'president', personId: 'ana', voting: true }),
          seat({ membershipId: 'st1', role: 'technical_secretary', personId: 'ber' }),
        ],
      ],
      [
        's2',
        [
          seat({ membershipId: 'p', role: 'president', personId: 'ana', voting: true }),
          seat({ membershipId: 'st2', role: 'technical_secretary', personId: 'alv' }),
          seat({ membershipId: 'se', role: 'area_head', personId: 'ber', areaId: 'se', headKind: 'titular' }),
        ],
      ],
    ]),
    attendance: new Map(
      present.map(([s, m]) => [
        `${s}:${m}`,
        { personId: m === 'p' ? 'ana' : m === 'st1' || m === 'se' ? 'ber' : 'alv', present: true },
      ]),
    ),
    people,
    institutions: new Map(),
    areas,
    notes,
  });

  it('gives a row per person and capacity, a cell per session, counts and percentages', () => {
    const t = buildAttendanceTable(
      input([
        ['s1', 'p'],
        ['s1', 'st1'],
        ['s2', 'st2'],
        ['s2', 'se'],
      ]),
    );
    expect(t.sessions.map((s) => s.heading)).toEqual(['1° Ord', '2° Ord']);
    expect(t.rows.map((r) => [r.line, r.attended, r.count, r.held, r.percent])).toEqual([
      ['Presidencia: ANA', [true, false], 1, 2, 50],
      ['Secretario técnico: BER', [true, false], 1, 1, 100],
      ['Secretario técnico: ALV', [false, true], 1, 1, 100],
      ['Secretaría Ejecutiva, BER', [false, true], 1, 1, 100],
    ]);
    expect(t.footnotes).toEqual([]);
  });

  it('attaches a role-change note only when the person attended later in another capacity', () => {
    const notes = [{ membershipId: 'st1', personId: 'ber', text: 'Nota' }];
    const withLater = buildAttendanceTable(
      input(
        [
          ['s1', 'st1'],
          ['s2', 'se'],
        ],
        notes,
      ),
    );
    expect(withLater.rows.find((r) => r.line === 'Secretario técnico: BER')!.footnote).toBe(1);
    expect(withLater.footnotes).toEqual(['Nota']);
    const without = buildAttendanceTable(input([['s1', 'st1']], notes));
    expect(without.footnotes).toEqual([]);
    expect(without.rows.every((r) => r.footnote === null)).toBe(true);
  });
});
