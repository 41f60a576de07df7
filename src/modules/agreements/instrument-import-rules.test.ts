import { describe, expect, it } from 'vitest';
import '../../shared/zod-setup';
import { mapHeader, type Sheet } from '../platform/spreadsheets/import-problems';
import { planAnswer } from '../platform/spreadsheets/import-plan';
import { INSTRUMENT_COLUMNS } from './export-instruments';
import {
  cellDay,
  INSTRUMENT_IMPORT_COLUMNS,
  parseOpinionNumber,
  planInstrumentRows,
  resolveName,
  titleParts,
  type ExistingInstrument,
  type Lookups,
} from './instrument-import-rules';

const HEADERS = INSTRUMENT_IMPORT_COLUMNS.map((c) => c.header);
const TITLE = 'Convenio de Colaboración entre el IECM y la UAM';

const lookups: Lookups = {
  types: [
    { id: 't-colab', name: 'Convenio de Colaboración' },
    { id: 't-adenda', name: 'Adenda' },
  ],
  institutions: [
    { id: 'i-uam', name: 'Universidad Autónoma Metropolitana', acronym: 'UAM' },
    { id: 'i-ine', name: 'Instituto Nacional Electoral', acronym: 'INE' },
    { id: 'i-x1', name: 'Colegio de México', acronym: 'COLMEX' },
    { id: 'i-x2', name: 'Colegio de Michoacán', acronym: 'COLMEX' },
  ],
  areas: [{ id: 'a-dvoe', name: 'Dirección de Vinculación', acronym: 'DVOE' }],
  own: { name: 'Instituto Electoral de la Ciudad de México', acronym: 'IECM' },
  instruments: [],
  opinions: [],
};

function sheet(...rows: string[][]): Sheet {
  return {
    header: { row: 1, cells: HEADERS },
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  };
}

/** A valid row: the example instrument, in force, with its opinion. */
function row(over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    Instrumento: TITLE,
    Tipo: 'convenio de colaboracion',
    Partes: 'IECM | UAM',
    'Áreas responsables': 'DVOE',
    Objeto: 'Cultura cívica',
    'Fecha de firma': '15/03/2024',
    'Inicio de vigencia': '2024-03-15',
    'Término de vigencia': '31/12/2026',
    Estado: 'Vigente',
    'Opinión de pertinencia': 'IECM/SE/DVOE/OP/3/2024',
    'Fecha de la opinión': '01/03/2024',
  };
  return HEADERS.map((h) => (h in over ? over[h]! : base[h]!));
}

function plan(s: Sheet, l: Lookups = lookups) {
  return planInstrumentRows(mapHeader(INSTRUMENT_IMPORT_COLUMNS, s), s.rows, l);
}

const noOpinion = { 'Opinión de pertinencia': '', 'Fecha de la opinión': '' };

const stored: ExistingInstrument = {
  id: 'x-1',
  title: TITLE,
  parentId: null,
  typeId: 't-colab',
  partyIds: ['i-uam'],
  areaIds: ['a-dvoe'],
  object: 'Cultura cívica',
  signedOn: '2024-03-15',
  validFrom: '2024-03-15',
  validityKind: 'dated',
  validUntil: '2026-12-31',
  effectiveEnd: '2026-12-31',
  status: 'in_force',
};

describe('cells of the register import', () => {
  it('reads days as DD/MM/AAAA or AAAA-MM-DD and names the day that does not exist', () => {
    expect(cellDay('5/3/2024')).toEqual({ day: '2024-03-05' });
    expect(cellDay('2024-03-05')).toEqual({ day: '2024-03-05' });
    expect(cellDay('')).toEqual({ day: null });
    expect(cellDay('31/02/2024')).toEqual({ problem: 'El 31 de febrero de 2024 no existe' });
    expect(cellDay('marzo')).toEqual({
      problem: '«marzo» no es una fecha: escríbala como DD/MM/AAAA (p. ej. 31/12/2024)',
    });
  });

  it('reads an opinion number with its year and sequence, written with two digits', () => {
    expect(parseOpinionNumber('IECM/SE/DVOE/OP/3/2024')).toEqual({
      number: 'IECM/SE/DVOE/OP/03/2024',
      year: 2024,
      sequence: 3,
    });
    expect(parseOpinionNumber('OP/120/2023')).toMatchObject({ sequence: 120, year: 2023 });
    for (const bad of ['03/2024', 'IECM/OP/0/2024', 'IECM/OP/03', 'IECM/OP/03/24']) {
      expect(parseOpinionNumber(bad), bad).toBeUndefined();
    }
  });

  it('finds records by name first, then by acronym, and says when a text names several', () => {
    expect(resolveName(lookups.institutions, 'universidad autonoma metropolitana')).toEqual({ id: 'i-uam' });
    expect(resolveName(lookups.institutions, 'ine')).toEqual({ id: 'i-ine' });
    expect(resolveName(lookups.institutions, 'COLMEX')).toEqual({ problem: 'ambiguous' });
    expect(resolveName(lookups.institutions, 'UNAM')).toEqual({ problem: 'unknown' });
  });

  it('splits a title into the type and its subject when it starts with the type', () => {
    expect(titleParts(TITLE, 'Convenio de Colaboración')).toEqual({
      designation: null,
      subject: 'entre el IECM y la UAM',
    });
    expect(titleParts('CONVENIO DE COLABORACION   entre A y B', 'Convenio de Colaboración')).toEqual({
      designation: null,
      subject: 'entre A y B',
    });
    expect(titleParts('Primer Convenio Modificador', 'Convenio Modificador')).toEqual({
      designation: 'Primer Convenio Modificador',
      subject: null,
    });
  });

  it('recognizes every header of the register export, so an exported file imports back', () => {
    const keys = new Set(INSTRUMENT_IMPORT_COLUMNS.map((c) => c.header));
    for (const c of INSTRUMENT_COLUMNS) expect(keys.has(c.header), c.header).toBe(true);
  });
});

