import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../tests/support/test-app';
import { DEMO_PASSWORD } from '../../cli/demo';
import { todayInMexicoCity } from '../../shared/dates';
import { createOrganization } from '../accounts/create-organization';
import { createUser } from '../accounts/create-user';
import { existingAreaIds } from '../directory';
import type { ProgramTree } from '../program/contract';
import type { SetupChecklist, SetupItem, SetupItemKey } from './setup-checklist-contract';

// The office's set-up checklist (issue 22 item 3): computed from the records of each module, for
// an organization that has nothing but its administrator, step by step, and for the demo's office.

let t: TestApp;
let admin: HttpClient;
const today = todayInMexicoCity();
const year = Number(today.slice(0, 4));
const system = { userId: null, label: 'test', organizationId: null };

async function checklist(c: HttpClient = admin): Promise<SetupChecklist> {
  const res = await c.get<SetupChecklist>('/api/setup-checklist');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const item = (c: SetupChecklist, key: SetupItemKey): SetupItem => c.items.find((i) => i.key === key)!;
const doneKeys = (c: SetupChecklist) => c.items.filter((i) => i.done).map((i) => i.key);

async function created<T = { id: string }>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as T;
}

beforeAll(async () => {
  t = await startTestApp();
  // A new office as an operator leaves it: the organization and its administrator, nothing else.
  const org = await createOrganization(t.ctx.database.db, system, {
    name: 'Organismo Nuevo',
    acronym: 'ONU',
    kind: 'local_body',
  });
  await createUser(
    t.ctx.database.db,
    { ...system, organizationId: org.id },
    org.id,
    {
      name: 'Administración ONU',
      email: 'admin@onu.test',
      password: TEST_PASSWORD,
      roles: ['administrator'],
      areaIds: [],
    },
    existingAreaIds,
  );
  admin = new HttpClient(t.url);
  await admin.signIn('admin@onu.test', TEST_PASSWORD);
}, 120_000);
afterAll(() => t?.close());

