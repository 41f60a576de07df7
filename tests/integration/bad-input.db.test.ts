import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../support/test-app';
import type { HttpClient } from '../support/http-client';
import { machineTextIn } from '../support/human-messages';

/**
 * Bad input never gets a 500: every route of the OpenAPI document receives malformed ids, bodies
 * and queries from a signed-in administrator, and must answer 2xx or 4xx with the error shape.
 */
let t: TestApp;
let org: TestOrg;
let admin: HttpClient;
let routes: { method: string; path: string }[];

const BODIES: unknown[] = [
  {},
  [],
  'texto',
  42,
  null,
  { name: null, kind: 7, startsOn: '2024-02-30', email: 'x', roles: 'admin', areaIds: ['no-uuid'] },
  { name: 'x'.repeat(10_000), aliases: Array(1000).fill('a') },
  { __proto__: { admin: true }, constructor: { prototype: {} } },
  {
    name: 'nul\u0000byte',
    fullName: 'nul\u0000byte',
    title: 'x\u0000',
    kind: 'university',
    level: 'local',
    startsOn: '2024-01-01',
  },
];
const QUERIES = [
  '?page=-1',
  '?pageSize=100000',
  '?page=abc&kind=nada',
  '?from=2024-02-30&to=ayer',
  '?q=%25%5F%5C',
  '?format=pdf',
];
const IDS = ['x', '00000000-0000-4000-8000-000000000000', "1'%20or%20'1'='1", '%00'];

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLX');
  admin = await t.as(org, 'administrator');
  const doc = await t
    .anonymous()
    .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
  routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

function expectClientAnswer(route: string, res: { status: number; body: unknown }) {
  expect(res.status, `${route} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.body, route).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      fields: expect.any(Array),
    });
    // Every refusal speaks to a person: no validation library's wording, sign, mask or key.
    const body = res.body as { message: string; fields: { path: string; message: string }[] };
    for (const text of [body.message, ...body.fields.map((f) => f.message)])
      expect(machineTextIn(text), `${route}: «${text}»`).toBeUndefined();
  }
}

describe('bad input on every route', () => {
  it('answers malformed ids, bodies and queries without a server error', async () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const { method, path } of routes) {
      if (path === '/api/session' && method === 'DELETE') continue; // would end the session used here
      for (const id of IDS) {
        const url = path.replace(/\{[^}]+\}/g, id);
        if (method === 'GET') {
          for (const q of QUERIES)
            expectClientAnswer(`${method} ${url}${q}`, await admin.request(method, url + q));
        } else {
          for (const body of BODIES) {
            expectClientAnswer(
              `${method} ${url}`,
              await admin.request(method, url, JSON.stringify(body), { 'content-type': 'application/json' }),
            );
          }
          expectClientAnswer(
            `${method} ${url} (text/plain)`,
            await admin.request(method, url, 'hola', { 'content-type': 'text/plain' }),
          );
        }
        if (!path.includes('{')) break;
      }
    }
    // Thousands of requests: the time grows with every route added and with the machine's load.
  }, 300_000);
});
