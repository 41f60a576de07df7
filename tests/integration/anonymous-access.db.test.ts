import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The routes anyone may call without a session. Every other route of the API answers an anonymous
 * caller 401 before it looks at the input: its schema (what it expects, which fields exist) is for
 * signed-in users only.
 */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/session',
  'GET /api/public/outreach/unsubscribe/{token}',
  'POST /api/public/outreach/unsubscribe/{token}',
  'GET /api/public/outreach/open/{token}',
  'GET /api/governance/feeds/{token}/sesiones.ics',
  // The convocatoria's link of each person convened: receipt, confirmation and the agenda's documents.
  'GET /api/public/convocations/{token}',
  'POST /api/public/convocations/{token}/response',
  'GET /api/public/convocations/{token}/documents/{documentId}',
  // The installation's setup link and the invitations (ADR 0023).
  'GET /api/setup/{token}',
  'POST /api/setup/{token}',
  'GET /api/invitations/{token}',
  'POST /api/invitations/{token}',
  // Password reset by e-mail (ADR 0027).
  'POST /api/password-reset',
  'GET /api/password-reset/{token}',
  'POST /api/password-reset/{token}',
  // The second step of signing in (ADR 0028): called before a session exists, on the strength of the
  // pending sign-in that a right password leaves.
  'POST /api/session/two-factor',
  // Single sign-on (ADR 0034): the providers the sign-in page offers, the start of a sign-in with one
  // and the provider's way back, all before a session exists.
  'GET /api/sign-in-options',
  'GET /api/sso/{provider}',
  'GET /api/auth/callback/{provider}',
]);

type OpenApi = { paths: Record<string, Record<string, unknown>> };

/** Garbage in every part of a request: path parameters, query and body. */
function garbage(path: string) {
  return path.replace(/\{[^}]+\}/g, 'no-es-un-id%20%3Cb%3E');
}
const GARBAGE_QUERY = '?page=-7&pageSize=mil&from=2024-02-30&to=x&format=exe&zz=%3Cscript%3E';
const GARBAGE_BODY = JSON.stringify({ campoDesconocido: '<script>', page: -1, id: 'x' });

describe('anonymous callers', () => {
  let t: TestApp;
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as(await t.createOrg('ANON'), 'administrator');
    const doc = await admin.get<OpenApi>('/api/openapi.json');
    expect(doc.status).toBe(200);
    routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('the API document lists the routes, the public ones among them', () => {
    expect(routes.length).toBeGreaterThan(100);
    for (const route of PUBLIC_ROUTES) expect(routes).toContain(route);
  });

  it('every route that is not public answers 401 to garbage input, never its schema', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      if (PUBLIC_ROUTES.has(route)) continue;
      const [method, path] = route.split(' ') as [string, string];
      const res = await fetch(t.url + garbage(path) + GARBAGE_QUERY, {
        method,
        headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : GARBAGE_BODY,
      });
      const body = (await res.json().catch(() => null)) as { code?: string; fields?: unknown[] } | null;
      if (res.status !== 401 || body?.code !== 'UNAUTHENTICATED' || body.fields?.length) {
        answers.push(`${route} → ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it('the session is checked before the body is even parsed', async () => {
    const anonymous = t.anonymous();
    const broken = await anonymous.request<{ code: string }>('POST', '/api/institutions', '{"name":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(401);
    expect(broken.body.code).toBe('UNAUTHENTICATED');
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(2 * 1024 * 1024)]), 'grande.pdf');
    const upload = await anonymous.post<{ code: string }>('/api/channel/communications/x/attachments', form);
    expect(upload.status).toBe(401);
  });

  it('the public routes answer garbage with a 4xx of their own, never a 5xx', async () => {
    for (const route of PUBLIC_ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      if (route === 'GET /api/health') continue;
      const res = await fetch(t.url + garbage(path) + GARBAGE_QUERY, {
        method,
        headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : GARBAGE_BODY,
      });
      expect(res.status, route).toBeLessThan(500);
    }
  });
});
