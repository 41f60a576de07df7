import { describe, expect, it } from 'vitest';
import '../../../shared/zod-setup';
import { AREA_RULES, INSTITUTION_RULES, PERSON_RULES, resolveAreaParents } from './import-rules';
import {
  checkRow,
  columnLetter,
  flagDuplicates,
  mapHeader,
  outcome,
  problemsToFields,
  type EntityRules,
  type Sheet,
} from '../../platform/spreadsheets/import-problems';

const sheet = (header: string[], ...rows: string[][]): Sheet => ({
  header: { row: 1, cells: header },
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

function check<T>(rules: EntityRules<T>, s: Sheet, existing: string[] = []) {
  const header = mapHeader(rules.columns, s);
  const rows = s.rows.map((r) => checkRow(rules, header, r));
  flagDuplicates(rules, rows, existing);
  return { header, rows, result: outcome(header, rows) };
}

describe('columnLetter', () => {
  it('numbers columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('mapHeader', () => {
  it('recognizes Spanish headers in any case, with accents and spaces', () => {
    const h = mapHeader(
      INSTITUTION_RULES.columns,
      sheet(['Nombre', 'TIPO', 'Nivel', 'País', 'Sitio web', 'Teléfono'], ['x']),
    );
    expect(h.fatal).toEqual([]);
    expect(h.problems).toEqual([]);
    expect([...h.at].map(([c, i]) => [c.field, i])).toEqual([
      ['name', 0],
      ['kind', 1],
      ['level', 2],
      ['country', 3],
      ['website', 4],
      ['phone', 5],
    ]);
  });
  it('names every missing required column', () => {
    const h = mapHeader(INSTITUTION_RULES.columns, sheet(['nombre', 'siglas'], ['x']));
    expect(h.fatal.map((f) => f.path)).toEqual(['columns.tipo', 'columns.nivel']);
    expect(h.fatal[0]!.message).toBe('Falta la columna obligatoria "tipo"');
  });
  it('refuses a column given twice', () => {
    const h = mapHeader(PERSON_RULES.columns, sheet(['nombre_completo', 'Nombre completo'], ['x']));
    expect(h.fatal).toEqual([
      { path: 'columns.nombre_completo', message: 'La columna "nombre_completo" aparece más de una vez' },
    ]);
  });
  it('reports unknown columns and unnamed columns with data, and ignores empty unnamed ones', () => {
    const h = mapHeader(
      PERSON_RULES.columns,
      sheet(['nombre_completo', 'cumpleaños', '', ''], ['Ana', '1/1', 'algo', '']),
    );
    expect(h.fatal).toEqual([]);
    expect(h.problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'cumpleaños'],
      [1, 'columna C'],
    ]);
    expect(h.problems[0]!.message).toContain('Columna desconocida');
  });
  it('accepts export-only columns (as in an exported file) and ignores them', () => {
    const s = sheet(['nombre', 'tipo', 'titular_actual'], ['Dirección', 'directorate', 'Ana Pérez']);
    const { header, result } = check(AREA_RULES, s);
    expect(header.problems).toEqual([]);
    expect(result.valid[0]!.input).toEqual({ name: 'Dirección', kind: 'directorate', aliases: [] });
  });
});

describe('checkRow', () => {
  const header = [
    'nombre',
    'siglas',
    'tipo',
    'pais',
    'nivel',
    'correo',
    'telefono',
    'sitio_web',
    'domicilio',
    'notas',
  ];

  it('maps labels to codes, empty cells to null and applies defaults', () => {
    const { result } = check(
      INSTITUTION_RULES,
      sheet(header, [
        '  Universidad Autónoma ',
        '',
        'Institución académica',
        '',
        'nacional',
        '',
        '',
        '',
        '',
        '',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.valid).toEqual([
      {
        row: 2,
        input: {
          name: 'Universidad Autónoma',
          acronym: null,
          kind: 'university',
          country: 'MX',
          level: 'national',
          email: null,
          phone: null,
          website: null,
          address: null,
          notes: null,
        },
      },
    ]);
  });

  it('reports each bad cell by row and Spanish column name', () => {
    const { result } = check(
      INSTITUTION_RULES,
      sheet(header, ['', 'X', 'banco', 'Mexico', 'local', 'no-es-correo', '', 'no es url', '', '']),
    );
    expect(result.valid).toEqual([]);
    expect(result.skipped).toBe(1);
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'correo',
      'nombre',
      'pais',
      'sitio_web',
      'tipo',
    ]);
    const byField = Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
    expect(byField.nombre).toBe('Este dato es obligatorio');
    expect(byField.tipo).toMatch(/^Valor no reconocido: "banco". Use uno de: Autoridad electoral nacional, /);
    expect(byField.pais).toContain('dos letras');
    expect(result.problems.every((p) => p.row === 2)).toBe(true);
  });

  it('accepts a lower-case country code and restores neutralized formulas', () => {
    const { result } = check(
      INSTITUTION_RULES,
      sheet(
        ['nombre', 'tipo', 'nivel', 'pais', 'notas'],
        ['Consulado', 'consulate', 'international', 'us', "'=1+1"],
      ),
    );
    expect(result.valid[0]!.input).toMatchObject({ country: 'US', notes: '=1+1' });
  });

  it('splits aliases on "|" and reads gender labels', () => {
    const { result } = check(
      PERSON_RULES,
      sheet(['nombre_completo', 'genero', 'alias'], ['María López', 'Mujer', ' Mary | | La Maestra ']),
    );
    expect(result.valid[0]!.input).toEqual({
      fullName: 'María López',
      gender: 'female',
      aliases: ['Mary', 'La Maestra'],
    });
  });

  it('defaults gender when the cell is empty', () => {
    const { result } = check(PERSON_RULES, sheet(['nombre_completo', 'genero'], ['Juan', '']));
    expect(result.valid[0]!.input).toMatchObject({ gender: 'unspecified' });
  });

  it('keeps the rows of valid and invalid rows apart', () => {
    const { result } = check(
      PERSON_RULES,
      sheet(['nombre_completo', 'correo'], ['Ana', 'ana@x.mx'], ['Beto', 'mal'], ['Carla', '']),
    );
    expect(result.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([[3, 'correo']]);
    expect(result.skipped).toBe(1);
  });
});

describe('flagDuplicates', () => {
  it('flags names already in the organization, accent and case aside', () => {
    const { result } = check(PERSON_RULES, sheet(['nombre_completo'], ['maria  LÓPEZ'], ['Pedro']), [
      'María López',
    ]);
    expect(result.valid.map((v) => v.row)).toEqual([3]);
    expect(result.problems).toEqual([
      {
        row: 2,
        field: 'nombre_completo',
        message: 'Ya existe una persona con el nombre "maria  LÓPEZ" en su organización',
      },
    ]);
  });
  it('flags repeats within the file, pointing at the first row', () => {
    const { result } = check(
      INSTITUTION_RULES,
      sheet(
        ['nombre', 'tipo', 'nivel'],
        ['INE', 'national_electoral_authority', 'national'],
        ['ine', 'university', 'local'],
      ),
    );
    expect(result.valid.map((v) => v.row)).toEqual([2]);
    expect(result.problems[0]).toMatchObject({
      row: 3,
      field: 'nombre',
      message: expect.stringMatching(/^Ya existe .*fila 2/),
    });
  });
});

describe('resolveAreaParents', () => {
  const header = ['nombre', 'siglas', 'tipo', 'area_superior'];
  const existing = [
    { id: '11111111-1111-4111-8111-111111111111', name: 'Secretaría Ejecutiva', acronym: 'SE' },
    { id: '22222222-2222-4222-8222-222222222222', name: 'Contraloría Interna', acronym: 'CI' },
  ];
  function resolve(...rows: string[][]) {
    const { header: h, rows: checked } = check(
      AREA_RULES,
      sheet(header, ...rows),
      existing.map((a) => a.name),
    );
    const parents = resolveAreaParents(checked, existing);
    return { parents, result: outcome(h, checked) };
  }

  it('finds existing areas by name or acronym and earlier rows of the file', () => {
    const { parents, result } = resolve(
      ['Dirección de Vinculación', 'DVOE', 'directorate', 'secretaria ejecutiva'],
      ['Subdirección de Enlace', '', 'other', 'DVOE'],
      ['Subcontraloría', '', 'other', 'ci'],
      ['Oficina', '', 'other', ''],
    );
    expect(result.problems).toEqual([]);
    expect([...parents]).toEqual([
      [2, { areaId: existing[0]!.id }],
      [3, { row: 2 }],
      [4, { areaId: existing[1]!.id }],
      [5, null],
    ]);
  });

  it('refuses missing, later, self, ambiguous and invalid parents', () => {
    const { result } = resolve(
      ['Hija', '', 'other', 'Madre'],
      ['Madre', '', 'other', ''],
      ['Sola', '', 'other', 'Inexistente'],
      ['Yo', 'YO', 'other', 'yo'],
      ['Rota', '', 'tipo-malo', ''],
      ['Nieta', '', 'other', 'Rota'],
      ['Uno', 'X', 'other', ''],
      ['Dos', 'X', 'other', ''],
      ['Tres', '', 'other', 'X'],
    );
    const messages = Object.fromEntries(
      result.problems.filter((p) => p.field === 'area_superior').map((p) => [p.row, p.message]),
    );
    expect(messages).toEqual({
      2: 'El área superior "Madre" está en la fila 3; colóquela antes de esta fila',
      4: 'No existe el área superior "Inexistente" en su organización ni en las filas anteriores',
      5: 'Un área no puede depender de sí misma',
      7: 'El área superior "Rota" (fila 6) tiene errores',
      10: 'El área superior "X" es ambigua: coincide con varias áreas; use el nombre completo',
    });
    expect(result.valid.map((v) => v.row)).toEqual([3, 8, 9]);
  });
});

describe('problemsToFields', () => {
  it('names rows and columns as rows.<row>.<column>', () => {
    expect(problemsToFields([{ row: 7, field: 'correo', message: 'x' }])).toEqual([
      { path: 'rows.7.correo', message: 'x' },
    ]);
  });
});
