import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import type { ImportPlan } from '../../shared/import-plan';

// The register's import (ADR 0032) through the real server and database: the dry run, the real
// import in one transaction, the same file again changing nothing, each bad input refused with its
// row, column and reason, another organization seeing nothing, and the opinions' numbering.

type Page<T> = { items: T[]; total: number };
type Inst = {
  id: string;
  title: string;
  typeName: string;
  subject: string | null;
  status: string;
  signedOn: string | null;
  validityKind: string;
  effectiveEnd: string | null;
  parties: { acronym: string | null }[];
  areas: { name: string }[];
  updatedAt: string;
};
type Opinion = { number: string; year: number; sequence: number; instrumentTitle: string; issuedOn: string };
type ApiError = { code: string; message: string; fields: { path: string; message: string }[] };

let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;

const HEADER =
  'Instrumento,Tipo,Partes,Áreas responsables,Objeto,Fecha de firma,Inicio de vigencia,Término de vigencia,Estado,Opinión de pertinencia,Fecha de la opinión';
const UAM = 'Convenio de Colaboración entre el OPLI y la UAM';
const INE = 'Convenio General de Coordinación y Colaboración entre el OPLI y el INE';
const GOOD = [
  HEADER,
  `${UAM},Convenio de Colaboración,OPLI | UAM,DVOE,Cultura cívica,15/03/2024,15/03/2024,31/12/2026,Vigente,OPLI/SE/DVOE/OP/07/2024,01/03/2024`,
  `${INE},convenio general de coordinacion y colaboracion,Instituto Nacional Electoral,Dirección de Vinculación | SE,,2023-01-10,2023-01-10,Indefinida,Vigente,,`,
  `Carta Intención con la Cámara de Comercio,Carta Intención,CANACO,DVOE,,,,,En negociación,,`,
].join('\n');

