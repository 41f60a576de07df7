import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { Agreement, Session, SessionDetail } from './contract';

// Importing past sessions of a collegiate body, their attendance and their numbered agreements
// through real HTTP (issue 22 item 4): the dry run writing nothing, a refused row by row and column,
// the import in one go with the year's numbering continuing after it, the same file again changing
// nothing, a different title refused clearly, another organization's sessions untouched; audited.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let liaison: HttpClient;
let otherLiaison: HttpClient;
let auditor: HttpClient;
let body: string;
let otherBody: string;

const HEADER =
  'Órgano,Tipo de sesión,Fecha,Hora de inicio,Hora de término,Modalidad,Lugar,Asistieron,No asistieron,Acuerdo,Título del acuerdo';
const GOOD = [
  HEADER,
  'CVOE,Ordinaria,26/01/2024,11:00,12:30,Híbrida,Sala de juntas,María López Ramírez|Juan Pérez Soto|Rosa Díaz Luna,Laura Méndez Cruz,CVOE/001/2024,Programa anual de trabajo',
  'CVOE,Ordinaria,26/01/2024,11:00,12:30,Híbrida,Sala de juntas,,,CVOE/002/2024,Calendario de sesiones',
  'cvoe,extraordinaria,2024-02-15,,,,,,,,',
].join('\n');

type Plan = {
  dryRun: boolean;
  counts: Record<'create' | 'update' | 'unchanged' | 'refused', number>;
  rows: { row: number; outcome: string; label: string; problems: { field: string; message: string }[] }[];
};

function file(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'sesiones.csv');
  return form;
}
const importing = (text: string, dryRun = false, client = () => liaison) =>
  client().post<Plan>(`/api/governance/sessions/import?dryRun=${dryRun}`, file(text));
const sessionsOf = async (client: HttpClient, id: string) =>
  (await client.get<{ items: Session[] }>(`/api/governance/bodies/${id}/sessions`)).body.items;

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as { id: string }).id;
}