describe('planning the rows against the register', () => {
  it('creates an unknown title with its names resolved, skipping the organization among the parties', () => {
    const [p] = plan(sheet(row()));
    expect(p!.plan).toEqual({ row: 2, outcome: 'create', label: TITLE, changes: [], problems: [] });
    expect(p!.values).toMatchObject({
      typeId: 't-colab',
      partyIds: ['i-uam'],
      areaIds: ['a-dvoe'],
      signedOn: '2024-03-15',
      validity: { kind: 'dated', until: '2026-12-31' },
      status: 'in_force',
    });
    expect(p!.opinion).toEqual({
      number: 'IECM/SE/DVOE/OP/03/2024',
      year: 2024,
      sequence: 3,
      issuedOn: '2024-03-01',
    });
  });

  it('leaves a row equal to the register unchanged, and lists the columns an update changes', () => {
    const l = {
      ...lookups,
      instruments: [stored],
      opinions: [{ id: 'o-1', instrumentId: 'x-1', year: 2024, sequence: 3, issuedOn: '2024-03-01' }],
    };
    expect(plan(sheet(row({ Instrumento: TITLE.toUpperCase() })), l)[0]!.plan).toMatchObject({
      outcome: 'update',
      changes: ['Instrumento'],
    });
    expect(plan(sheet(row()), l)[0]!.plan).toMatchObject({ outcome: 'unchanged', changes: [] });
    const [changed] = plan(
      sheet(
        row({
          Estado: 'Concluido',
          'Término de vigencia': 'Indefinida',
          'Fecha de la opinión': '02/03/2024',
        }),
      ),
      l,
    );
    expect(changed!.plan).toMatchObject({
      outcome: 'update',
      label: TITLE,
      changes: ['Término de vigencia', 'Estado', 'Fecha de la opinión'],
    });
    expect(changed!.opinion).toMatchObject({ existingId: 'o-1', issuedOn: '2024-03-02' });
  });

  it('refuses each bad cell with its column and a Spanish reason', () => {
    const rows = plan(
      sheet(
        row({ 'Fecha de firma': '31/02/2024' }),
        row({ Instrumento: 'Otro', Tipo: 'Contrato', ...noOpinion }),
        row({ Instrumento: 'Tercero', Estado: 'Firmado', ...noOpinion }),
        row({
          Instrumento: 'Cuarto',
          Partes: 'IECM | UNAM',
          'Áreas responsables': 'Contraloría',
          ...noOpinion,
        }),
        row({ Instrumento: 'Quinto', 'Fecha de firma': '', 'Opinión de pertinencia': 'OP-3' }),
        row({
          Instrumento: 'Sexto',
          'Fecha de la opinión': '01/03/2023',
          'Opinión de pertinencia': 'A/4/2024',
        }),
        row({
          Instrumento: 'Séptimo',
          'Inicio de vigencia': '2025-01-01',
          'Término de vigencia': '2024-12-31',
          ...noOpinion,
        }),
      ),
    );
    expect(rows.map((r) => r.plan.outcome)).toEqual(Array(7).fill('refused'));
    expect(rows.map((r) => r.plan.problems)).toEqual([
      [{ field: 'Fecha de firma', message: 'El 31 de febrero de 2024 no existe' }],
      [
        {
          field: 'Tipo',
          message:
            'Tipo de instrumento no reconocido: «Contrato». Use uno de: Convenio de Colaboración; Adenda',
        },
      ],
      [
        {
          field: 'Estado',
          message:
            'Valor no reconocido: "Firmado". Use uno de: En negociación, En firma, Vigente, Por renegociar, Concluido, Terminado anticipadamente',
        },
      ],
      [
        {
          field: 'Partes',
          message:
            '«UNAM» no está en el directorio de su organización: regístrela o impórtela en Directorio, o revise que las partes estén separadas por «|»',
        },
        { field: 'Áreas responsables', message: 'El área «Contraloría» no existe en su organización' },
      ],
      [
        { field: 'Fecha de firma', message: 'Un instrumento en estado «Vigente» necesita su fecha de firma' },
        {
          field: 'Opinión de pertinencia',
          message:
            '«OP-3» no es un número de opinión: escríbalo como prefijo/NN/AAAA, p. ej. IECM/SE/DVOE/OP/03/2024',
        },
      ],
      [
        {
          field: 'Fecha de la opinión',
          message: 'El número de la opinión es de 2024 y su fecha de 2023: deben ser del mismo año',
        },
      ],
      [{ field: 'Término de vigencia', message: 'La vigencia no puede terminar antes de comenzar' }],
    ]);
  });

  it('tells every problem of a row at once: a bad date does not hide an unknown party', () => {
    const [p] = plan(sheet(row({ 'Fecha de firma': '31/02/2024', Partes: 'UNAM', ...noOpinion })));
    expect(p!.plan.problems.map((x) => x.field)).toEqual(['Fecha de firma', 'Partes']);
  });

  it('refuses a title or an opinion number repeated in the file, and a number of another instrument', () => {
    const l = {
      ...lookups,
      instruments: [{ ...stored, id: 'x-2', title: 'Convenio anterior' }],
      opinions: [{ id: 'o-9', instrumentId: 'x-2', year: 2024, sequence: 9, issuedOn: '2024-02-01' }],
    };
    const rows = plan(
      sheet(
        row(),
        row({ Instrumento: ` ${TITLE.toLowerCase()} ` }),
        row({ Instrumento: 'Segundo', 'Opinión de pertinencia': 'IECM/SE/DVOE/OP/03/2024' }),
        row({ Instrumento: 'Tercero', 'Opinión de pertinencia': 'IECM/SE/DVOE/OP/09/2024' }),
      ),
      l,
    );
    expect(rows.map((r) => r.plan.outcome)).toEqual(['create', 'refused', 'refused', 'refused']);
    expect(rows[1]!.plan.problems[0]).toEqual({
      field: 'Instrumento',
      message: `El instrumento «${TITLE.toLowerCase()}» ya aparece en la fila 2 del archivo`,
    });
    expect(rows[2]!.plan.problems).toEqual([
      {
        field: 'Opinión de pertinencia',
        message: 'La opinión IECM/SE/DVOE/OP/03/2024 ya aparece en la fila 2 del archivo',
      },
    ]);
    expect(rows[3]!.plan.problems).toEqual([
      {
        field: 'Opinión de pertinencia',
        message: 'El número IECM/SE/DVOE/OP/09/2024 ya es de la opinión sobre «Convenio anterior»',
      },
    ]);
  });

  it('refuses a title that names several instruments of the register and an ambiguous party', () => {
    const l = { ...lookups, instruments: [stored, { ...stored, id: 'x-3' }] };
    const [p] = plan(sheet(row({ Partes: 'COLMEX' })), l);
    expect(p!.plan.problems.map((x) => x.field)).toEqual(['Partes', 'Instrumento']);
    expect(p!.plan.problems[1]!.message).toBe(
      'Hay 2 instrumentos con este título en su registro: no se sabe cuál actualizar',
    );
  });

  it('counts every row and lists refused and changed rows first when there are too many to list', () => {
    const rows = [
      { row: 2, outcome: 'unchanged' as const, label: 'a', changes: [], problems: [] },
      { row: 3, outcome: 'create' as const, label: 'b', changes: [], problems: [] },
      {
        row: 4,
        outcome: 'refused' as const,
        label: 'c',
        changes: [],
        problems: [{ field: 'Tipo', message: 'x' }],
      },
      { row: 5, outcome: 'update' as const, label: 'd', changes: ['Estado'], problems: [] },
    ];
    const answer = planAnswer({ problems: [] }, rows, true, 2);
    expect(answer.counts).toEqual({ create: 1, update: 1, unchanged: 1, refused: 1 });
    expect(answer.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(answer.unlisted).toBe(2);
  });
});