describe('the set-up checklist of a new office', () => {
  it('shows every step missing on an organization with nothing but its administrator', async () => {
    const c = await checklist();
    expect(c.year).toBe(year);
    expect(c.items.map((i) => i.key)).toEqual([
      'areas',
      'users',
      'calendar',
      'bodies',
      'program',
      'letterhead',
      'recipients',
      'mail',
    ]);
    expect(doneKeys(c)).toEqual([]);
    expect(c.done).toBe(false);
    for (const i of c.items) expect(i.count, i.key).toBe(0);
    expect(item(c, 'letterhead')).toMatchObject({ missing: 2, lacks: ['letterhead', 'legalBasis'] });
  });

  it('marks each step done as its records are registered, and the area without a head as missing', async () => {
    const area = await created(admin.post('/api/areas', { name: 'Dirección de Vinculación', kind: 'other' }));
    let c = await checklist();
    expect(item(c, 'areas')).toMatchObject({ done: false, count: 1, missing: 1 });

    const person = await created(admin.post('/api/people', { fullName: 'Elena Titular' }));
    await created(
      admin.post(`/api/people/${person.id}/positions`, {
        title: 'Directora de Vinculación',
        areaId: area.id,
        headKind: 'titular',
        startsOn: `${year}-01-01`,
      }),
    );
    c = await checklist();
    expect(item(c, 'areas')).toMatchObject({ done: true, count: 1, missing: 0 });
    expect(doneKeys(c)).toEqual(['areas']);

    await created(
      admin.post('/api/users', {
        name: 'Enlace ONU',
        email: 'enlace@onu.test',
        password: 'contraseña-inicial-1',
        roles: ['liaison_staff'],
      }),
    );
    await created(
      admin.post('/api/channel/calendar/non-working-days', {
        day: `${year}-12-24`,
        reason: 'Periodo vacacional',
      }),
    );
    c = await checklist();
    expect(item(c, 'users')).toMatchObject({ done: true, count: 1 });
    expect(item(c, 'calendar')).toMatchObject({ done: true, count: 1 });

    // A body without members is registered but not composed.
    const body = await created(
      admin.post('/api/governance/bodies', {
        name: 'Comisión de Vinculación',
        acronym: 'CV',
        kind: 'permanent_committee',
        createdOn: `${year}-01-01`,
      }),
    );
    expect(item(await checklist(), 'bodies')).toMatchObject({ done: false, count: 1, missing: 1 });
    await created(
      admin.post(`/api/governance/bodies/${body.id}/memberships`, {
        role: 'president',
        personId: person.id,
        startsOn: `${year}-01-01`,
      }),
    );
    expect(item(await checklist(), 'bodies')).toMatchObject({ done: true, count: 1, missing: 0 });

    // The program counts once it has a line, an objective and a target.
    const program = await created<ProgramTree>(
      admin.post('/api/program/programs', { year, name: `Programa ${year}`, approvedByText: 'ACU/001' }),
    );
    const withLine = await created<ProgramTree>(
      admin.post(`/api/program/programs/${program.id}/lines`, { number: 1, title: 'Vinculación' }),
    );
    const line = withLine.lines[0]!;
    expect(item(await checklist(), 'program')).toMatchObject({ done: false, count: 1, objectives: 0 });
    const withObjective = await created<ProgramTree>(
      admin.post(`/api/program/lines/${line.id}/objectives`, { key: 'A', title: 'Convenios' }),
    );
    await created(
      admin.post('/api/program/targets', {
        objectiveId: withObjective.lines[0]!.objectives[0]!.id,
        description: 'Dos reuniones',
        minimumCount: 2,
        unit: 'reuniones',
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        source: 'activities',
      }),
    );
    c = await checklist();
    expect(item(c, 'program')).toMatchObject({ done: true, count: 1, objectives: 1, targets: 1 });

    // The letterhead needs its logo or a header line, and the report's legal basis besides.
    const letterhead = (values: object) =>
      admin.put('/api/letterhead', { headerLines: [], footerLines: [], legalBasis: null, ...values });
    expect((await letterhead({ legalBasis: 'Artículo 72 del código electoral local.' })).status).toBe(200);
    expect(item(await checklist(), 'letterhead')).toMatchObject({
      done: false,
      count: 1,
      missing: 1,
      lacks: ['letterhead'],
    });
    expect((await letterhead({ footerLines: ['Calle 1, Ciudad'] })).status).toBe(200);
    expect(item(await checklist(), 'letterhead')).toMatchObject({
      done: false,
      lacks: ['letterhead', 'legalBasis'],
    });
    expect(
      (await letterhead({ headerLines: ['Organismo Nuevo'], legalBasis: 'Artículo 72 del código.' })).status,
    ).toBe(200);
    expect(item(await checklist(), 'letterhead')).toMatchObject({
      done: true,
      count: 2,
      missing: 0,
      lacks: [],
    });

    await created(
      admin.post('/api/channel/report-recipients', { email: 'estadistica@ine.test', name: 'INE' }),
    );
    c = await checklist();
    expect(item(c, 'recipients')).toMatchObject({ done: true, count: 1 });
    // Without SMTP_HOST the installation sends no mail: the one step the office cannot do itself.
    expect(doneKeys(c)).toEqual([
      'areas',
      'users',
      'calendar',
      'bodies',
      'program',
      'letterhead',
      'recipients',
    ]);
    expect(item(c, 'mail').done).toBe(false);
    expect(c.done).toBe(false);
  });

  it('is done once the installation has a mail server', async () => {
    const withMail = await startTestApp({ SMTP_HOST: '127.0.0.1' }, { sameDatabaseAs: t });
    try {
      const c = new HttpClient(withMail.url);
      await c.signIn('admin@onu.test', TEST_PASSWORD);
      const list = await checklist(c);
      expect(item(list, 'mail').done).toBe(true);
      expect(list.done).toBe(true);
    } finally {
      await withMail.close();
    }
  });

  it('reopens a step when its record goes away', async () => {
    const recipients = await admin.get<{ id: string }[]>('/api/channel/report-recipients');
    expect((await admin.delete(`/api/channel/report-recipients/${recipients.body[0]!.id}`)).status).toBe(204);
    expect(item(await checklist(), 'recipients')).toMatchObject({ done: false, count: 0 });
  });

  it('answers only administrators: 403 to the rest of the office', async () => {
    const liaison = new HttpClient(t.url);
    await liaison.signIn('enlace@onu.test', 'contraseña-inicial-1');
    const res = await liaison.get<{ code: string }>('/api/setup-checklist');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await t.anonymous().get('/api/setup-checklist')).status).toBe(401);
  });

  it("answers the installation's operator 404, as every organization's record route", async () => {
    const operator = await t.asOperator();
    expect((await operator.get('/api/setup-checklist')).status).toBe(404);
  });
});

