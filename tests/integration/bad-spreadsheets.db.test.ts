import v8 from 'node:v8';
import vm from 'node:vm';
import { Zip, ZipDeflate } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../support/test-app';
import type { HttpClient } from '../support/http-client';

/**
 * Hostile spreadsheets (part of the bad-input suite, tests/integration/bad-input.db.test.ts): each
 * is built here, a few megabytes at most on the wire, and uploaded to an import. The server must
 * refuse it with a 4xx, a stable code and a Spanish message, stay responsive (/api/health within
 * 1 s throughout) and keep its memory bounded.
 */
// Building the files leaves garbage in this process, which also runs the server: it is collected
// before each upload, so that a collection pause is not taken for the server's, and the memory
// growth measured is the upload's.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let t: TestApp;
let org: TestOrg;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLXLS');
  admin = await t.as(org, 'administrator');
});
afterAll(() => t.close());

type Part = { name: string; chunks: () => Iterable<string> };

const contentTypes = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('')}</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_CLOSE = `</sheetData></worksheet>`;

/**
 * An XLSX of `sheets` sheets, each written by `sheet(i)` as chunks of its <sheetData> content, so
 * that a sheet of hundreds of megabytes never sits in memory (it is deflated as it is generated).
 */
function workbook(sheets: number, sheet: (i: number) => Iterable<string>): Buffer {
  const parts: Part[] = [
    { name: '[Content_Types].xml', chunks: () => [contentTypes(sheets)] },
    { name: '_rels/.rels', chunks: () => [ROOT_RELS] },
    {
      name: 'xl/workbook.xml',
      chunks: () => [
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`,
        ...Array.from(
          { length: sheets },
          (_, i) => `<sheet name="Hoja${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
        ),
        `</sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: () => [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`,
        ...Array.from(
          { length: sheets },
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        ),
        `</Relationships>`,
      ],
    },
    ...Array.from({ length: sheets }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      chunks: function* () {
        yield SHEET_OPEN;
        yield* sheet(i);
        yield SHEET_CLOSE;
      },
    })),
  ];
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  const encoder = new TextEncoder();
  const cache = new Map<string, Uint8Array>();
  const encoded = (text: string) => {
    if (!cache.has(text)) cache.set(text, encoder.encode(text));
    return cache.get(text)!;
  };
  for (const part of parts) {
    const file = new ZipDeflate(part.name, { level: 1 });
    zip.add(file);
    let pending: string[] = [];
    let size = 0;
    for (const chunk of part.chunks()) {
      if (chunk.length >= 1 << 20) {
        // A megabyte of filler: encoded once, pushed as is.
        if (pending.length) file.push(encoder.encode(pending.join('')));
        pending = [];
        size = 0;
        file.push(encoded(chunk));
        continue;
      }
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        file.push(encoder.encode(pending.join('')));
        pending = [];
        size = 0;
      }
    }
    file.push(encoder.encode(pending.join('')), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(out);
}

const row = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
const HEADER = row(1, ['nombre', 'tipo', 'nivel']);

/** `megabytes` of "A" in one cell, generated a megabyte at a time. */
function* hugeCell(megabytes: number) {
  yield HEADER;
  yield `<row r="2"><c t="inlineStr"><is><t>`;
  const mb = 'A'.repeat(1 << 20);
  for (let i = 0; i < megabytes; i++) yield mb;
  yield `</t></is></c></row>`;
}

function* rows(count: number, columns: number, text: string) {
  yield HEADER;
  const cells = Array.from({ length: columns }, () => text);
  for (let r = 2; r <= count + 1; r++) yield row(r, cells);
}

async function upload(file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return admin.request<{ code: string; message: string; fields: { path: string; message: string }[] }>(
    'POST',
    '/api/institutions/import',
    form,
  );
}

/**
 * Uploads `file` while asking /api/health every 100 ms and sampling the process's memory (the
 * server runs in this process); returns the answer, the slowest health answer and the memory growth.
 */
async function uploadWatched(file: Buffer, name: string) {
  gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let slowest = 0;
  let done = false;
  const watcher = (async () => {
    while (!done) {
      const started = Date.now();
      const res = await fetch(`${t.url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(
        () => null,
      );
      slowest = Math.max(slowest, res?.status === 200 ? Date.now() - started : Infinity);
      peak = Math.max(peak, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const res = await upload(file, name);
    return { res, slowest, growthMb: (peak - baseline) / 1024 / 1024 };
  } finally {
    done = true;
    await watcher;
  }
}

describe('hostile spreadsheets', { timeout: 240_000 }, () => {
  const cases: {
    name: string;
    build: () => Buffer;
    status: number;
    code: string;
    path: string;
    message: RegExp;
  }[] = [
    {
      name: 'many sheets',
      build: () => workbook(60, (i) => [row(1, [`Hoja ${i + 1}`])]),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      path: 'sheets',
      message: /El libro tiene más de 50 hojas/,
    },
    {
      name: 'ten sheets, each with a 16 MB cell (the reported probe, smaller)',
      build: () => workbook(10, () => hugeCell(16)),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      path: 'rows.2.A',
      message: /La celda A2 tiene más de 32,767 caracteres/,
    },
    {
      name: 'one cell of 100 MB',
      build: () => workbook(1, () => hugeCell(100)),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      path: 'file',
      message: /ocupa más de 64 MB sin comprimir/,
    },
    {
      name: '400,000 rows',
      build: () => workbook(1, () => rows(400_000, 1, 'Universidad')),
      status: 400,
      code: 'IMPORT_INVALID',
      path: 'rows',
      message: /más de 10,000 filas de datos/,
    },
    {
      name: 'too many columns',
      build: () =>
        workbook(1, () => [
          HEADER,
          row(
            2,
            Array.from({ length: 5_000 }, () => 'x'),
          ),
        ]),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      path: 'columns',
      message: /La fila 2 usa más de 200 columnas/,
    },
    {
      name: 'a zip bomb: 9,000 rows within every other limit, 150 MB uncompressed',
      build: () => workbook(1, () => rows(9_000, 150, 'B'.repeat(100))),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      path: 'file',
      message: /sin comprimir/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: refused with ${c.status} ${c.code}, the server responsive and its memory bounded`, async () => {
      const file = c.build();
      expect(file.length).toBeLessThan(8 * 1024 * 1024);
      const { res, slowest, growthMb } = await uploadWatched(file, 'instituciones.xlsx');
      expect(res.status, JSON.stringify(res.body)).toBe(c.status);
      expect(res.body.code).toBe(c.code);
      expect(res.body.message).toMatch(c.message);
      expect(res.body.fields).toEqual([{ path: c.path, message: res.body.message }]);
      expect(slowest).toBeLessThan(1_000);
      expect(growthMb).toBeLessThan(300);
    });
  }

  it('a CSV of 400,000 lines is refused the same way', async () => {
    const lines = [
      'nombre,tipo,nivel',
      ...Array.from({ length: 400_000 }, (_, i) => `Inst ${i},university,local`),
    ];
    const { res, slowest } = await uploadWatched(Buffer.from(lines.join('\n')), 'instituciones.csv');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IMPORT_INVALID', fields: [{ path: 'rows' }] });
    expect(slowest).toBeLessThan(1_000);
  });
});
