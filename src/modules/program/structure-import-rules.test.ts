import { describe, expect, it } from 'vitest';
import '../../shared/zod-setup';
import { mapHeader, type SheetRow } from '../platform/spreadsheets/import-problems';
import { PROGRAM_IMPORT_COLUMNS, planStructureRows, type ExistingStructure } from './structure-import-rules';

const HEADER = [
  'Línea',
  'Título de la línea',
  'Objetivo',
  'Título del objetivo',
  'Meta',
  'Cantidad mínima',
  'Unidad',
  'Desde',
  'Hasta',
  'Se cuenta con',
  'Tipo o serie',
];
const headerMap = mapHeader(PROGRAM_IMPORT_COLUMNS, { header: { row: 1, cells: HEADER }, rows: [] });
const rows = (...cells: string[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));
const names = {
  kinds: [
    { code: 'meeting', name: 'Reunión' },
    { code: 'working_meeting', name: 'Reunión de trabajo' },
  ],
  series: [{ id: 'serie-1', name: 'Pulso Internacional' }],
  recordSources: [{ code: 'agreements.signed_instruments', label: 'Instrumentos jurídicos suscritos' }],
};
const empty: ExistingStructure = { year: 2024, lines: [] };
const line2 = ['2', 'Vinculación', 'A', 'Colaboración con el INE'];

describe("the program's structure import", () => {
  it('plans a new line, objective and targets, each once, with the year as the default period', () => {
    const plan = planStructureRows(
      headerMap,
      rows(
        [
          ...line2,
          'Reuniones con el INE',
          '2',
          'reuniones',
          '01/01/2024',
          '31/03/2024',
          'Actividades',
          'Reunión de trabajo',
        ],
        [...line2, 'Boletines', '12', 'números', '', '', 'Números de una publicación', 'Pulso Internacional'],
        [
          '2',
          'Vinculación',
          '',
          '',
          'Convenios firmados',
          '3',
          'convenios',
          '',
          '',
          'Instrumentos jurídicos suscritos',
          '',
        ],
      ),
      empty,
      names,
    );
    expect(plan.map((p) => [p.plan.outcome, p.plan.label, p.plan.problems])).toEqual([
      ['create', '2 · A · Reuniones con el INE', []],
      ['create', '2 · A · Boletines', []],
      ['create', '2 · Convenios firmados', []],
    ]);
    // The line and objective are created by the first row that names them only.
    expect(plan.map((p) => [Boolean(p.line?.create), Boolean(p.objective?.create)])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
    expect(plan[0]!.target!.values).toMatchObject({
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      source: 'activities',
      activityKind: 'working_meeting',
    });
    expect(plan[1]!.target!.values).toMatchObject({
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      source: 'publication_issues',
      seriesId: 'serie-1',
    });
    expect(plan[2]!.target!.values).toMatchObject({
      source: 'external',
      externalSource: 'agreements.signed_instruments',
    });
    expect(plan[2]!.at).toEqual({ line: 2, objective: null });
  });

  it('leaves equal rows unchanged and names the columns an update changes', () => {
    const existing: ExistingStructure = {
      year: 2024,
      lines: [
        {
          id: 'l2',
          number: 2,
          title: 'Vinculación',
          objectives: [{ id: 'o2a', key: 'A', title: 'Colaboración con el INE' }],
          targets: [
            {
              id: 't1',
              objectiveId: 'o2a',
              description: 'Reuniones con el INE',
              minimumCount: 2,
              unit: 'reuniones',
              periodStart: '2024-01-01',
              periodEnd: '2024-12-31',
              source: 'activities',
              activityKind: null,
              seriesId: null,
              externalSource: null,
            },
          ],
        },
      ],
    };
    const plan = planStructureRows(
      headerMap,
      rows(
        [...line2, 'reuniones con el ine', '2', 'reuniones', '', '', '', ''],
        [
          '2',
          'Vinculación',
          'A',
          'Colaboración con el INE y los OPLE',
          'Reuniones con el INE',
          '4',
          'reuniones',
          '',
          '',
          '',
          '',
        ],
      ),
      existing,
      names,
    );
    expect(plan[0]!.plan).toMatchObject({ outcome: 'update', changes: ['Meta'] });
    // The second row names the same target again: refused (the first row already plans it).
    expect(plan[1]!.plan.outcome).toBe('refused');
    const same = planStructureRows(
      headerMap,
      rows([...line2, 'Reuniones con el INE', '2', 'reuniones', '', '', 'Actividades', '']),
      existing,
      names,
    );
    expect(same[0]!.plan).toMatchObject({ outcome: 'unchanged', changes: [] });
    const changed = planStructureRows(
      headerMap,
      rows([
        '2',
        'Vinculación y enlace',
        'A',
        'Colaboración con el INE',
        'Reuniones con el INE',
        '3',
        'reuniones',
        '',
        '',
        '',
        '',
      ]),
      existing,
      names,
    );
    expect(changed[0]!.plan).toMatchObject({
      outcome: 'update',
      changes: ['Título de la línea', 'Cantidad mínima'],
    });
  });

  it('refuses what it cannot read, in Spanish, by column', () => {
    const plan = planStructureRows(
      headerMap,
      rows(
        ['x', '', 'a1', '', 'Meta', '0', '', '31/02/2024', '', 'Telepatía', ''],
        ['3', 'Difusión', '', '', '', '5', '', '', '', '', ''],
        ['2', 'Vinculación', 'A', 'Uno', 'Meta A', '1', 'u', '', '', 'Actividades', 'Desayuno'],
        ['2', 'Otra', 'B', 'Dos', '', '', '', '', '', '', ''],
      ),
      empty,
      names,
    );
    expect(plan.map((p) => p.plan.outcome)).toEqual(['refused', 'refused', 'refused', 'create']);
    expect(plan[0]!.plan.problems.map((p) => p.field)).toEqual([
      'Título de la línea',
      'Línea',
      'Objetivo',
      'Título del objetivo',
      'Unidad',
      'Cantidad mínima',
      'Desde',
      'Se cuenta con',
    ]);
    expect(plan[0]!.plan.problems.find((p) => p.field === 'Desde')!.message).toBe(
      'El 31 de febrero de 2024 no existe',
    );
    expect(plan[1]!.plan.problems).toEqual([
      { field: 'Meta', message: 'Escriba la meta a la que corresponden estos datos' },
    ]);
    expect(plan[2]!.plan.problems[0]!.message).toContain('Tipo de actividad no registrado: "Desayuno"');
    // Row 5's line 2 differs from row 4's title, but row 4 was refused: the first valid row names it.
    const titles = planStructureRows(
      headerMap,
      rows(
        ['2', 'Vinculación', '', '', '', '', '', '', '', '', ''],
        ['2', 'Otra', 'B', 'Dos', '', '', '', '', '', '', ''],
      ),
      empty,
      names,
    );
    expect(titles[1]!.plan.problems).toEqual([
      { field: 'Título de la línea', message: 'La línea 2 lleva otro título en la fila 2' },
    ]);
  });
});