async function committee(client: HttpClient) {
  const id = await created(
    client.post('/api/governance/bodies', {
      name: 'Comisión de Vinculación con Organismos Externos',
      acronym: 'CVOE',
      kind: 'permanent_committee',
      createdOn: '2023-01-01',
    }),
  );
  for (const [fullName, role] of [
    ['María López Ramírez', 'president'],
    ['Juan Pérez Soto', 'member'],
    ['Laura Méndez Cruz', 'member'],
    ['Rosa Díaz Luna', 'technical_secretary'],
  ] as const) {
    const person = await created(client.post('/api/people', { fullName }));
    await created(
      client.post(`/api/governance/bodies/${id}/memberships`, {
        role,
        personId: person,
        startsOn: '2023-01-01',
      }),
    );
  }
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLS');
  other = await t.createOrg('OPLO');
  liaison = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
  otherLiaison = await t.as(other, 'liaison_staff');
  body = await committee(liaison);
  otherBody = await committee(otherLiaison);
  await created(
    otherLiaison.post(`/api/governance/bodies/${otherBody}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-01-26',
      startTime: '11:00',
      modality: 'presencial',
    }),
  );
}, 120_000);
afterAll(() => t.close());

describe('the sessions import', () => {
  it('answers the plan of every row in a dry run and writes nothing', async () => {
    const plan = await importing(GOOD, true);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body).toMatchObject({
      dryRun: true,
      counts: { create: 3, update: 0, unchanged: 0, refused: 0 },
    });
    expect(plan.body.rows.map((r) => r.label)).toEqual([
      'CVOE · 26/01/2024 · ordinaria · CVOE/001/2024',
      'CVOE · 26/01/2024 · ordinaria · CVOE/002/2024',
      'CVOE · 2024-02-15 · extraordinaria',
    ]);
    expect(await sessionsOf(liaison, body)).toEqual([]);
  });

  it('refuses the whole file while a row is refused, each problem by row and column, in Spanish', async () => {
    const bad = [
      GOOD,
      'CVOE,Ordinaria,31/02/2024,,,,,,,,',
      'CVOE,Ordinaria,01/03/2024,,,,,Pedro Nadie,,,',
      'CVOE,Ordinaria,26/01/2024,11:00,,,,,,CVOE/001/2024,Repetido',
      'CEO,Ordinaria,01/03/2024,,,,,,,,',
    ].join('\n');
    const res = await liaison.post<{ code: string; fields: { path: string; message: string }[] }>(
      '/api/governance/sessions/import',
      file(bad),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.fields).toEqual([
      { path: 'rows.5.Fecha', message: 'El 31 de febrero de 2024 no existe' },
      {
        path: 'rows.6.Asistieron',
        message:
          '«Pedro Nadie» no tenía cargo ni invitación en la CVOE el viernes 1 de marzo de 2024 (escriba el nombre como en el directorio, o el del partido)',
      },
      { path: 'rows.7.Acuerdo', message: 'El acuerdo CVOE/001/2024 ya aparece en la fila 2 del archivo' },
      { path: 'rows.8.Órgano', message: 'Órgano colegiado no registrado: «CEO». Escriba sus siglas: CVOE' },
    ]);
    expect(await sessionsOf(liaison, body)).toEqual([]);
  });

  it('imports sessions, attendance and agreements in one go; numbering continues; the same file again changes nothing', async () => {
    const done = await importing(GOOD);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, refused: 0 });
    const sessions = await sessionsOf(liaison, body);
    expect(sessions.map((s) => [s.name, s.heldOn, s.modality, s.place])).toEqual([
      ['primera sesión ordinaria de 2024', '2024-01-26', 'hibrida', 'Sala de juntas'],
      ['primera sesión extraordinaria de 2024', '2024-02-15', 'presencial', null],
    ]);
    const detail = (await liaison.get<SessionDetail>(`/api/governance/sessions/${sessions[0]!.id}`)).body;
    expect(detail.roster.map((r) => [r.personName, r.present])).toEqual([
      ['María López Ramírez', true],
      ['Juan Pérez Soto', true],
      ['Laura Méndez Cruz', false],
      ['Rosa Díaz Luna', true],
    ]);
    expect(detail.quorum.reached).toBe(true);
    expect(detail.agreements.map((a) => [a.number, a.title])).toEqual([
      ['CVOE/001/2024', 'Programa anual de trabajo'],
      ['CVOE/002/2024', 'Calendario de sesiones'],
    ]);

    // The year's numbering continues after the highest imported number.
    const next = await liaison.post<Agreement>(`/api/governance/sessions/${sessions[1]!.id}/agreements`, {
      title: 'Acuerdo adoptado en Vincula',
      voteKind: 'unanimous',
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.number).toBe('CVOE/003/2024');

    const again = await importing(GOOD);
    expect(again.status).toBe(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 3, refused: 0 });
    expect(await sessionsOf(liaison, body)).toHaveLength(2);

    const trail = await auditor.get<{ items: { action: string; after: { created: number } | null }[] }>(
      '/api/audit?action=body_session.import',
    );
    expect(trail.body.items.map((i) => [i.action, i.after?.created])).toEqual([
      ['body_session.import', 0],
      ['body_session.import', 3],
    ]);
  });

  it('refuses a row that differs from what is registered, saying where it is corrected', async () => {
    const changed = await importing(GOOD.replace('Calendario de sesiones', 'Calendario anual'), true);
    expect(changed.body.counts).toEqual({ create: 0, update: 0, unchanged: 2, refused: 1 });
    expect(changed.body.rows[1]!.problems).toEqual([
      {
        field: 'Título del acuerdo',
        message:
          'El acuerdo CVOE/002/2024 ya está registrado con otro título; se corrige en su página, no con un archivo',
      },
    ]);
    const absent = await importing(GOOD.replace('Laura Méndez Cruz,CVOE/001', ',CVOE/001'), true);
    expect(absent.body.rows[0]!.problems[0]!.field).toBe('Asistieron');
    expect(absent.body.rows[0]!.problems[0]!.message).toContain('ya está registrada con otros datos');
  });

  it("leaves another organization's body of the same acronym untouched", async () => {
    const theirs = await sessionsOf(otherLiaison, otherBody);
    expect(theirs.map((s) => [s.heldOn, s.modality, s.status])).toEqual([
      ['2024-01-26', 'presencial', 'scheduled'],
    ]);
    const detail = (await otherLiaison.get<SessionDetail>(`/api/governance/sessions/${theirs[0]!.id}`)).body;
    expect(detail.agreements).toEqual([]);
    expect(detail.roster.every((r) => r.present === null)).toBe(true);
  });

  it('refuses a file of more than 10,000 rows as a whole, writing nothing', async () => {
    const before = await sessionsOf(liaison, body);
    const rows = Array.from(
      { length: 10_001 },
      (_, i) => `CVOE,Ordinaria,02/01/2023,${String(i % 24).padStart(2, '0')}:00,,,,,,,`,
    );
    const res = await liaison.post<{ fields: { path: string; message: string }[] }>(
      '/api/governance/sessions/import',
      file([HEADER, ...rows].join('\n')),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { path: 'rows', message: expect.stringContaining('más de 10,000 filas de datos') },
    ]);
    expect(await sessionsOf(liaison, body)).toEqual(before);
  }, 60_000);

  it('refuses a file without the required columns, and a role that does not write governance', async () => {
    const res = await liaison.post<{ code: string; fields: { path: string }[] }>(
      '/api/governance/sessions/import',
      file('Acuerdo,Título del acuerdo\nCVOE/009/2024,Algo'),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f) => f.path)).toEqual([
      'columns.Órgano',
      'columns.Tipo de sesión',
      'columns.Fecha',
    ]);
    expect((await auditor.post('/api/governance/sessions/import', file(GOOD))).status).toBe(403);
  });
});
