import { describe, expect, it } from 'vitest';
import { mapHeader } from '../platform/spreadsheets/import-problems';
import {
  type CheckedFolioRow,
  checkFolioRow,
  FOLIO_IMPORT_COLUMNS,
  normalizeDay,
  parseDueRule,
  planFolioRows,
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

  it('plans new folios, leaves equal ones, refuses changed and repeated ones', () => {
    const input = (subject: string) =>
      ({
        module: 'follow_up',
        folio: '1/2024',
        documentType: 'oficio',
        nature: 'for_attention',
        subject,
        body: '',
        sentOn: '2024-01-08',
        receivedOn: '2024-01-08',
        dueRule: null,
      }) as const;
    const rows: CheckedFolioRow[] = [
      { row: 2, key: 'follow_up:1/2024', input: input('Nuevo'), problems: [] },
      { row: 3, key: 'follow_up:1/2024', input: input('Nuevo'), problems: [] },
      { row: 4, key: 'follow_up:2/2024', input: input('Igual'), problems: [] },
      { row: 5, key: 'follow_up:3/2024', input: input('Otro asunto'), problems: [] },
      {
        row: 6,
        label: '4/2024 · Con error',
        problems: [{ row: 6, field: 'tipo', message: 'Valor no reconocido' }],
      },
      { row: 7, problems: [{ row: 7, field: 'folio', message: 'Este dato es obligatorio' }] },
    ];
    const registered = {
      subject: 'Igual',
      documentType: 'oficio',
      sentOn: '2024-01-08',
      receivedOn: '2024-01-08',
    };
    const plan = planFolioRows(
      rows,
      new Map([
        ['follow_up:2/2024', registered],
        ['follow_up:3/2024', { ...registered, subject: 'Asunto registrado', receivedOn: '2024-01-09' }],
      ]),
    );
    expect(plan.map((p) => [p.plan.row, p.plan.outcome, p.plan.label])).toEqual([
      [2, 'create', '1/2024 · Nuevo'],
      [3, 'refused', '1/2024 · Nuevo'],
      [4, 'unchanged', '2/2024 · Igual'],
      [5, 'refused', '3/2024 · Otro asunto'],
      [6, 'refused', '4/2024 · Con error'],
      [7, 'refused', '—'],
    ]);
    expect(plan.map((p) => p.plan.problems)).toEqual([
      [],
      [{ field: 'folio', message: 'El folio 1/2024 ya aparece en la fila 2 del archivo' }],
      [],
      [
        {
          field: 'asunto',
          message:
            'El folio 3/2024 ya está registrado con otros datos (asunto, fecha_recepcion); un folio registrado se corrige en su página, no con un archivo',
        },
      ],
      [{ field: 'tipo', message: 'Valor no reconocido' }],
      [{ field: 'folio', message: 'Este dato es obligatorio' }],
    ]);
    // Only the new folio carries what registering it needs.
    expect(plan.map((p) => Boolean(p.input))).toEqual([true, false, false, false, false, false]);
  });
});
