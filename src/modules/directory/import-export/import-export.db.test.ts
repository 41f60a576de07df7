import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexicoCity } from '../../../shared/dates';
import type { HttpClient } from '../../../../tests/support/http-client';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../../tests/support/test-app';
import type { Role } from '../../accounts/contract';

// Import and export of the directory through the real server and database, with real files.

let t: TestApp;
let orgA: TestOrg;
let orgB: TestOrg;

type Problem = { row: number; field: string; message: string };
type Report = { imported: number; skipped: number; problems: Problem[] };
type ApiError = { code: string; message: string; fields: { path: string; message: string }[] };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A signed-in client that handles files as bytes (the shared HttpClient reads bodies as text). */
class FileClient {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  static async signIn(app: TestApp, org: TestOrg, role: Role): Promise<FileClient> {
    const res = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: org.users[role], password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(204);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new FileClient(app.url, cookie);
  }

  async download(path: string) {
    const res = await fetch(this.url + path, { headers: { cookie: this.cookie } });
    return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
  }

  async upload<T = Report>(path: string, data: Buffer | string, filename: string, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
    const res = await fetch(this.url + path, {
      method: 'POST',
      headers: { cookie: this.cookie },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async json<T>(path: string): Promise<T> {
    const res = await fetch(this.url + path, { headers: { cookie: this.cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }
}

const csv = (rows: string[][], delimiter = ',') => stringify(rows, { delimiter });

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hoja1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(String(row.getCell(c).value ?? ''));
    rows.push(cells);
  });
  return { sheet: ws, rows };
}

const readCsv = (data: Buffer): string[][] => parse(data.toString('utf8'), { bom: true });

type Listed = { items: Record<string, unknown>[]; total: number };
const list = (c: FileClient, path: string) =>
  c.json<Listed>(`${path}${path.includes('?') ? '&' : '?'}pageSize=200`);

/** Records without what differs between organizations (ids, stamps). */
const comparable = (items: Record<string, unknown>[]) =>
  items.map(
    ({ id: _i, createdAt: _c, updatedAt: _u, parentId: _p, currentHead: _h, currentPositions: _cp, ...r }) =>
      r,
  );

let adminA: HttpClient;
let filesA: FileClient;
const areaIds: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  orgA = await t.createOrg('OPLA');
  orgB = await t.createOrg('OPLB');
  adminA = await t.as(orgA, 'administrator');
  filesA = await FileClient.signIn(t, orgA, 'liaison_staff');

  const institutions = [
    {
      name: 'Universidad Nacional Autónoma de México',
      acronym: 'UNAM',
      kind: 'university',
      level: 'national',
    },
    {
      name: 'Instituto Electoral de la Ciudad de México',
      acronym: 'IECM',
      kind: 'local_electoral_body',
      level: 'local',
      email: 'contacto@iecm.mx',
      phone: '+52 55 5483 3800',
      website: 'https://www.iecm.mx',
      notes: '=HYPERLINK("https://malicioso.example")',
    },
    {
      name: 'Consulado de México en Los Ángeles',
      kind: 'consulate',
      level: 'international',
      country: 'US',
      address: 'Los Ángeles, "CA", 90057\nEstados Unidos',
    },
  ];
  for (const i of institutions) expect((await adminA.post('/api/institutions', i)).status).toBe(201);

  const areas = [
    { key: 'se', name: 'Secretaría Ejecutiva', acronym: 'SE', kind: 'executive_secretariat' },
    { key: 'ci', name: 'Contraloría Interna', acronym: 'CI', kind: 'internal_comptroller' },
    {
      key: 'dvoe',
      name: 'Dirección de Vinculación con Organismos Externos',
      acronym: 'DVOE',
      kind: 'directorate',
      parent: 'se',
      aliases: ['Vinculación', 'Enlace'],
    },
    { key: 'sub', name: 'Subcontraloría', kind: 'other', parent: 'ci' },
  ];
  for (const { key, parent, ...a } of areas) {
    const res = await adminA.post<{ id: string }>('/api/areas', {
      ...a,
      parentId: parent ? areaIds[parent] : null,
    });
    expect(res.status).toBe(201);
    areaIds[key] = res.body.id;
  }

  const ana = await adminA.post<{ id: string }>('/api/people', {
    fullName: 'Ana Pérez Núñez',
    honorific: 'Mtra.',
    gender: 'female',
    aliases: ['Anita'],
    email: 'ana@opla.test',
  });
  expect(ana.status).toBe(201);
  expect(
    (
      await adminA.post(`/api/people/${ana.body.id}/positions`, {
        title: 'Directora',
        areaId: areaIds.dvoe,
        headKind: 'titular',
        startsOn: '2024-01-01',
      })
    ).status,
  ).toBe(201);
  expect(
    (await adminA.post('/api/people', { fullName: 'Bernardo Ruiz', phone: '55 1234 5678' })).status,
  ).toBe(201);
});
afterAll(() => t.close());

describe('export', () => {
  it('exports institutions as UTF-8 CSV with BOM, Spanish headers and codes', async () => {
    const res = await filesA.download('/api/institutions/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="instituciones-${todayInMexicoCity()}.csv"`,
    );
    expect([...res.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(res.data);
    expect(rows[0]).toEqual([
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
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'Consulado de México en Los Ángeles',
        '',
        'consulate',
        'US',
        'international',
        '',
        '',
        '',
        'Los Ángeles, "CA", 90057\nEstados Unidos',
        '',
      ],
      [
        'Instituto Electoral de la Ciudad de México',
        'IECM',
        'local_electoral_body',
        'MX',
        'local',
        'contacto@iecm.mx',
        '+52 55 5483 3800',
        'https://www.iecm.mx',
        '',
        '\'=HYPERLINK("https://malicioso.example")',
      ],
      ['Universidad Nacional Autónoma de México', 'UNAM', 'university', 'MX', 'national', '', '', '', '', ''],
    ]);
  });

  it('applies the list filters and exports XLSX with a bold header', async () => {
    const res = await filesA.download('/api/institutions/export?format=xlsx&kind=university');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="instituciones-${todayInMexicoCity()}.xlsx"`,
    );
    const { sheet, rows } = await readXlsx(res.data);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
    expect(rows).toEqual([
      ['nombre', 'siglas', 'tipo', 'pais', 'nivel', 'correo', 'telefono', 'sitio_web', 'domicilio', 'notas'],
      ['Universidad Nacional Autónoma de México', 'UNAM', 'university', 'MX', 'national', '', '', '', '', ''],
    ]);
  });

  it('exports areas parents first, with parent names, aliases and current head', async () => {
    const rows = readCsv((await filesA.download('/api/areas/export')).data);
    expect(rows).toEqual([
      ['nombre', 'siglas', 'tipo', 'area_superior', 'alias', 'titular_actual'],
      ['Contraloría Interna', 'CI', 'internal_comptroller', '', '', ''],
      ['Subcontraloría', '', 'other', 'Contraloría Interna', '', ''],
      ['Secretaría Ejecutiva', 'SE', 'executive_secretariat', '', '', ''],
      [
        'Dirección de Vinculación con Organismos Externos',
        'DVOE',
        'directorate',
        'Secretaría Ejecutiva',
        'Vinculación | Enlace',
        'Ana Pérez Núñez',
      ],
    ]);
  });

  it('exports people with their current positions, filtered by area', async () => {
    const all = await readXlsx((await filesA.download('/api/people/export?format=xlsx')).data);
    expect(all.rows).toEqual([
      ['nombre_completo', 'tratamiento', 'genero', 'alias', 'correo', 'telefono', 'notas', 'cargos_actuales'],
      [
        'Ana Pérez Núñez',
        'Mtra.',
        'female',
        'Anita',
        'ana@opla.test',
        '',
        '',
        'Directora — Dirección de Vinculación con Organismos Externos',
      ],
      ['Bernardo Ruiz', '', 'unspecified', '', '', '55 1234 5678', '', ''],
    ]);
    const res = await filesA.download(`/api/people/export?areaId=${areaIds.dvoe}`);
    expect(res.headers.get('content-disposition')).toContain(`personas-${todayInMexicoCity()}.csv`);
    expect(readCsv(res.data).map((r) => r[0])).toEqual(['nombre_completo', 'Ana Pérez Núñez']);
  });

  it('audits every export with its format, filters and row count', async () => {
    await filesA.download('/api/areas/export?format=xlsx&kind=directorate');
    const auditor = await t.as(orgA, 'auditor');
    const res = await auditor.get<{ items: { entityType: string; actorLabel: string; after: unknown }[] }>(
      '/api/audit?action=directory.export&pageSize=200',
    );
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      entityType: 'area',
      actorLabel: expect.stringContaining(orgA.users.liaison_staff),
      after: { format: 'xlsx', filters: { kind: 'directorate' }, rows: 1 },
    });
    expect(res.body.items.map((e) => e.after)).toContainEqual({
      format: 'xlsx',
      filters: { kind: 'university' },
      rows: 1,
    });
  });

  it('requires the export permission and rejects unknown formats', async () => {
    const areaStaff = await FileClient.signIn(t, orgA, 'area_staff');
    const denied = await areaStaff.download('/api/institutions/export');
    expect(denied.status).toBe(403);
    const councillor = await FileClient.signIn(t, orgA, 'councillor');
    expect((await councillor.download('/api/people/export')).status).toBe(200);
    expect((await filesA.download('/api/institutions/export?format=pdf')).status).toBe(400);
    expect((await t.anonymous().get('/api/areas/export')).status).toBe(401);
  });
});

describe('round trip into another organization', () => {
  it('imports what organization A exported into B, record for record', async () => {
    const filesB = await FileClient.signIn(t, orgB, 'administrator');
    const steps = [
      { path: 'institutions', format: 'xlsx', count: 3 },
      { path: 'areas', format: 'csv', count: 4 },
      { path: 'people', format: 'xlsx', count: 2 },
    ];
    for (const { path, format, count } of steps) {
      const file = await filesA.download(`/api/${path}/export?format=${format}`);
      const res = await filesB.upload(`/api/${path}/import`, file.data, `export.${format}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ imported: count, skipped: 0, problems: [] });
      const [a, b] = [await list(filesA, `/api/${path}`), await list(filesB, `/api/${path}`)];
      expect(comparable(b.items)).toEqual(comparable(a.items));
    }
    // The hierarchy came along: B's DVOE hangs from B's SE, not from A's.
    const bAreas = (await list(filesB, '/api/areas')).items as {
      id: string;
      name: string;
      acronym: string | null;
      parentId: string | null;
    }[];
    const se = bAreas.find((a) => a.name === 'Secretaría Ejecutiva')!;
    expect(bAreas.find((a) => a.acronym === 'DVOE')!.parentId).toBe(se.id);
    expect(se.id).not.toBe(areaIds.se);

    // One audit entry per created record, in B's trail only.
    const auditorB = await t.as(orgB, 'auditor');
    const trail = await auditorB.get<{ total: number; items: { entityType: string }[] }>(
      '/api/audit?action=area.import&pageSize=200',
    );
    expect(trail.body.total).toBe(4);
    const auditorA = await t.as(orgA, 'auditor');
    expect((await auditorA.get<{ total: number }>('/api/audit?action=area.import')).body.total).toBe(0);
  });
});