function csv(text: string, name = 'registro.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

const dryRun = (text: string, c = liaison) =>
  c.post<ImportPlan>('/api/instruments/import?dryRun=true', csv(text));
const importFile = (text: string, c = liaison) =>
  c.post<ImportPlan | ApiError>('/api/instruments/import', csv(text));

async function register(c = liaison) {
  return (await c.get<Page<Inst>>('/api/instruments?pageSize=200')).body;
}

async function importAudits(c: HttpClient) {
  const trail = await c.get<Page<{ action: string; after: Record<string, unknown> }>>(
    '/api/audit?entityType=instrument&pageSize=100',
  );
  return trail.body.items.filter((e) => e.action === 'instrument.import');
}

beforeAll(async () => {
  // A 1 MB upload limit: the 10,001-row file still fits, a larger file is refused as too large.
  t = await startTestApp({ VINCULA_MAX_UPLOAD_MB: '1' });
  org = await t.createOrg('OPLI');
  liaison = await t.as(org, 'liaison_staff');
  const institution = (name: string, acronym: string) =>
    liaison.post('/api/institutions', { name, acronym, kind: 'university', level: 'national' });
  await institution('Universidad Autónoma Metropolitana', 'UAM');
  await institution('Instituto Nacional Electoral', 'INE');
  await institution('Cámara Nacional de Comercio', 'CANACO');
  const area = (name: string, acronym: string) =>
    liaison.post('/api/areas', { name, acronym, kind: 'directorate' });
  await area('Dirección de Vinculación', 'DVOE');
  await area('Secretaría Ejecutiva', 'SE');
}, 120_000);
afterAll(() => t.close());

describe('import template', () => {
  it('downloads the headers, an example row and, in XLSX, what each column takes', async () => {
    const file = await liaison.getBytes('/api/instruments/import/template?format=xlsx');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('plantilla-convenios.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const [data, notes] = book.worksheets;
    expect((data!.getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER);
    expect(data!.getRow(2).getCell(9).value).toBe('Vigente');
    expect(notes!.name).toBe('Instrucciones');
    const tipo = notes!.getRows(2, 11)!.find((r) => r.getCell(1).value === 'Tipo')!;
    expect(String(tipo.getCell(3).value)).toContain('Convenio Específico');

    const text = await liaison.get<string>('/api/instruments/import/template?format=csv');
    expect(text.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);
    const reader = await t.as(org, 'auditor');
    expect((await reader.get('/api/instruments/import/template')).status).toBe(403);
  });
});

describe('instruments import', () => {
  it('previews row by row and writes nothing on a dry run', async () => {
    const res = await dryRun(GOOD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      counts: { create: 3, update: 0, unchanged: 0, refused: 0 },
      headerProblems: [],
      unlisted: 0,
    });
    expect(res.body.rows.map((r) => [r.row, r.outcome, r.label])).toEqual([
      [2, 'create', UAM],
      [3, 'create', INE],
      [4, 'create', 'Carta Intención con la Cámara de Comercio'],
    ]);
    expect((await register()).total).toBe(0);
  });

  it('imports every row in one go, the opinion with its number, and audits it once with the counts', async () => {
    const res = await importFile(GOOD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: false,
      counts: { create: 3, update: 0, unchanged: 0, refused: 0 },
    });
    const { items } = await register();
    const uam = items.find((i) => i.title === UAM)!;
    expect(uam).toMatchObject({
      typeName: 'Convenio de Colaboración',
      subject: 'entre el OPLI y la UAM',
      status: 'in_force',
      signedOn: '2024-03-15',
      effectiveEnd: '2026-12-31',
      parties: [{ acronym: 'UAM' }],
      areas: [{ name: 'Dirección de Vinculación' }],
    });
    const ine = items.find((i) => i.title === INE)!;
    expect(ine.validityKind).toBe('indefinite');
    expect(ine.areas.map((a) => a.name)).toEqual(['Dirección de Vinculación', 'Secretaría Ejecutiva']);
    const opinions = (await liaison.get<Page<Opinion>>('/api/opinions')).body.items;
    expect(opinions).toEqual([
      expect.objectContaining({
        number: 'OPLI/SE/DVOE/OP/07/2024',
        year: 2024,
        sequence: 7,
        instrumentTitle: UAM,
        issuedOn: '2024-03-01',
      }),
    ]);
    const admin = await t.as(org, 'administrator');
    expect((await importAudits(admin)).map((e) => e.after)).toEqual([
      { filename: 'registro.csv', rows: 3, created: 3, updated: 0, unchanged: 0, opinions: 1 },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await register();
    const preview = await dryRun(GOOD);
    expect(preview.body.counts).toEqual({ create: 0, update: 0, unchanged: 3, refused: 0 });
    const res = await importFile(GOOD);
    expect(res.status).toBe(200);
    expect((res.body as ImportPlan).counts).toEqual({ create: 0, update: 0, unchanged: 3, refused: 0 });
    const after = await register();
    expect(after.total).toBe(3);
    // Not even touched: the update times are those of the first import.
    expect(after.items.map((i) => [i.id, i.updatedAt]).sort()).toEqual(
      before.items.map((i) => [i.id, i.updatedAt]).sort(),
    );
    expect((await liaison.get<Page<Opinion>>('/api/opinions')).body.total).toBe(1);
  });

  it('updates the instruments whose row differs, naming the columns that change', async () => {
    const changed = GOOD.replace(
      'Carta Intención,CANACO,DVOE,,,,,En negociación',
      'Carta Intención,CANACO,DVOE | SE,,,,,En firma',
    );
    const preview = await dryRun(changed);
    expect(preview.body.counts).toEqual({ create: 0, update: 1, unchanged: 2, refused: 0 });
    expect(preview.body.rows[2]).toMatchObject({
      row: 4,
      outcome: 'update',
      changes: ['Áreas responsables', 'Estado'],
    });
    expect((await importFile(changed)).status).toBe(200);
    const letter = (await register()).items.find((i) => i.title.startsWith('Carta Intención'))!;
    expect(letter.status).toBe('signature');
    const detail = await liaison.get<{ statusHistory: { fromStatus: string | null; toStatus: string }[] }>(
      `/api/instruments/${letter.id}`,
    );
    expect(detail.body.statusHistory.map((s) => [s.fromStatus, s.toStatus])).toEqual([
      [null, 'negotiation'],
      ['negotiation', 'signature'],
    ]);
  });

  it('continues the yearly numbering of opinions after the highest imported number', async () => {
    const letter = (await register()).items.find((i) => i.title.startsWith('Carta Intención'))!;
    const areas = (await liaison.get<Page<{ id: string }>>('/api/areas?pageSize=10')).body.items;
    const requested = await liaison.post<{ id: string }>('/api/opinions', {
      instrumentId: letter.id,
      areaIds: [areas[0]!.id],
      requestedOn: '2024-05-02',
      content: 'Se considera pertinente.',
    });
    const issued = await liaison.post<Opinion>(`/api/opinions/${requested.body.id}/issue`, {
      issuedOn: '2024-05-10',
    });
    expect(issued.status).toBe(200);
    expect(issued.body.number).toBe('OPLI/SE/DVOE/OP/08/2024');
  });

  it('keeps another organization away from the imported records, and its own file refers to its own directory', async () => {
    const other = await t.createOrg('OPLJ');
    const b = await t.as(other, 'liaison_staff');
    expect((await register(b)).total).toBe(0);
    expect((await b.get<Page<Opinion>>('/api/opinions')).body.total).toBe(0);
    // The same file in B: A's institutions and areas are not B's, and A's titles are not matched.
    const res = await dryRun(GOOD, b);
    expect(res.body.counts).toEqual({ create: 0, update: 0, unchanged: 0, refused: 3 });
    expect(res.body.rows[0]!.problems).toContainEqual({
      field: 'Áreas responsables',
      message: 'El área «DVOE» no existe en su organización',
    });
    expect((await register()).total).toBe(3);
  });
});

describe('bad input', () => {
  const countNow = async () => (await register()).total;

  async function refused(text: string) {
    const before = await countNow();
    const preview = await dryRun(text);
    const res = await importFile(text);
    expect(res.status).toBe(400);
    expect((res.body as ApiError).code).toBe('IMPORT_INVALID');
    expect(await countNow()).toBe(before);
    return { preview: preview.body, fields: (res.body as ApiError).fields };
  }

  const line = (title: string, cells: Partial<Record<number, string>> = {}) => {
    const row = [
      title,
      'Convenio de Colaboración',
      'UAM',
      'DVOE',
      '',
      '01/02/2024',
      '',
      '',
      'Vigente',
      '',
      '',
    ];
    for (const [i, v] of Object.entries(cells)) row[Number(i)] = v!;
    return row.join(',');
  };

  it('refuses a file without a required column, and one with a column it does not know', async () => {
    const missing = await importFile(`Instrumento,Partes,Áreas responsables,Estado\n${UAM},UAM,DVOE,Vigente`);
    expect(missing.status).toBe(400);
    expect((missing.body as ApiError).fields).toEqual([
      { path: 'columns.Tipo', message: 'Falta la columna obligatoria "Tipo"' },
    ]);
    const unknown = await refused(`${HEADER},Firmante\n${line('Nuevo A')},Alguien`);
    expect(unknown.preview.headerProblems).toEqual([
      expect.objectContaining({
        row: 1,
        field: 'Firmante',
        message: expect.stringContaining('Columna desconocida'),
      }),
    ]);
    expect(unknown.fields[0]).toMatchObject({ path: 'rows.1.Firmante' });
  });

  it('refuses an impossible date, an unknown type or status and a row repeated in the file, with row and column', async () => {
    const { preview, fields } = await refused(
      [
        HEADER,
        line('Nuevo B', { 5: '31/02/2024' }),
        line('Nuevo C', { 1: 'Contrato de Servicios' }),
        line('Nuevo D', { 8: 'Firmado' }),
        line('Nuevo E'),
        line('nuevo e'),
      ].join('\n'),
    );
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 4 });
    expect(fields).toEqual([
      { path: 'rows.2.Fecha de firma', message: 'El 31 de febrero de 2024 no existe' },
      {
        path: 'rows.3.Tipo',
        message: expect.stringMatching(
          /^Tipo de instrumento no reconocido: «Contrato de Servicios»\. Use uno de: /,
        ),
      },
      {
        path: 'rows.4.Estado',
        message: expect.stringMatching(/^Valor no reconocido: "Firmado"\. Use uno de: /),
      },
      { path: 'rows.6.Instrumento', message: 'El instrumento «nuevo e» ya aparece en la fila 5 del archivo' },
    ]);
  });

  it('refuses more than 10,000 rows before reading further, and a file over the upload limit', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => line(`Convenio ${i}`));
    const res = await importFile([HEADER, ...rows].join('\n'));
    expect(res.status).toBe(400);
    expect((res.body as ApiError).fields).toEqual([
      { path: 'rows', message: expect.stringContaining('más de 10,000 filas de datos') },
    ]);
    const big = await importFile(`${HEADER}\n${line('x'.repeat(1_100_000))}`);
    expect(big.status).toBe(413);
    expect((big.body as ApiError).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countNow()).toBe(3);
  }, 60_000);

  it('lets only who writes in the register import it', async () => {
    for (const role of ['area_staff', 'auditor'] as const) {
      const c = await t.as(org, role);
      expect((await dryRun(GOOD, c)).status).toBe(403);
    }
  });
});
