import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { Folio } from './contract';

// The national authority brings in the follow-up folios it sent before Vincula (issue 22 item 4),
// through real HTTP: the dry run writing nothing, refused rows by row and column, the import in one
// go (each local body sees its folios, the national series continues after the highest number),
// the same file again changing nothing, a local body refused, a body not named untouched; audited.

let t: TestApp;
let ine: TestOrg;
let iecm: TestOrg;
let ieqroo: TestOrg;
let staff: HttpClient;
let auditor: HttpClient;
let iecmLiaison: HttpClient;
let ieqrooLiaison: HttpClient;
let untouched: HttpClient;

const HEADER = 'folio,destinatario,tipo,naturaleza,asunto,cuerpo,fecha_envio,plazo,estatus,fecha_estatus';
const GOOD = [
  HEADER,
  '24/2024,IECM,Circular,Para su atención,Estado procesal de las denuncias,,12/01/2024,5 días hábiles,Concluido,19/01/2024',
  '24/2024,IEQROO,Circular,Para su atención,Estado procesal de las denuncias,,12/01/2024,5 días hábiles,,',
  '30/2024,IECM,Oficio,De conocimiento,Calendario de capacitación,Anexo único,2024-01-20,,,',
].join('\n');

type Plan = {
  dryRun: boolean;
  counts: Record<'create' | 'update' | 'unchanged' | 'refused', number>;
  rows: { row: number; outcome: string; label: string; problems: { field: string; message: string }[] }[];
};

function file(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'enviados.csv');
  return form;
}
const importing = (text: string, dryRun = false) =>
  staff.post<Plan>(`/api/channel/sent-folios/import?dryRun=${dryRun}`, file(text));
const foliosOf = async (client: HttpClient) =>
  (await client.get<{ items: Folio[]; total: number }>('/api/channel/folios?pageSize=50')).body.items;

beforeAll(async () => {
  t = await startTestApp();
  ine = await t.createOrg('INE', 'national_authority');
  iecm = await t.createOrg('IECM');
  ieqroo = await t.createOrg('IEQROO');
  const other = await t.createOrg('IEEC');
  staff = await t.as(ine, 'national_authority_staff');
  auditor = await t.as(ine, 'auditor');
  iecmLiaison = await t.as(iecm, 'liaison_staff');
  ieqrooLiaison = await t.as(ieqroo, 'liaison_staff');
  untouched = await t.as(other, 'liaison_staff');
}, 120_000);
afterAll(() => t.close());

