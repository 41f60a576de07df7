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
let liaison: HttpClient;
let councillor: HttpClient;
let ineStaff: HttpClient;
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
  liaison = await t.as(org, 'liaison_staff');
  councillor = await t.as(org, 'councillor');
  ineStaff = await t.as(await t.createOrg('INEX', 'national_authority'), 'national_authority_staff');
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

type Refusal = { code: string; fields: { path: string; message: string }[] };
const RANGE_MESSAGE = /entre el 1 de enero de 1990 y el 31 de diciembre de 2100/;

/** The refusal names the field and, for a far date, the accepted range. */
function expectRefused(res: { status: number; body: unknown }, path: string, message?: RegExp) {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
  const body = res.body as Refusal;
  expect(body.code).toBe('VALIDATION_FAILED');
  const field = body.fields.find((f) => f.path === path || f.path === `querystring.${path}`);
  expect(field, JSON.stringify(body.fields)).toBeDefined();
  if (message) expect(field!.message).toMatch(message);
}

describe('far dates and unbounded ranges (issue 14)', () => {
  it('refuses a non-working day in year 9999 or 0001 instead of building days until the process dies', async () => {
    for (const day of ['9999-12-31', '0001-01-01']) {
      expectRefused(
        await liaison.post('/api/channel/calendar/non-working-days', { day, reason: 'x' }),
        'day',
        RANGE_MESSAGE,
      );
    }
    // The longest range allowed is checked before a single day is listed.
    expectRefused(
      await liaison.post('/api/channel/calendar/non-working-days', {
        day: '1990-01-01',
        to: '2100-12-31',
        reason: 'x',
      }),
      'to',
      /62 días/,
    );
  });

  it('refuses a communication and an answer dated 9999-12-31 instead of counting 365 business days past it', async () => {
    expectRefused(
      await ineStaff.post('/api/channel/communications', {
        module: 'follow_up',
        documentType: 'circular',
        nature: 'for_attention',
        subject: 'Lejano',
        body: 'x',
        sentOn: '9999-12-31',
        toAll: true,
        dueRule: { kind: 'business_days', days: 365 },
      }),
      'sentOn',
      RANGE_MESSAGE,
    );
    const created = await ineStaff.post<{ folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'circular',
      nature: 'for_attention',
      subject: 'Para contestar',
      body: 'x',
      sentOn: '2024-03-01',
      toAll: false,
      recipientOrgIds: [org.id],
      dueRule: { kind: 'business_days', days: 365 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expectRefused(
      await liaison.post(`/api/channel/folios/${created.body.folioIds[0]}/events`, {
        event: 'local_answers',
        on: '9999-12-31',
        text: 'Atendido',
      }),
      'on',
      RANGE_MESSAGE,
    );
  });

  it('refuses statistics and dashboards over ten thousand years instead of answering 121 MB or a 500', async () => {
    for (const [from, to] of [
      ['0001-01-01', '9999-12-31'],
      ['1990-01-01', '2100-12-31'],
    ] as const) {
      const monthly = await councillor.get(
        `/api/channel/statistics/monthly?module=follow_up&from=${from}&to=${to}`,
      );
      expectRefused(monthly, from === '0001-01-01' ? 'from' : 'to');
      const dashboard = await councillor.get(`/api/dashboard?from=${from}&to=${to}`);
      expectRefused(dashboard, from === '0001-01-01' ? 'from' : 'to');
    }
  });
});