describe("the demo office's checklist", () => {
  let demo: TestApp;
  let demoAdmin: HttpClient;
  beforeAll(async () => {
    demo = await startTestApp({}, { demo: true });
    demoAdmin = new HttpClient(demo.url);
    await demoAdmin.signIn('admin@iecm.demo', DEMO_PASSWORD);
  }, 600_000);
  afterAll(() => demo?.close());

  it('counts what the other pages list', async () => {
    const c = await checklist(demoAdmin);
    const areas = await demoAdmin.get<{ items: { currentHead: unknown }[]; total: number }>(
      '/api/areas?pageSize=100',
    );
    expect(areas.body.total).toBeLessThanOrEqual(100);
    expect(item(c, 'areas')).toMatchObject({
      count: areas.body.total,
      missing: areas.body.items.filter((a) => !a.currentHead).length,
    });
    const users = await demoAdmin.get<{ items: { roles: string[]; disabled: boolean }[]; total: number }>(
      '/api/users?pageSize=200',
    );
    expect(users.body.total).toBeLessThanOrEqual(200);
    expect(item(c, 'users').count).toBe(
      users.body.items.filter((u) => !u.disabled && u.roles.some((r) => r !== 'administrator')).length,
    );
    expect(item(c, 'users').count).toBeGreaterThan(0);
    const calendar = await demoAdmin.get<{ nonWorkingDays: unknown[] }>(`/api/channel/calendar?year=${year}`);
    expect(item(c, 'calendar').count).toBe(calendar.body.nonWorkingDays.length);
    const bodies = await demoAdmin.get<{ items: { endedOn: string | null }[] }>('/api/governance/bodies');
    const inOffice = bodies.body.items.filter((b) => !b.endedOn || b.endedOn >= today);
    expect(item(c, 'bodies').count).toBe(inOffice.length);
    expect(item(c, 'bodies').count).toBeGreaterThan(0);
    expect(item(c, 'bodies').done).toBe(true);
    // The demo's office has its letterhead and legal basis (demo-letterhead.ts).
    expect(item(c, 'letterhead')).toMatchObject({ done: true, lacks: [] });
    const recipients = await demoAdmin.get<unknown[]>('/api/channel/report-recipients');
    expect(item(c, 'recipients')).toMatchObject({ count: recipients.body.length });
    const programs = await demoAdmin.get<{ id: string; year: number }[]>('/api/program/programs');
    const own = programs.body.find((p) => p.year === year);
    if (own) {
      const tree = await demoAdmin.get<ProgramTree>(`/api/program/programs/${own.id}`);
      expect(item(c, 'program')).toMatchObject({
        count: tree.body.lines.length,
        objectives: tree.body.lines.reduce((s, l) => s + l.objectives.length, 0),
      });
    } else {
      expect(item(c, 'program')).toMatchObject({ done: false, count: 0 });
    }
    expect(c.done).toBe(c.items.every((i) => i.done));
  });
});