describe("the national authority's import of the folios it sent", () => {
  it('answers the plan of every row in a dry run and writes nothing', async () => {
    const plan = await importing(GOOD, true);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body).toMatchObject({
      dryRun: true,
      counts: { create: 3, update: 0, unchanged: 0, refused: 0 },
    });
    expect(plan.body.rows.map((r) => r.label)).toEqual([
      '24/2024 · IECM · Estado procesal de las denuncias',
      '24/2024 · IEQROO · Estado procesal de las denuncias',
      '30/2024 · IECM · Calendario de capacitación',
    ]);
    expect(await foliosOf(iecmLiaison)).toEqual([]);
  });

  it('refuses the whole file while a row is refused, each problem by row and column, in Spanish', async () => {
    const bad = [
      GOOD,
      '31/2024,IEX,Oficio,,Destinatario desconocido,,2024-01-22,,,',
      '32/2024,IECM,Oficio,,Fecha imposible,,30/02/2024,,,',
      '24/2024,IECM,Circular,,Estado procesal de las denuncias,,12/01/2024,,,',
      '30/2024,IEQROO,Oficio,De conocimiento,Otro asunto,Anexo único,2024-01-20,,,',
    ].join('\n');
    const res = await staff.post<{ code: string; fields: { path: string; message: string }[] }>(
      '/api/channel/sent-folios/import',
      file(bad),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.fields).toEqual([
      {
        path: 'rows.5.destinatario',
        message: '«IEX» no es un organismo local de esta instalación. Escriba sus siglas: IECM, IEQROO, IEEC',
      },
      { path: 'rows.6.fecha_envio', message: 'El 30 de febrero de 2024 no existe' },
      {
        path: 'rows.7.destinatario',
        message: 'El folio 24/2024 para IECM ya aparece en la fila 2 del archivo',
      },
      { path: 'rows.8.asunto', message: 'El folio 30/2024 lleva otros datos en la fila 4 (asunto)' },
    ]);
    expect(await foliosOf(iecmLiaison)).toEqual([]);
  });

  it('imports the folios in one go: each body sees its own, the series continues, the same file again changes nothing', async () => {
    const done = await importing(GOOD);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, refused: 0 });

    const received = await foliosOf(iecmLiaison);
    expect(
      received.map((f) => [f.folio, f.subject, f.status, f.receivedOn, f.dueOn, f.closedOn]).sort(),
    ).toEqual([
      ['24/2024', 'Estado procesal de las denuncias', 'concluded', '2024-01-12', '2024-01-19', '2024-01-19'],
      ['30/2024', 'Calendario de capacitación', 'pending_local', '2024-01-20', null, null],
    ]);
    const theirs = await foliosOf(ieqrooLiaison);
    expect(theirs.map((f) => [f.folio, f.status, f.nationalOrgId])).toEqual([
      ['24/2024', 'pending_local', ine.id],
    ]);
    // One communication for the circular's two copies; the national side sees the three.
    expect(theirs[0]!.communicationId).toBe(received.find((f) => f.folio === '24/2024')!.communicationId);
    expect(await foliosOf(staff)).toHaveLength(3);
    expect(await foliosOf(untouched)).toEqual([]);

    // The next communication sent through Vincula takes the number after the highest imported.
    const sent = await staff.post<{ folio: string }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Primer oficio en Vincula',
      sentOn: '2024-02-01',
      recipientOrgIds: [iecm.id],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.folio).toBe('31/2024');

    const again = await importing(GOOD);
    expect(again.status).toBe(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 3, refused: 0 });
    expect(await foliosOf(staff)).toHaveLength(4);

    // A different subject for a registered folio is refused, saying where it is corrected.
    const changed = await importing(GOOD.replace('Calendario de capacitación', 'Calendario'), true);
    expect(changed.body.rows[2]!.problems).toEqual([
      {
        field: 'asunto',
        message:
          'El folio 30/2024 ya está registrado con otros datos (asunto); un folio registrado se corrige en su página, no con un archivo',
      },
    ]);

    const trail = await auditor.get<{ items: { action: string; after: { created: number } | null }[] }>(
      '/api/audit?action=channel.sent_folio_import_file',
    );
    expect(trail.body.items.map((i) => [i.action, i.after?.created])).toEqual([
      ['channel.sent_folio_import_file', 0],
      ['channel.sent_folio_import_file', 3],
    ]);
  });

  it('refuses a file of more than 10,000 rows as a whole, writing nothing', async () => {
    const rows = Array.from(
      { length: 10_001 },
      (_, i) => `${100 + i}/2024,IEEC,Oficio,,Folio ${i},,2024-03-01,,,`,
    );
    const res = await staff.post<{ fields: { path: string; message: string }[] }>(
      '/api/channel/sent-folios/import',
      file([HEADER, ...rows].join('\n')),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { path: 'rows', message: expect.stringContaining('más de 10,000 filas de datos') },
    ]);
    expect(await foliosOf(untouched)).toEqual([]);
  }, 60_000);

  it('is refused to a local body, and without the required columns', async () => {
    const local = await iecmLiaison.post<{ code: string; message: string }>(
      '/api/channel/sent-folios/import?dryRun=true',
      file(GOOD),
    );
    expect(local.status).toBe(409);
    expect(local.body.message).toBe(
      'Solo la autoridad nacional importa los folios que envió a los organismos locales.',
    );
    const res = await staff.post<{ fields: { path: string }[] }>(
      '/api/channel/sent-folios/import',
      file('folio,asunto\n1/2024,Algo'),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f) => f.path)).toEqual([
      'columns.destinatario',
      'columns.tipo',
      'columns.fecha_envio',
    ]);
  });
});
