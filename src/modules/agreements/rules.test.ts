import { describe, expect, it } from 'vitest';
import { alertDueOn, alertSchedule } from './alerts';
import { defaultOpinionPrefix, formatOpinionNumber, opinionScope } from './opinion-number';
import { ALLOWED_TRANSITIONS, canTransition, statusProblem } from './contract-status';
import { chainTitle, linkWord, ownTitle, type TitlePart } from './title';
import { effectiveEnd, validityProblems } from './validity';
import { INSTRUMENT_STATUSES } from './contract';

const part = (p: Partial<TitlePart> & { typeName: string }): TitlePart => ({
  gender: 'm',
  ordinal: null,
  designation: null,
  subject: null,
  linkPreposition: 'a',
  ...p,
});

const convenioGeneral = part({
  typeName: 'Convenio General de Coordinación y Colaboración',
  subject: 'entre el IECM y el Instituto Nacional Electoral (INE)',
});
const anexoTecnico = part({ typeName: 'Anexo Técnico', ordinal: 1 });
const anexoFinanciero = part({ typeName: 'Anexo Financiero', linkPreposition: 'de' });

describe('chain titles', () => {
  it('names a root by its type, ordinal and subject', () => {
    expect(ownTitle(convenioGeneral)).toBe(
      'Convenio General de Coordinación y Colaboración entre el IECM y el Instituto Nacional Electoral (INE)',
    );
    expect(ownTitle(part({ typeName: 'Adenda', ordinal: 2 }))).toBe('Adenda Número Dos');
    expect(ownTitle(part({ typeName: 'Anexo Técnico', ordinal: 21 }))).toBe('Anexo Técnico Número Veintiuno');
    expect(
      ownTitle(part({ typeName: 'Convenio Modificador', designation: 'Primer Convenio Modificador' })),
    ).toBe('Primer Convenio Modificador');
  });

  it('derives the title of an addendum four levels deep', () => {
    const adenda = part({ typeName: 'Adenda', gender: 'f', ordinal: 2, linkPreposition: 'a' });
    expect(chainTitle([adenda, anexoFinanciero, anexoTecnico, convenioGeneral])).toBe(
      'Adenda Número Dos al Anexo Financiero del Anexo Técnico Número Uno al Convenio General de ' +
        'Coordinación y Colaboración entre el IECM y el Instituto Nacional Electoral (INE)',
    );
  });

  it('reproduces the reference title of the third instrument signed (linked with "del")', () => {
    const adenda = part({ typeName: 'Adenda', gender: 'f', ordinal: 2, linkPreposition: 'de' });
    expect(chainTitle([adenda, anexoTecnico, convenioGeneral])).toBe(
      'Adenda Número Dos del Anexo Técnico Número Uno al Convenio General de Coordinación y ' +
        'Colaboración entre el IECM y el Instituto Nacional Electoral (INE)',
    );
  });

  it('agrees the link with the parent gender', () => {
    expect(linkWord('a', 'm')).toBe('al');
    expect(linkWord('de', 'm')).toBe('del');
    expect(linkWord('a', 'f')).toBe('a la');
    expect(linkWord('de', 'f')).toBe('de la');
    const carta = part({ typeName: 'Carta Intención', gender: 'f', subject: 'entre el IECM y la UNAM' });
    expect(chainTitle([part({ typeName: 'Programa de Trabajo' }), carta])).toBe(
      'Programa de Trabajo a la Carta Intención entre el IECM y la UNAM',
    );
  });

  it('refuses an empty chain', () => {
    expect(() => chainTitle([])).toThrow(RangeError);
  });
});

describe('status transitions', () => {
  it('follows the life of an instrument', () => {
    expect(canTransition('negotiation', 'signature')).toBe(true);
    expect(canTransition('signature', 'in_force')).toBe(true);
    expect(canTransition('in_force', 'to_renegotiate')).toBe(true);
    expect(canTransition('to_renegotiate', 'in_force')).toBe(true);
    expect(canTransition('in_force', 'terminated_early')).toBe(true);
  });

  it('refuses leaving a final status or skipping signature', () => {
    for (const to of INSTRUMENT_STATUSES) {
      expect(canTransition('concluded', to)).toBe(false);
      expect(canTransition('terminated_early', to)).toBe(false);
    }
    expect(canTransition('negotiation', 'in_force')).toBe(false);
    expect(canTransition('negotiation', 'terminated_early')).toBe(false);
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual([...INSTRUMENT_STATUSES].sort());
  });

  it('explains why a status cannot be entered', () => {
    expect(statusProblem(null, 'negotiation', null)).toBeNull();
    expect(statusProblem(null, 'concluded', null)).toMatch(/nuevo/);
    expect(statusProblem(null, 'in_force', null)).toMatch(/fecha de firma/);
    expect(statusProblem('signature', 'in_force', null)).toMatch(/fecha de firma/);
    expect(statusProblem('signature', 'in_force', '2024-02-01')).toBeNull();
    expect(statusProblem('in_force', 'in_force', '2024-02-01')).toMatch(/ya tiene/);
    expect(statusProblem('concluded', 'in_force', '2024-02-01')).toMatch(/No se puede/);
  });
});

