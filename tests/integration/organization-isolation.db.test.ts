import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../support/test-app';
import type { HttpClient } from '../support/http-client';

/**
 * Every organization sees only its own data. Organization B's administrator (the widest role) tries
 * every route of the API against organization A's records. The table below must name every route
 * of the OpenAPI document: a new route without an isolation check fails this test.
 */

type Ids = {
  institution: string;
  area: string;
  person: string;
  position: string;
  user: string;
  bArea: string;
  bPerson: string;
};
type Probe = (b: HttpClient, a: Ids) => Promise<void>;

let t: TestApp;
let orgA: TestOrg;
let orgB: TestOrg;
let ids: Ids;
let a: HttpClient;
let b: HttpClient;

function csv(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'datos.csv');
  return form;
}

const notFound = (res: { status: number }) => expect(res.status).toBe(404);
const listIsEmptyOfA = async (res: Promise<{ status: number; body: unknown }>) => {
  const r = await res;
  expect(r.status).toBe(200);
  expect(JSON.stringify(r.body)).not.toContain('Organismo A');
  expect(JSON.stringify(r.body)).not.toContain(ids.institution);
};

const PROBES: Record<string, Probe | 'self'> = {
  'GET /api/health': 'self',
  'POST /api/session': 'self',
  'DELETE /api/session': 'self',
  'GET /api/me': 'self',
  'POST /api/me/password': 'self',
  'GET /api/users': async (c) => {
    const res = await c.get<{ items: { email: string }[] }>('/api/users?pageSize=200');
    expect(res.body.items.some((u) => u.email.endsWith('@opla.test'))).toBe(false);
  },
  'GET /api/users/{id}': async (c, x) => notFound(await c.get(`/api/users/${x.user}`)),
  'POST /api/users': async (c, x) => {
    const res = await c.post('/api/users', {
      name: 'Intruso',
      email: 'intruso@oplb.test',
      password: 'contraseña-larga-1',
      roles: ['area_staff'],
      areaIds: [x.area],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: [{ path: 'areaIds.0' }] });
  },
  'PATCH /api/users/{id}': async (c, x) =>
    notFound(await c.patch(`/api/users/${x.user}`, { disabled: true })),
  'GET /api/institutions': (c) => listIsEmptyOfA(c.get('/api/institutions?q=Organismo')),
  'GET /api/institutions/{id}': async (c, x) => notFound(await c.get(`/api/institutions/${x.institution}`)),
  'POST /api/institutions': async (c) => {
    expect(
      (await c.post('/api/institutions', { name: 'Propia de B', kind: 'university', level: 'local' })).status,
    ).toBe(201);
  },
  'PATCH /api/institutions/{id}': async (c, x) =>
    notFound(await c.patch(`/api/institutions/${x.institution}`, { name: 'Tomada' })),
  'GET /api/areas': (c) => listIsEmptyOfA(c.get('/api/areas?q=Organismo')),
  'GET /api/areas/{id}': async (c, x) => notFound(await c.get(`/api/areas/${x.area}`)),
  'POST /api/areas': async (c, x) => {
    const res = await c.post('/api/areas', { name: 'Hija', kind: 'other', parentId: x.area });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: [{ path: 'parentId' }] });
  },
  'PATCH /api/areas/{id}': async (c, x) => {
    notFound(await c.patch(`/api/areas/${x.area}`, { name: 'Tomada' }));
    const res = await c.patch(`/api/areas/${x.bArea}`, { parentId: x.area });
    expect(res.status).toBe(400);
  },
  'GET /api/people': (c) => listIsEmptyOfA(c.get('/api/people?q=Organismo')),
  'GET /api/people/{id}': async (c, x) => notFound(await c.get(`/api/people/${x.person}`)),
  'POST /api/people': async (c) => {
    expect((await c.post('/api/people', { fullName: 'Persona de B' })).status).toBe(201);
  },
  'PATCH /api/people/{id}': async (c, x) =>
    notFound(await c.patch(`/api/people/${x.person}`, { fullName: 'Tomada' })),
  'POST /api/people/{id}/positions': async (c, x) => {
    notFound(await c.post(`/api/people/${x.person}/positions`, { title: 'Cargo', startsOn: '2024-01-01' }));
    const res = await c.post(`/api/people/${x.bPerson}/positions`, {
      title: 'Cargo',
      areaId: x.area,
      startsOn: '2024-01-01',
    });
    expect(res.status).toBe(400);
    const inst = await c.post(`/api/people/${x.bPerson}/positions`, {
      title: 'Cargo',
      institutionId: x.institution,
      startsOn: '2024-01-01',
    });
    expect(inst.status).toBe(400);
  },
  'PUT /api/people/{id}/positions/{positionId}': async (c, x) =>
    notFound(
      await c.put(`/api/people/${x.person}/positions/${x.position}`, {
        title: 'Cargo',
        startsOn: '2024-01-01',
      }),
    ),
  'DELETE /api/people/{id}/positions/{positionId}': async (c, x) =>
    notFound(await c.delete(`/api/people/${x.person}/positions/${x.position}`)),
  'GET /api/institutions/export': (c) => listIsEmptyOfA(c.get('/api/institutions/export?format=csv')),
  'GET /api/areas/export': (c) => listIsEmptyOfA(c.get('/api/areas/export?format=csv')),
  'GET /api/people/export': (c) => listIsEmptyOfA(c.get('/api/people/export?format=csv')),
  'POST /api/institutions/import': async (c) => {
    const res = await c.post(
      '/api/institutions/import',
      csv('nombre,tipo,nivel\nUniversidad del Organismo A,university,local\n'),
    );
    // Same name as A's institution, yet not a duplicate: A's records do not exist for B.
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1 });
  },
  'POST /api/areas/import': async (c) => {
    const res = await c.post(
      '/api/areas/import',
      csv('nombre,tipo,area_superior\nSubárea,other,Dirección del Organismo A\n'),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('area_superior');
  },
  'POST /api/people/import': async (c) => {
    const res = await c.post('/api/people/import', csv('nombre_completo\nTitular del Organismo A\n'));
    expect(res.status).toBe(200);
  },
  'DELETE /api/institutions/{id}': async (c, x) =>
    notFound(await c.delete(`/api/institutions/${x.institution}`)),
  'DELETE /api/areas/{id}': async (c, x) => notFound(await c.delete(`/api/areas/${x.area}`)),
  'DELETE /api/people/{id}': async (c, x) => notFound(await c.delete(`/api/people/${x.person}`)),
  'GET /api/audit/facets': async (c) => {
    const facets = await c.get<{ actions: string[] }>('/api/audit/facets');
    const own = await c.get<{ items: { action: string }[] }>('/api/audit?pageSize=200');
    expect(facets.status).toBe(200);
    expect(facets.body.actions.sort()).toEqual([...new Set(own.body.items.map((e) => e.action))].sort());
  },
  'GET /api/audit': async (c) => {
    const res = await c.get<{ items: { entityId: string | null }[] }>('/api/audit?pageSize=200');
    expect(res.status).toBe(200);
    expect(
      res.body.items.some(
        (e) =>
          Object.values(ids).includes(e.entityId ?? '') &&
          e.entityId !== ids.bArea &&
          e.entityId !== ids.bPerson,
      ),
    ).toBe(false);
  },
};

