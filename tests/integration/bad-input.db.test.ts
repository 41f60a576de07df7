import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../support/test-app';
import type { HttpClient } from '../support/http-client';
import { machineTextIn } from '../support/human-messages';

/**
 * Bad input never gets a 500: every route of the OpenAPI document receives malformed ids, bodies
 * and queries from a signed-in administrator, and must answer 2xx or 4xx with the error shape.
 * Hostile spreadsheets (zip bombs, huge cells, too many rows, columns or sheets) have their own file:
 * bad-spreadsheets.db.test.ts.
 */
let t: TestApp;
let org: TestOrg;
let admin: HttpClient;
let liaison: HttpClient;
let councillor: HttpClient;
let ineStaff: HttpClient;
let routes: { method: string; path: string }[];
let doc: OpenApi;
let everyRole: HttpClient[];

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
  everyRole = [admin, liaison, councillor, ineStaff];
  for (const role of ['area_staff', 'auditor'] as const) everyRole.push(await t.as(org, role));
  doc = (await t.anonymous().get<OpenApi>('/api/openapi.json')).body;
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
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

// ---- extreme dates, ranges and sizes on every route of the OpenAPI document

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
};
/** Dates written as text with their own checks (an activity's date spec). */
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
type Parameter = { name: string; in: string; required?: boolean; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** far: years 0001 and 9999; widest: the whole accepted range; huge: sizes, pages and counts. */
type Variant = 'far' | 'widest' | 'huge';
const HUGE = 1_000_000_000;
/** The largest answer any route may give: a page of 200 rich items, a quarterly report's DOCX. */
const MAX_ANSWER_CHARS = 3_000_000;
const STARTS = /^(from|since|start|startsOn|periodStart|dateFrom)$/i;

function resolve(schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {};
  const options = (s.anyOf ?? s.oneOf)?.map(resolve).filter((o) => o.type !== 'null');
  if (options?.length) return options[0]!;
  if (s.allOf?.length) return resolve(s.allOf[0]);
  return s;
}

function typeOf(s: JsonSchema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

/** A value for a field, extreme where the field is a date, a datetime or a number. */
function valueFor(name: string, raw: JsonSchema, variant: Variant, depth = 0): unknown {
  const s = resolve(raw);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum.find((e) => e !== null);
  const type = typeOf(s);
  if (s.format === 'date' || s.pattern === DAY_PATTERN) {
    const start = STARTS.test(name);
    if (variant === 'far') return start ? '0001-01-01' : '9999-12-31';
    if (variant === 'widest') return start ? '1990-01-01' : '2100-12-31';
    return start ? '2024-01-01' : '2024-12-31';
  }
  if (s.format === 'date-time') return variant === 'far' ? '9999-12-31T00:00:00Z' : '2100-12-31T00:00:00Z';
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'email') return 'persona@ejemplo.mx';
  if (s.format === 'uri') return 'https://ejemplo.mx/';
  if (type === 'integer' || type === 'number') return variant === 'huge' ? HUGE : Math.max(s.minimum ?? 1, 1);
  if (type === 'boolean') return false;
  if (type === 'array')
    return depth > 3
      ? []
      : Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () =>
          valueFor(name, s.items ?? {}, variant, depth + 1),
        );
  if (type === 'object' || s.properties) {
    if (depth > 3) return {};
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([k, v]) => [k, valueFor(k, v, variant, depth + 1)]),
    );
  }
  return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
}

/** Whether a schema holds a date, a datetime or a number anywhere (what this walk makes extreme). */
function hasExtremeField(raw: JsonSchema | undefined, depth = 0): { date: boolean; number: boolean } {
  const s = resolve(raw);
  const type = typeOf(s);
  const here = {
    date: s.format === 'date' || s.format === 'date-time' || s.pattern === DAY_PATTERN,
    number: type === 'integer' || type === 'number',
  };
  if (depth > 4) return here;
  for (const child of [...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : [])]) {
    const c = hasExtremeField(child, depth + 1);
    here.date ||= c.date;
    here.number ||= c.number;
  }
  return here;
}

type Probe = { method: string; url: string; body?: unknown; dated: boolean };

function probesOf(method: string, path: string, op: Operation): Probe[] {
  const params = op.parameters ?? [];
  const query = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const inQuery = query.map((p) => hasExtremeField(p.schema));
  const inBody = hasExtremeField(bodySchema);
  const dated = inQuery.some((f) => f.date) || inBody.date;
  const sized = inQuery.some((f) => f.number) || inBody.number;
  if (!dated && !sized) return [];
  const variants: Variant[] = dated ? ['far', 'widest', 'huge'] : ['huge'];
  return variants.map((variant) => {
    let url = path;
    for (const p of params.filter((p) => p.in === 'path'))
      url = url.replace(`{${p.name}}`, encodeURIComponent(String(valueFor(p.name, p.schema, 'huge'))));
    const search = new URLSearchParams();
    for (const p of query) {
      const v = valueFor(p.name, p.schema, variant);
      if (v !== undefined && (typeof v !== 'object' || v === null)) search.set(p.name, String(v));
    }
    const qs = search.toString();
    return {
      method,
      url: qs ? `${url}?${qs}` : url,
      body: bodySchema && method !== 'GET' ? valueFor('body', bodySchema, variant) : undefined,
      dated: variant === 'far' && (inQuery.some((f) => f.date) || inBody.date),
    };
  });
}

/** Sends the probe as the first role allowed to call the route (the route's permission). */
async function sendAsPermitted(probe: Probe, cache: Map<string, HttpClient>, key: string) {
  const known = cache.get(key);
  if (known) return known.request(probe.method, probe.url, probe.body);
  let res = await admin.request(probe.method, probe.url, probe.body);
  for (const client of everyRole) {
    res = client === admin ? res : await client.request(probe.method, probe.url, probe.body);
    cache.set(key, client);
    if (res.status !== 403) break;
  }
  return res;
}

describe('extreme dates, ranges and sizes on every route', () => {
  it('refuses far dates, and answers the widest range and the largest sizes boundedly, while /api/health answers within a second', async () => {
    const cache = new Map<string, HttpClient>();
    const health = t.anonymous();
    let probed = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [lower, op] of Object.entries(methods)) {
        const method = lower.toUpperCase();
        if (path === '/api/session') continue; // signs the walk's users out or in
        for (const probe of probesOf(method, path, op)) {
          const label = `${method} ${probe.url} ${JSON.stringify(probe.body ?? '').slice(0, 200)}`;
          const answer = sendAsPermitted(probe, cache, `${method} ${path}`);
          // The server keeps answering others while this request works.
          await new Promise((r) => setTimeout(r, 20));
          const started = performance.now();
          const ping = await health.get('/api/health');
          const waited = performance.now() - started;
          const res = await answer;
          expect(ping.status, label).toBe(200);
          expect(waited, `/api/health waited ${Math.round(waited)} ms during ${label}`).toBeLessThan(1000);
          expectClientAnswer(label, res);
          const size = typeof res.body === 'string' ? res.body.length : JSON.stringify(res.body).length;
          expect(size, `${label} answered ${size} characters`).toBeLessThan(MAX_ANSWER_CHARS);
          if (probe.dated) {
            expect(res.status, `${label} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(400);
            expect(JSON.stringify((res.body as Refusal).fields), label).toMatch(/1990/);
          }
          probed++;
        }
      }
    }
    expect(probed).toBeGreaterThan(50);
  }, 240_000);
});