describe('validation and atomicity', () => {
  const header = ['nombre', 'siglas', 'tipo', 'nivel', 'correo'];

  it('refuses the whole file when one row is invalid, naming the row and column', async () => {
    const org = await t.createOrg('OPLV1');
    const c = await FileClient.signIn(t, org, 'liaison_staff');
    const file = csv([
      header,
      ['Universidad de Guadalajara', 'UdeG', 'Universidad', 'Local', 'contacto@udg.mx'],
      ['Tribunal Electoral', 'TEPJF', 'judiciary', 'nacional', 'esto-no-es-correo'],
      ['Partido Uno', '', 'partido politico', 'local', ''],
    ]);
    const res = await c.upload<ApiError>('/api/institutions/import', file, 'instituciones.csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.message).toBe('El archivo contiene filas con errores; no se importó ningún registro.');
    expect(res.body.fields).toEqual([{ path: 'rows.3.correo', message: expect.any(String) }]);
    expect((await list(c, '/api/institutions')).total).toBe(0);
  });

  it('with skipInvalid=true imports the good rows and reports the bad ones', async () => {
    const org = await t.createOrg('OPLV2');
    const c = await FileClient.signIn(t, org, 'liaison_staff');
    const file = await xlsx([
      header,
      ['Universidad de Guadalajara', 'UdeG', 'Universidad', 'Local', 'contacto@udg.mx'],
      ['Tribunal Electoral', 'TEPJF', 'banco', 'nacional', ''],
      [],
      ['Partido Uno', null, 'partido politico', 'local', null],
    ]);
    const res = await c.upload('/api/institutions/import?skipInvalid=true', file, 'instituciones.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      imported: 2,
      skipped: 1,
      problems: [{ row: 3, field: 'tipo', message: expect.stringContaining('Valor no reconocido: "banco"') }],
    });
    const names = (await list(c, '/api/institutions')).items.map((i) => [i.name, i.kind, i.level]);
    expect(names).toEqual([
      ['Partido Uno', 'political_party', 'local'],
      ['Universidad de Guadalajara', 'university', 'local'],
    ]);
  });

  it('reports duplicates of existing records and within the file', async () => {
    const org = await t.createOrg('OPLV3');
    const admin = await t.as(org, 'administrator');
    await admin.post('/api/people', { fullName: 'José Martínez' });
    const c = await FileClient.signIn(t, org, 'liaison_staff');
    const file = csv(
      [
        ['Nombre completo', 'Género'],
        ['JOSE MARTINEZ', 'Hombre'],
        ['Lucía Gómez', 'Mujer'],
        ['lucia gomez', ''],
      ],
      ';',
    );
    const strict = await c.upload<ApiError>('/api/people/import', file, 'personas.csv');
    expect(strict.status).toBe(400);
    expect(strict.body.fields).toEqual([
      {
        path: 'rows.2.nombre_completo',
        message: 'Ya existe una persona con el nombre "JOSE MARTINEZ" en su organización',
      },
      {
        path: 'rows.4.nombre_completo',
        message: 'Ya existe una persona con el nombre "lucia gomez" en la fila 3 del archivo',
      },
    ]);
    const lenient = await c.upload('/api/people/import?skipInvalid=true', file, 'personas.csv');
    expect(lenient.body).toMatchObject({ imported: 1, skipped: 2 });
    expect((await list(c, '/api/people')).items.map((p) => [p.fullName, p.gender])).toEqual([
      ['José Martínez', 'unspecified'],
      ['Lucía Gómez', 'female'],
    ]);
    // Importing the same file again finds everything already there.
    const again = await c.upload('/api/people/import?skipInvalid=true', file, 'personas.csv');
    expect(again.body).toMatchObject({ imported: 0, skipped: 3 });
  });

  it('resolves area_superior against existing areas and rows above', async () => {
    const org = await t.createOrg('OPLV4');
    const admin = await t.as(org, 'administrator');
    const se = await admin.post<{ id: string }>('/api/areas', {
      name: 'Secretaría Ejecutiva',
      acronym: 'SE',
      kind: 'executive_secretariat',
    });
    const c = await FileClient.signIn(t, org, 'liaison_staff');
    const file = csv([
      ['nombre', 'siglas', 'tipo', 'area_superior', 'alias'],
      ['Dirección de Vinculación', 'DVOE', 'Dirección', 'se', 'Vinculación|Enlace'],
      ['Subdirección de Enlace', '', 'otra', 'DVOE', ''],
      ['Oficina Huérfana', '', 'other', 'No Existe', ''],
    ]);
    const strict = await c.upload<ApiError>('/api/areas/import', file, 'areas.csv');
    expect(strict.status).toBe(400);
    expect(strict.body.fields.map((f) => f.path)).toEqual(['rows.4.area_superior']);
    expect((await list(c, '/api/areas')).total).toBe(1);

    const res = await c.upload('/api/areas/import?skipInvalid=true', file, 'areas.csv');
    expect(res.body).toMatchObject({ imported: 2, skipped: 1 });
    const areas = (await list(c, '/api/areas')).items as {
      id: string;
      name: string;
      parentId: string | null;
      aliases: string[];
    }[];
    const dvoe = areas.find((a) => a.name === 'Dirección de Vinculación')!;
    expect(dvoe.parentId).toBe(se.body.id);
    expect(dvoe.aliases).toEqual(['Vinculación', 'Enlace']);
    expect(areas.find((a) => a.name === 'Subdirección de Enlace')!.parentId).toBe(dvoe.id);
  });

  it('names a missing required column and reports unknown columns', async () => {
    const missing = await filesA.upload<ApiError>(
      '/api/institutions/import',
      csv([
        ['nombre', 'siglas'],
        ['X', 'Y'],
      ]),
      'x.csv',
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [
        { path: 'columns.tipo', message: 'Falta la columna obligatoria "tipo"' },
        { path: 'columns.nivel', message: 'Falta la columna obligatoria "nivel"' },
      ],
    });
    expect(missing.body.message).toContain('"tipo"');

    const unknown = await filesA.upload<ApiError>(
      '/api/people/import',
      csv([
        ['nombre_completo', 'cumpleaños'],
        ['Nueva Persona', '1 de enero'],
      ]),
      'x.csv',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      { path: 'rows.1.cumpleaños', message: expect.stringContaining('Columna desconocida') },
    ]);
  });
});

