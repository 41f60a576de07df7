import { describe, expect, it } from 'vitest';
import { mapHeader } from '../platform/spreadsheets/import-problems';
import {
  type CheckedFolioRow,
  checkFolioRow,
  flagDuplicateFolios,
  FOLIO_IMPORT_COLUMNS,
  normalizeDay,
  parseDueRule,
} from './folio-import-rules';

describe('due rules as people write them', () => {
  it.each([
    ['5 días hábiles', { kind: 'business_days', days: 5 }],
    ['1 DIA HABIL', { kind: 'business_days', days: 1 }],
    ['10 días naturales', { kind: 'natural_days', days: 10 }],
    ['el último día hábil de cada mes', { kind: 'last_business_day_of_month' }],
    ['Último día hábil del mes', { kind: 'last_business_day_of_month' }],
    ['primeros 5 días hábiles del mes', { kind: 'first_days_of_month', days: 5, count: 'business' }],
    [
      'dentro de los primeros 10 días naturales de cada mes',
      { kind: 'first_days_of_month', days: 10, count: 'natural' },
    ],
    ['2024-03-15', { kind: 'fixed_date', date: '2024-03-15' }],
    ['15/03/2024', { kind: 'fixed_date', date: '2024-03-15' }],
  ])('"%s"', (text, rule) => expect(parseDueRule(text)).toEqual(rule));

  it('leaves what it does not understand', () => {
    expect(parseDueRule('cuando se pueda')).toBeUndefined();
    expect(parseDueRule('cinco días')).toBeUndefined();
  });

  it('reads day/month/year dates', () => {
    expect(normalizeDay('8/1/2024')).toBe('2024-01-08');
    expect(normalizeDay(' 2024-01-08 ')).toBe('2024-01-08');
  });
});

describe('a row of the import', () => {
  const sheet = {
    header: {
      row: 1,
      cells: ['Módulo', 'FOLIO', 'tipo', 'asunto', 'fecha envio', 'fecha_recepcion', 'plazo'],
    },
    rows: [],
  };
  const header = mapHeader(FOLIO_IMPORT_COLUMNS, sheet);

  it('recognizes headers written with accents, capitals and spaces', () => {
    expect(header.fatal).toEqual([]);
    expect(header.at.size).toBe(7);
  });

  it('becomes the input of registering a received folio', () => {
    const r = checkFolioRow(header, {
      row: 2,
      cells: [
        'Consulta y documentos',
        '12/2024',
        'Acuerdo',
        'Remisión del acuerdo',
        '10/01/2024',
        '2024-01-10',
        '',
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.key).toBe('consultation:12/2024');
    expect(r.input).toMatchObject({
      module: 'consultation',
      documentType: 'acuerdo',
      sentOn: '2024-01-10',
      dueRule: null,
    });
  });

  it('names each bad cell by its column, with the schema’s own rules', () => {
    const r = checkFolioRow(header, {
      row: 3,
      cells: ['Seguimiento', '12-2024', 'Acuerdo', 'X', '2024-01-10', '2024-02-30', '3 semanas'],
    });
    expect(r.input).toBeUndefined();
    expect(r.problems.map((p) => p.field).sort()).toEqual(
      ['fecha_recepcion', 'folio', 'plazo', 'tipo'].sort(),
    );
  });

  it('flags folios already registered and repeated rows', () => {
    const rows: CheckedFolioRow[] = [
      { row: 2, key: 'follow_up:1/2024', input: {} as never, problems: [] },
      { row: 3, key: 'follow_up:1/2024', input: {} as never, problems: [] },
      { row: 4, key: 'follow_up:2/2024', input: {} as never, problems: [] },
    ];
    flagDuplicateFolios(rows, new Set(['follow_up:2/2024']));
    expect(rows.map((r) => r.problems.map((p) => p.message))).toEqual([
      [],
      ['El folio 1/2024 ya aparece en la fila 2 del archivo'],
      ['El folio 2/2024 ya está registrado en este módulo'],
    ]);
  });
});