async function snapshotOfA(): Promise<unknown> {
  return Promise.all([
    a.get(`/api/institutions/${ids.institution}`),
    a.get(`/api/areas/${ids.area}`),
    a.get(`/api/people/${ids.person}`),
    a.get(`/api/users/${ids.user}`),
  ]).then((rs) => rs.map((r) => r.body));
}

beforeAll(async () => {
  t = await startTestApp();
  orgA = await t.createOrg('OPLA');
  orgB = await t.createOrg('OPLB');
  a = await t.as(orgA, 'administrator');
  b = await t.as(orgB, 'administrator');
  const institution = (
    await a.post<{ id: string }>('/api/institutions', {
      name: 'Universidad del Organismo A',
      kind: 'university',
      level: 'local',
    })
  ).body.id;
  const area = (
    await a.post<{ id: string }>('/api/areas', { name: 'Dirección del Organismo A', kind: 'directorate' })
  ).body.id;
  const person = (await a.post<{ id: string }>('/api/people', { fullName: 'Titular del Organismo A' })).body
    .id;
  const position = (
    await a.post<{ id: string }>(`/api/people/${person}/positions`, {
      title: 'Titular',
      areaId: area,
      headKind: 'titular',
      startsOn: '2024-01-01',
    })
  ).body.id;
  const users = await a.get<{ items: { id: string; email: string }[] }>('/api/users?q=auditor');
  const bArea = (await b.post<{ id: string }>('/api/areas', { name: 'Área de B', kind: 'other' })).body.id;
  const bPerson = (await b.post<{ id: string }>('/api/people', { fullName: 'Otra persona de B' })).body.id;
  ids = { institution, area, person, position, user: users.body.items[0]!.id, bArea, bPerson };
});
afterAll(() => t.close());

describe('organization isolation', () => {
  it('has an isolation probe for every route of the API', async () => {
    const doc = await t
      .anonymous()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(r in PROBES))).toEqual([]);
  });

  it("keeps organization A's records out of reach of organization B's administrator", async () => {
    const before = await snapshotOfA();
    for (const [route, probe] of Object.entries(PROBES)) {
      if (probe === 'self') continue;
      await probe(b, ids).catch((e: Error) => {
        throw new Error(`${route}: ${e.message}`);
      });
    }
    expect(await snapshotOfA()).toEqual(before);
  });
});