describe('malformed uploads', () => {
  const cases: [string, Buffer | string, string, number, string][] = [
    [
      'a broken XLSX',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 0x41)]),
      'x.xlsx',
      400,
      'IMPORT_UNREADABLE',
    ],
    [
      'a CSV with unbalanced quotes',
      'nombre,tipo,nivel\n"UNAM,university,national\n',
      'x.csv',
      400,
      'IMPORT_UNREADABLE',
    ],
    ['binary garbage', Buffer.from([0, 1, 2, 3, 250, 251, 0, 9, 7, 0]), 'x.csv', 400, 'IMPORT_UNREADABLE'],
    ['an empty file', '', 'x.csv', 400, 'IMPORT_UNREADABLE'],
    ['a header without rows', 'nombre,tipo,nivel\r\n', 'x.csv', 400, 'IMPORT_INVALID'],
    ['a PDF', '%PDF-1.7 ...', 'x.pdf', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'an old .xls workbook',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'x.xls',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ];
  for (const [what, data, filename, status, code] of cases) {
    it(`answers ${status} ${code} for ${what}, writing nothing`, async () => {
      const before = (await list(filesA, '/api/institutions')).total;
      const res = await filesA.upload<ApiError>('/api/institutions/import', data, filename);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(/\S/);
      expect((await list(filesA, '/api/institutions')).total).toBe(before);
    });
  }

  it('answers 415 when the body is not multipart and 400 without the file field', async () => {
    const json = await adminA.post<ApiError>('/api/institutions/import', { name: 'x' });
    expect(json.status).toBe(415);
    const wrongField = await filesA.upload<ApiError>(
      '/api/institutions/import',
      'nombre\nx',
      'x.csv',
      'archivo',
    );
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.code).toBe('IMPORT_UNREADABLE');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a file over the upload limit', async () => {
    const small = await startTestApp({ VINCULA_MAX_UPLOAD_MB: '0.01' });
    try {
      const org = await small.createOrg('OPLS');
      const c = await FileClient.signIn(small, org, 'liaison_staff');
      const rows = [['nombre', 'tipo', 'nivel']];
      for (let i = 0; i < 2000; i++) rows.push([`Institución número ${i}`, 'university', 'local']);
      const res = await c.upload<ApiError>('/api/institutions/import', csv(rows), 'grande.csv');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await list(c, '/api/institutions')).total).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('permissions and organizations', () => {
  it('forbids imports without the write permission', async () => {
    for (const role of ['councillor', 'auditor', 'area_staff'] as const) {
      const c = await FileClient.signIn(t, orgA, role);
      const res = await c.upload<ApiError>(
        '/api/people/import',
        csv([['nombre_completo'], ['Intrusa']]),
        'x.csv',
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await list(filesA, '/api/people?q=Intrusa')).total).toBe(0);
  });

  it("keeps each organization's imports and exports to itself", async () => {
    const org = await t.createOrg('OPLC');
    const c = await FileClient.signIn(t, org, 'administrator');
    const countsA = async () =>
      Promise.all(
        ['institutions', 'areas', 'people'].map(async (p) => (await list(filesA, `/api/${p}`)).total),
      );
    const before = await countsA();
    // Names that A already has are not duplicates in C.
    const res = await c.upload(
      '/api/institutions/import',
      csv([
        ['nombre', 'tipo', 'nivel'],
        ['Universidad Nacional Autónoma de México', 'university', 'national'],
        ['Solo de C', 'civil_society', 'local'],
      ]),
      'c.csv',
    );
    expect(res.body).toEqual({ imported: 2, skipped: 0, problems: [] });
    expect(await countsA()).toEqual(before);
    // An area_superior that exists only in A is not found from C.
    const areas = await c.upload<ApiError>(
      '/api/areas/import',
      csv([
        ['nombre', 'tipo', 'area_superior'],
        ['Oficina', 'other', 'Secretaría Ejecutiva'],
      ]),
      'a.csv',
    );
    expect(areas.status).toBe(400);
    expect(areas.body.fields[0]!.path).toBe('rows.2.area_superior');

    const exported = readCsv((await c.download('/api/institutions/export')).data)
      .slice(1)
      .map((r) => r[0]);
    expect(exported).toEqual(['Solo de C', 'Universidad Nacional Autónoma de México']);
    const people = readCsv((await c.download('/api/people/export')).data);
    expect(people).toHaveLength(1);
  });
});
