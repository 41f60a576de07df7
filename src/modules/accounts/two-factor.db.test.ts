import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';

// Two-factor authentication (ADR 0028) through the real HTTP server. Codes are computed here with
// an independent TOTP implementation (otpauth) from the secret the enrolment shows.

type Enrolment = { uri: string; secret: string; qrCode: string };
type Problem = { code: string; message: string; fields: { path: string; message: string }[] };

/** The authenticator app: the code of the 30-second step `steps` away from now. */
function app(secret: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return (steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A six-digit code no neighbouring step of the secret produces: surely wrong. */
function wrongCode(code: (steps?: number) => string): string {
  const taken = new Set([-2, -1, 0, 1, 2].map((s) => code(s)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!taken.has(candidate)) return candidate;
  }
}

async function enrol(client: HttpClient) {
  const started = await client.post<Enrolment>('/api/me/two-factor', { password: TEST_PASSWORD });
  expect(started.status).toBe(200);
  const code = app(started.body.secret);
  const first = code();
  const confirmed = await client.post<{ recoveryCodes: string[] }>('/api/me/two-factor/confirmation', {
    code: first,
  });
  expect(confirmed.status).toBe(200);
  return { code, first, recoveryCodes: confirmed.body.recoveryCodes };
}

async function auditActions(t: TestApp, userId: string): Promise<string[]> {
  const rows = await t.ctx.database.query<{ action: string }>(
    'select action from audit_entry where entity_id = $1 order by seq',
    [userId],
  );
  return rows.map((r) => r.action);
}

async function userId(t: TestApp, email: string): Promise<string> {
  const [row] = await t.ctx.database.query<{ id: string }>('select id from "user" where email = $1', [email]);
  return row!.id;
}

describe('two-factor authentication', () => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.createOrg('OPLDF');
    other = await t.createOrg('OPLOT');
  });
  afterAll(() => t.close());

  it('enrols from the account: the password first, a QR code and the secret, then a first code', async () => {
    const c = await t.as(org, 'councillor');
    const wrong = await c.post<Problem>('/api/me/two-factor', { password: 'otra-contraseña' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'WRONG_PASSWORD', fields: [{ path: 'password' }] });

    const started = await c.post<Enrolment>('/api/me/two-factor', { password: TEST_PASSWORD });
    expect(started.status).toBe(200);
    const uri = new URL(started.body.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(started.body.secret);
    expect(decodeURIComponent(uri.pathname)).toContain(org.users.councillor);
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.body.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');

    // Not on until a first code confirms the app.
    const before = await c.get<{ twoFactor: { enabled: boolean } }>('/api/me');
    expect(before.body.twoFactor).toEqual({ enabled: false, required: false });

    const code = app(started.body.secret);
    const bad = await c.post<Problem>('/api/me/two-factor/confirmation', { code: wrongCode(code) });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_CODE');
    expect(bad.body.fields.map((f) => f.path)).toEqual(['code']);

    const confirmed = await c.post<{ recoveryCodes: string[] }>('/api/me/two-factor/confirmation', {
      code: code(),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    // better-auth renews the session; the renewed one works.
    const after = await c.get<{ twoFactor: { enabled: boolean } }>('/api/me');
    expect(after.status).toBe(200);
    expect(after.body.twoFactor).toEqual({ enabled: true, required: false });
    expect(await auditActions(t, await userId(t, org.users.councillor))).toEqual(
      expect.arrayContaining(['auth.two_factor_failed', 'auth.two_factor_enabled']),
    );
    // Enrolling twice is refused.
    const again = await c.post<Problem>('/api/me/two-factor', { password: TEST_PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TWO_FACTOR_ALREADY_ENABLED');
  });

  it('asks for the code after the right password; wrong and reused codes are refused', async () => {
    const c = await t.as(org, 'liaison_staff');
    const { code, first } = await enrol(c);
    const id = await userId(t, org.users.liaison_staff);

    const browser = t.anonymous();
    const pending = await browser.post<Problem>('/api/session', {
      email: org.users.liaison_staff,
      password: TEST_PASSWORD,
    });
    expect(pending.status).toBe(401);
    expect(pending.body.code).toBe('TWO_FACTOR_REQUIRED');
    expect(pending.body.message).toMatch(/código/);
    // No session yet: only the pending sign-in.
    expect((await browser.get('/api/me')).status).toBe(401);

    const wrong = await browser.post<Problem>('/api/session/two-factor', { code: wrongCode(code) });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CODE', fields: [{ path: 'code' }] });

    // The code that confirmed the enrolment is spent, even within its 30 seconds.
    const reused = await browser.post<Problem>('/api/session/two-factor', { code: first });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('CODE_ALREADY_USED');
    expect(reused.body.message).toMatch(/ya se usó/);

    // The next step's code (accepted for clock drift) opens the session.
    const next = code(1);
    const right = await browser.post('/api/session/two-factor', { code: next });
    expect(right.status).toBe(204);
    expect((await browser.get('/api/me')).status).toBe(200);

    // And it cannot open a second one.
    const thief = t.anonymous();
    expect(
      (await thief.post('/api/session', { email: org.users.liaison_staff, password: TEST_PASSWORD })).status,
    ).toBe(401);
    const replay = await thief.post<Problem>('/api/session/two-factor', { code: next });
    expect(replay.body.code).toBe('CODE_ALREADY_USED');
    expect((await thief.get('/api/me')).status).toBe(401);

    const actions = await auditActions(t, id);
    expect(actions.filter((a) => a === 'auth.two_factor_failed').length).toBeGreaterThanOrEqual(3);
    expect(actions.at(-1)).toBe('auth.two_factor_failed');
    expect(actions).toContain('auth.sign_in');
  });

  it('opens a session with a recovery code, once', async () => {
    const { recoveryCodes } = await enrol(await t.as(org, 'area_staff'));
    const [recovery] = recoveryCodes;

    const browser = t.anonymous();
    await browser.post('/api/session', { email: org.users.area_staff, password: TEST_PASSWORD });
    expect((await browser.post('/api/session/two-factor', { code: recovery })).status).toBe(204);
    expect((await browser.get('/api/me')).status).toBe(200);
    expect(await auditActions(t, await userId(t, org.users.area_staff))).toContain(
      'auth.sign_in_recovery_code',
    );

    const later = t.anonymous();
    await later.post('/api/session', { email: org.users.area_staff, password: TEST_PASSWORD });
    const spent = await later.post<Problem>('/api/session/two-factor', { code: recovery });
    expect(spent.status).toBe(400);
    expect(spent.body.code).toBe('INVALID_CODE');
    expect(spent.body.message).toMatch(/recuperación/);
    expect((await later.get('/api/me')).status).toBe(401);
    // Another of the codes still works.
    expect((await later.post('/api/session/two-factor', { code: recoveryCodes[1] })).status).toBe(204);
  });

  it('answers 410 for a pending sign-in that expired or never was', async () => {
    const { code } = await enrol(await t.as(other, 'liaison_staff'));
    const none = await t.anonymous().post<Problem>('/api/session/two-factor', { code: code() });
    expect(none.status).toBe(410);
    expect(none.body).toMatchObject({ code: 'SIGN_IN_EXPIRED', message: expect.stringMatching(/venció/) });

    const browser = t.anonymous();
    await browser.post('/api/session', { email: other.users.liaison_staff, password: TEST_PASSWORD });
    await t.ctx.database.query(
      "update verification set expires_at = now() - interval '1 second' where value = $1",
      [await userId(t, other.users.liaison_staff)],
    );
    const late = await browser.post<Problem>('/api/session/two-factor', { code: code(1) });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('SIGN_IN_EXPIRED');
    expect((await browser.get('/api/me')).status).toBe(401);
  });

  it('refuses malformed codes with the field at fault', async () => {
    const res = await t.anonymous().post<Problem>('/api/session/two-factor', { code: '', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f) => f.path).sort()).toEqual(['code', 'extra']);
  });

  it('holds a person of a required role to enrolment, on the server, until they enrol', async () => {
    const admin = await t.as(org, 'administrator');
    // A session opened before the policy changes is held too.
    const auditor = await t.as(org, 'auditor');
    expect((await auditor.get('/api/users')).status).toBe(200);

    const bad = await admin.put<Problem>('/api/two-factor-policy', { requiredRoles: ['jefe'] });
    expect(bad.status).toBe(400);
    const set = await admin.put('/api/two-factor-policy', { requiredRoles: ['auditor'] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ requiredRoles: ['auditor'] });
    expect((await admin.get('/api/two-factor-policy')).body).toEqual({ requiredRoles: ['auditor'] });
    // Another organization's policy is its own.
    expect((await (await t.as(other, 'administrator')).get('/api/two-factor-policy')).body).toEqual({
      requiredRoles: [],
    });
    // Only administrators choose.
    expect((await auditor.put('/api/two-factor-policy', { requiredRoles: [] })).status).toBe(403);

    const held = await auditor.get<Problem>('/api/users');
    expect(held.status).toBe(403);
    expect(held.body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await auditor.get('/api/audit')).status).toBe(403);
    const me = await auditor.get<{ twoFactor: unknown }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.twoFactor).toEqual({ enabled: false, required: true });

    // A fresh sign-in with the password alone gets a session, held the same way.
    const fresh = await t.as(org, 'auditor');
    expect((await fresh.get<Problem>('/api/users')).body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');

    await enrol(fresh);
    expect((await fresh.get('/api/users')).status).toBe(200);
    // Required by the role: it cannot be turned off by its owner.
    const off = await fresh.post<Problem>('/api/me/two-factor/deactivation', { password: TEST_PASSWORD });
    expect(off.status).toBe(409);
    expect(off.body.code).toBe('TWO_FACTOR_REQUIRED_BY_ROLE');

    const [entry] = await t.ctx.database.query<{ after: unknown }>(
      "select after from audit_entry where action = 'organization.two_factor_policy' and organization_id = $1",
      [org.id],
    );
    expect(entry?.after).toEqual({ requiredRoles: ['auditor'] });
    await admin.put('/api/two-factor-policy', { requiredRoles: [] });
  });

  it('lets its owner turn it off with the password when the role does not require it', async () => {
    const c = await t.as(other, 'councillor');
    await enrol(c);
    const wrong = await c.post<Problem>('/api/me/two-factor/deactivation', { password: 'no-es-esta' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    expect((await c.post('/api/me/two-factor/deactivation', { password: TEST_PASSWORD })).status).toBe(204);
    expect((await c.get<{ twoFactor: unknown }>('/api/me')).body.twoFactor).toEqual({
      enabled: false,
      required: false,
    });
    expect(await auditActions(t, await userId(t, other.users.councillor))).toContain(
      'auth.two_factor_disabled',
    );
    // The password alone signs in again.
    await t.as(other, 'councillor');
  });

  it("lets an administrator reset a user's second factor, audited; another organization's is 404", async () => {
    const enrolled = await t.as(other, 'area_staff');
    await enrol(enrolled);
    const id = await userId(t, other.users.area_staff);

    const outsider = await t.as(org, 'administrator');
    expect((await outsider.delete(`/api/users/${id}/two-factor`)).status).toBe(404);
    const notAdmin = await t.as(other, 'auditor');
    expect((await notAdmin.delete(`/api/users/${id}/two-factor`)).status).toBe(403);
    expect((await outsider.delete('/api/users/no-es-un-id/two-factor')).status).toBe(400);

    const admin = await t.as(other, 'administrator');
    const listed = await admin.get<{ items: { id: string; twoFactorEnabled: boolean }[] }>('/api/users');
    expect(listed.body.items.find((u) => u.id === id)?.twoFactorEnabled).toBe(true);
    const reset = await admin.delete<{ twoFactorEnabled: boolean }>(`/api/users/${id}/two-factor`);
    expect(reset.status).toBe(200);
    expect(reset.body.twoFactorEnabled).toBe(false);

    const [entry] = await t.ctx.database.query<{ actor_label: string; organization_id: string }>(
      "select actor_label, organization_id from audit_entry where action = 'user.two_factor_reset' and entity_id = $1",
      [id],
    );
    expect(entry?.actor_label).toContain(other.users.administrator);
    expect(entry?.organization_id).toBe(other.id);
    // The password alone opens a session again, and a new phone can be enrolled.
    const back = await t.as(other, 'area_staff');
    await enrol(back);
  });
});

describe('two-factor codes and the sign-in throttle', () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await startTestApp({ VINCULA_LOGIN_MAX_FAILURES: '3' });
    org = await t.createOrg('OPLTF');
  });
  afterAll(() => t.close());

  it('counts codes on the sign-in counters: a known password buys no fresh guesses', async () => {
    const { code } = await enrol(await t.as(org, 'councillor'));
    const browser = t.anonymous();
    const signIn = () =>
      browser.post('/api/session', { email: org.users.councillor, password: TEST_PASSWORD });
    expect((await signIn()).status).toBe(401);
    expect((await browser.post('/api/session/two-factor', { code: wrongCode(code) })).status).toBe(400);
    // The right password again does not reset the count: the third attempt is the last let through.
    expect((await signIn()).status).toBe(401);
    const refused = await browser.post<Problem>('/api/session/two-factor', { code: code(1) });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await browser.get('/api/me')).status).toBe(401);
  });
});