describe('validity', () => {
  it('refuses an end before the start', () => {
    expect(
      validityProblems({ validityKind: 'dated', validFrom: '2024-03-01', validUntil: '2024-02-29' }, false),
    ).toEqual([{ path: 'validUntil', message: 'La vigencia no puede terminar antes de comenzar' }]);
    expect(
      validityProblems({ validityKind: 'dated', validFrom: '2024-03-01', validUntil: '2024-03-01' }, false),
    ).toEqual([]);
  });

  it('ties validity to a parent only for children, and without an own end', () => {
    expect(
      validityProblems({ validityKind: 'parent', validFrom: null, validUntil: null }, false),
    ).toMatchObject([{ path: 'validityKind' }]);
    expect(
      validityProblems({ validityKind: 'indefinite', validFrom: null, validUntil: '2025-01-01' }, true),
    ).toMatchObject([{ path: 'validUntil' }]);
  });

  it('resolves the effective end up the chain', () => {
    const root = { validityKind: 'dated' as const, validFrom: '2023-09-01', validUntil: '2024-12-31' };
    const tied = { validityKind: 'parent' as const, validFrom: null, validUntil: null };
    expect(effectiveEnd([tied, tied, root])).toBe('2024-12-31');
    expect(effectiveEnd([{ ...root, validUntil: '2024-06-30' }, root])).toBe('2024-06-30');
    expect(
      effectiveEnd([tied, { validityKind: 'indefinite', validFrom: null, validUntil: null }]),
    ).toBeNull();
  });
});

describe('expiry alert schedule', () => {
  const base = { leadDays: 30, repeatEveryDays: 7, lastActionOn: null };

  it('alerts N days before the end and every K days until the end', () => {
    expect(alertSchedule({ ...base, endDate: '2024-06-30' })).toEqual([
      '2024-05-31',
      '2024-06-07',
      '2024-06-14',
      '2024-06-21',
      '2024-06-28',
    ]);
    expect(alertSchedule({ ...base, endDate: null })).toEqual([]);
  });

  it('worked example: a renewal stops the old schedule and the new end starts a new one', () => {
    // Convenio ending 2024-06-30; alerts on 31 May and 7 June; renewed on 10 June until 2025-06-30.
    const before = alertSchedule({ ...base, endDate: '2024-06-30', lastActionOn: '2024-06-10' });
    expect(before).toEqual(['2024-05-31', '2024-06-07']);
    // After the renewal the current end is 2025-06-30: the June 2024 action predates the new
    // schedule, which starts 30 days before the new end.
    const after = alertSchedule({ ...base, endDate: '2025-06-30', lastActionOn: '2024-06-10' });
    expect(after).toEqual(['2025-05-31', '2025-06-07', '2025-06-14', '2025-06-21', '2025-06-28']);
    expect(
      alertDueOn({ ...base, endDate: '2025-06-30', lastActionOn: '2024-06-10' }, '2024-06-14'),
    ).toBeNull();
    expect(alertDueOn({ ...base, endDate: '2025-06-30', lastActionOn: '2024-06-10' }, '2025-06-07')).toBe(
      '2025-06-07',
    );
  });

  it('stops repeating once someone acts', () => {
    expect(alertSchedule({ ...base, endDate: '2024-06-30', lastActionOn: '2024-05-31' })).toEqual([]);
    expect(alertSchedule({ ...base, endDate: '2024-06-30', lastActionOn: '2024-06-20' })).toEqual([
      '2024-05-31',
      '2024-06-07',
      '2024-06-14',
    ]);
  });
});

describe('opinion numbers', () => {
  it('formats <prefix>/NN/YYYY with at least two digits', () => {
    expect(formatOpinionNumber('IECM/SE/DVOE/OP', 1, 2024)).toBe('IECM/SE/DVOE/OP/01/2024');
    expect(formatOpinionNumber('IECM/SE/DVOE/OP', 14, 2024)).toBe('IECM/SE/DVOE/OP/14/2024');
    expect(formatOpinionNumber('X/OP', 123, 2025)).toBe('X/OP/123/2025');
    expect(() => formatOpinionNumber('X', 0, 2024)).toThrow(RangeError);
    expect(opinionScope(2024)).toBe('opinion:2024');
    expect(defaultOpinionPrefix('IECM')).toBe('IECM/SE/DVOE/OP');
  });
});
