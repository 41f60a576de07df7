import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await startTestApp({ VINCULA_LOGIN_MAX_FAILURES: '3' });
  org = await t.createOrg('OPLA');
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('opens a session with the right password and shows who is signed in', async () => {
    const c = await t.as(org, 'liaison_staff');
    const me = await c.get<{ email: string; roles: string[]; organization: { acronym: string } }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: org.users.liaison_staff,
      roles: ['liaison_staff'],
      organization: { acronym: 'OPLA' },
    });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await t
      .anonymous()
      .post('/api/session', { email: org.users.auditor, password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vincula.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers 401 with a Spanish message for a wrong password', async () => {
    const res = await t
      .anonymous()
      .post('/api/session', { email: org.users.councillor, password: 'incorrecta' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'El correo o la contraseña no son correctos.',
      fields: [],
    });
  });

  it('refuses further attempts after too many failures, even with the right password', async () => {
    const victim = await t.createOrg('OPLTH');
    const c = t.anonymous();
    for (let i = 0; i < 3; i++) {
      expect(
        (await c.post('/api/session', { email: victim.users.area_staff, password: `mala-${i}` })).status,
      ).toBe(401);
    }
    const res = await c.post('/api/session', { email: victim.users.area_staff, password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('rejects unknown fields and malformed e-mails with the offending fields', async () => {
    const res = await t
      .anonymous()
      .post('/api/session', { email: 'no-es-correo', password: 'x', extra: true });
    expect(res.status).toBe(400);
    const paths = (res.body as { fields: { path: string }[] }).fields.map((f) => f.path).sort();
    expect(paths).toEqual(['email', 'extra']);
  });

  it('signs out: the session no longer works', async () => {
    const c = await t.as(org, 'councillor');
    expect((await c.delete('/api/session')).status).toBe(204);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  describe('the session cookie on each request', () => {
    /** Signs in and returns the Set-Cookie pairs ("name=value") and the session's token. */
    async function signInCookies() {
      const res = await t
        .anonymous()
        .post('/api/session', { email: org.users.auditor, password: TEST_PASSWORD });
      const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
      const session = pairs.find((p) => p.startsWith('vincula.session_token='))!;
      const token = decodeURIComponent(session.slice(session.indexOf('=') + 1)).split('.')[0]!;
      return { pairs, session, token };
    }
    const me = (cookie: string) => fetch(`${t.url}/api/me`, { headers: { cookie } });
    const sessionRow = async (token: string) =>
      (
        (await t.ctx.database.db.execute(
          sql`select expires_at from session where token = ${token}`,
        )) as unknown as { rows: { expires_at: string | Date }[] }
      ).rows[0];

    it('accepts the signed cookie and refuses one whose signature was altered', async () => {
      const { pairs, session } = await signInCookies();
      expect((await me(pairs.join('; '))).status).toBe(200);
      // The signature's first character: all six of its bits count (the last one's low bits do not).
      const dot = session.lastIndexOf('.');
      const tampered =
        session.slice(0, dot + 1) + (session[dot + 1] === 'A' ? 'B' : 'A') + session.slice(dot + 2);
      expect(tampered).not.toBe(session);
      expect((await me(tampered)).status).toBe(401);
      // A valid signature over another token is no session either.
      expect((await me('vincula.session_token=abc')).status).toBe(401);
    });

    it('refuses an expired session and deletes it', async () => {
      const { pairs, token } = await signInCookies();
      await t.ctx.database.db.execute(
        sql`update session set expires_at = now() - interval '1 minute' where token = ${token}`,
      );
      expect((await me(pairs.join('; '))).status).toBe(401);
      expect(await sessionRow(token)).toBeUndefined();
    });

    it('extends a remembered session older than the update age', async () => {
      const { session, token } = await signInCookies();
      // Two hours old: twelve-hour sessions are extended after one hour.
      await t.ctx.database.db.execute(
        sql`update session set expires_at = now() + interval '10 hours' where token = ${token}`,
      );
      // Without better-auth's "don't remember" cookie the session is a remembered one.
      expect((await me(session)).status).toBe(200);
      const extended = new Date((await sessionRow(token))!.expires_at).getTime();
      expect(extended).toBeGreaterThan(Date.now() + 11.5 * 3600_000);
    });
  });

  it('answers 401 without a session', async () => {
    const res = await t.anonymous().get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('cross-site requests', () => {
  it('refuses a write whose Origin is another site', async () => {
    const c = await t.as(org, 'administrator');
    const res = await c.request(
      'POST',
      '/api/institutions',
      { name: 'X', kind: 'university', level: 'local' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'CROSS_ORIGIN_REQUEST' });
  });

  it('refuses a write marked cross-site by the browser', async () => {
    const c = await t.as(org, 'administrator');
    const res = await c.request(
      'POST',
      '/api/institutions',
      { name: 'X', kind: 'university', level: 'local' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(res.status).toBe(403);
  });
});

describe('password change', () => {
  it('requires the current password and then accepts the new one', async () => {
    const other = await t.createOrg('OPLPW');
    const c = await t.as(other, 'auditor');
    const wrong = await c.post('/api/me/password', {
      currentPassword: 'no',
      newPassword: 'una-nueva-contraseña',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'WRONG_PASSWORD', fields: [{ path: 'currentPassword' }] });
    const short = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'corta' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'newPassword' }] });
    expect(
      (
        await c.post('/api/me/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'una-nueva-contraseña',
        })
      ).status,
    ).toBe(204);
    const again = t.anonymous();
    await again.signIn(other.users.auditor, 'una-nueva-contraseña');
    expect((await again.get('/api/me')).status).toBe(200);
  });
});

describe('user administration', () => {
  it('lets the administrator create, change and disable users of the organization', async () => {
    const admin = await t.as(org, 'administrator');
    const created = await admin.post<{ id: string; roles: string[] }>('/api/users', {
      name: 'Nueva Persona',
      email: 'Nueva@Opla.test',
      password: 'contraseña-inicial-1',
      roles: ['liaison_staff'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'nueva@opla.test',
      roles: ['liaison_staff'],
      disabled: false,
    });

    const newbie = t.anonymous();
    await newbie.signIn('nueva@opla.test', 'contraseña-inicial-1');

    const disabled = await admin.patch(`/api/users/${created.body.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect((await newbie.get('/api/me')).status).toBe(401);
    const retry = await t
      .anonymous()
      .post('/api/session', { email: 'nueva@opla.test', password: 'contraseña-inicial-1' });
    expect(retry.status).toBe(403);
    expect(retry.body).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    const list = await admin.get<{ items: { email: string }[] }>('/api/users?q=nueva');
    expect(list.body.items.map((u) => u.email)).toEqual(['nueva@opla.test']);
  });

  it('refuses a duplicate e-mail with 409 and the field', async () => {
    const admin = await t.as(org, 'administrator');
    const res = await admin.post('/api/users', {
      name: 'Dup',
      email: org.users.auditor,
      password: 'contraseña-inicial-1',
      roles: ['auditor'],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'email' }] });
  });

  it('keeps an administrator from locking themself out', async () => {
    const admin = await t.as(org, 'administrator');
    const me = await admin.get<{ id: string }>('/api/me');
    const res = await admin.patch(`/api/users/${me.body.id}`, { roles: ['auditor'] });
    expect(res.status).toBe(409);
  });

  it('forbids user administration to other roles', async () => {
    for (const role of ['liaison_staff', 'councillor', 'area_staff'] as const) {
      const c = await t.as(org, role);
      expect(
        (
          await c.post('/api/users', {
            name: 'X',
            email: 'x@x.test',
            password: 'contraseña-inicial-1',
            roles: ['auditor'],
          })
        ).status,
      ).toBe(403);
    }
  });
});
