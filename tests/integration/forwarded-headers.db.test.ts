import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../support/test-app';

/**
 * X-Forwarded-For, -Host and -Proto say who the client is only when a proxy of ours wrote them:
 * from anyone else they are ignored (VINCULA_TRUSTED_PROXIES, empty by default). The tests
 * connect from 127.0.0.1.
 */
const signIn = (t: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  t.anonymous().request('POST', '/api/session', { email, password }, headers);

async function auditAddresses(t: TestApp, action: string, email: string): Promise<(string | null)[]> {
  const rows = await t.ctx.database.query<{ ip_address: string | null }>(
    'select ip_address from audit_entry where action = $1 and actor_label = $2 order by seq',
    [action, email],
  );
  return rows.map((r) => r.ip_address);
}

async function sessionAddresses(t: TestApp, email: string): Promise<(string | null)[]> {
  const rows = await t.ctx.database.query<{ ip_address: string | null }>(
    'select s.ip_address from session s join "user" u on u.id = s.user_id where u.email = $1',
    [email],
  );
  return rows.map((r) => r.ip_address);
}

describe('without trusted proxies (the default)', { timeout: 300_000 }, () => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await startTestApp({ VINCULA_LOGIN_MAX_FAILURES: '2' });
    org = await t.createOrg('OPLXFF');
  });
  afterAll(() => t.close());

  it('records the connecting address, not the claimed one, in the audit trail and the session', async () => {
    const email = org.users.councillor;
    expect((await signIn(t, email, 'incorrecta', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(401);
    expect((await signIn(t, email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(204);
    expect(await auditAddresses(t, 'auth.sign_in_failed', email)).toEqual(['127.0.0.1']);
    expect(await auditAddresses(t, 'auth.sign_in', email)).toEqual(['127.0.0.1']);
    expect(await sessionAddresses(t, email)).toEqual(['127.0.0.1']);
  });

  it('refuses a cross-site write whose X-Forwarded-Host claims the origin it comes from', async () => {
    const res = await t.anonymous().request(
      'POST',
      '/api/session',
      { email: org.users.auditor, password: TEST_PASSWORD },
      {
        origin: 'https://sitio-ajeno.example',
        'x-forwarded-host': 'sitio-ajeno.example',
        'x-forwarded-proto': 'https',
      },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'CROSS_ORIGIN_REQUEST' });
  });
});

describe('one machine guessing without trusted proxies', { timeout: 300_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ VINCULA_LOGIN_MAX_FAILURES: '2' });
  });
  afterAll(() => t.close());

  it('throttles guessing from one machine however many addresses X-Forwarded-For claims', async () => {
    // An address trying many accounts is stopped at 20 times the per-account limit (40 here).
    for (let i = 0; i < 40; i += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          signIn(t, `nadie-${i + k}@ejemplo.test`, 'adivinanza', {
            'x-forwarded-for': `198.51.100.${i + k + 1}`,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    }
    const next = await signIn(t, 'otra-cuenta@ejemplo.test', 'adivinanza', {
      'x-forwarded-for': '198.51.100.99',
    });
    expect(next.status).toBe(429);
  });
});

describe('behind a trusted proxy', () => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await startTestApp({ VINCULA_TRUSTED_PROXIES: '127.0.0.1', VINCULA_LOGIN_MAX_FAILURES: '3' });
    org = await t.createOrg('OPLPRX');
  });
  afterAll(() => t.close());

  it('takes the client address the proxy appended, not what the client put before it', async () => {
    const email = org.users.liaison_staff;
    // The client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended the address it saw.
    const headers = { 'x-forwarded-for': '192.0.2.66, 203.0.113.7' };
    expect((await signIn(t, email, 'incorrecta', headers)).status).toBe(401);
    expect((await signIn(t, email, TEST_PASSWORD, headers)).status).toBe(204);
    expect(await auditAddresses(t, 'auth.sign_in_failed', email)).toEqual(['203.0.113.7']);
    expect(await auditAddresses(t, 'auth.sign_in', email)).toEqual(['203.0.113.7']);
    expect(await sessionAddresses(t, email)).toEqual(['203.0.113.7']);
  });

  it('accepts a write whose origin is the public host the proxy forwarded', async () => {
    const res = await t.anonymous().request(
      'POST',
      '/api/session',
      { email: org.users.auditor, password: TEST_PASSWORD },
      {
        origin: 'https://vincula.example',
        'x-forwarded-host': 'vincula.example',
        'x-forwarded-proto': 'https',
      },
    );
    expect(res.status).toBe(204);
  });
});
