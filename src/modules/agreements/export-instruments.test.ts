import { describe, expect, it } from 'vitest';
import type { Instrument } from './contract';
import { INSTRUMENT_COLUMNS, instrumentTable } from './export-instruments';

const base: Instrument = {
  id: '00000000-0000-4000-8000-000000000001',
  typeId: '00000000-0000-4000-8000-000000000002',
  typeName: 'Convenio de Coordinación y Colaboración',
  parentId: null,
  ordinal: null,
  designation: null,
  subject: 'entre el IECM, el INE y la SSC',
  linkPreposition: 'a',
  title: 'Convenio de Coordinación y Colaboración entre el IECM, el INE y la SSC',
  organizationIsParty: true,
  parties: [
    {
      institutionId: '00000000-0000-4000-8000-000000000003',
      name: 'Instituto Nacional Electoral',
      acronym: 'INE',
    },
    {
      institutionId: '00000000-0000-4000-8000-000000000004',
      name: 'Secretaría de Seguridad Ciudadana',
      acronym: null,
    },
  ],
  areas: [{ id: '00000000-0000-4000-8000-000000000005', name: 'Secretaría Ejecutiva' }],
  object: null,
  signedOn: '2024-02-01',
  validityKind: 'indefinite',
  validFrom: null,
  validUntil: null,
  effectiveEnd: null,
  renewalTerms: null,
  status: 'in_force',
  notes: null,
  createdAt: '2024-02-01T00:00:00.000Z',
  updatedAt: '2024-02-01T00:00:00.000Z',
};

describe('register export rows', () => {
  it('names the own side by acronym, parties by acronym or name, and labels status and validity in Spanish', () => {
    const table = instrumentTable([base], 'IECM');
    expect(table.columns).toBe(INSTRUMENT_COLUMNS);
    expect(table.rows).toEqual([
      [
        base.title,
        'Convenio de Coordinación y Colaboración',
        'IECM | INE | Secretaría de Seguridad Ciudadana',
        'Secretaría Ejecutiva',
        '',
        '2024-02-01',
        '',
        'Indefinida',
        'Vigente',
      ],
    ]);
    expect(table.rows[0]).toHaveLength(INSTRUMENT_COLUMNS.length);
  });

  it('shows the current end after renewals and leaves the own side out when the organization is not a party', () => {
    const renewed = {
      ...base,
      organizationIsParty: false,
      validityKind: 'dated' as const,
      validFrom: '2023-01-01',
      validUntil: '2025-06-30',
      effectiveEnd: '2025-06-30',
      status: 'to_renegotiate' as const,
    };
    const [row] = instrumentTable([renewed], 'IECM').rows;
    expect(row![2]).toBe('INE | Secretaría de Seguridad Ciudadana');
    expect(row!.slice(6)).toEqual(['2023-01-01', '2025-06-30', 'Por renegociar']);
  });
});
