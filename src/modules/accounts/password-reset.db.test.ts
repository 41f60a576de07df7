import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { HttpClient } from '../../../tests/support/http-client';
import { machineTextIn } from '../../../tests/support/human-messages';
import { startSmtpSink } from '../../../tests/support/smtp-sink';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { WEAK_PASSWORD_MESSAGE } from './password-policy';

/**
 * Password reset by e-mail through the real server, job queue and an SMTP sink: the link works
 * once, expires, ends every session; an unknown, disabled or suspended address gets the same answer
 * and no mail; weak passwords are refused wherever a password is set.
 */
let t: TestApp;
let org: TestOrg;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  await startBackgroundWork(t.ctx);
  org = await t.createOrg('OPLRP');
});
afterAll(async () => {
  await stopBackgroundWork(t.ctx);
  await t.close();
  await sink.close();
});

const mailsTo = (to: string) => sink.received.filter((m) => m.to.includes(to));

/** The token of the newest reset link mailed to `to`, once the job and the mail worker ran. */
async function linkTokenFor(to: string, after = 0): Promise<string> {
  await expect.poll(() => mailsTo(to).length, { timeout: 20_000 }).toBeGreaterThan(after);
  const raw = mailsTo(to)
    .at(-1)!
    .raw.replace(/=\r?\n/g, '');
  return /\/restablecer-contrasena\/([A-Za-z0-9_-]+)/.exec(raw)![1]!;
}

/** Waits until the queue has handled every reset request (its audit entries are written). */
async function requestsHandled(count: number) {
  await expect
    .poll(
      async () =>
        (
          await t.ctx.database.query<{ n: number }>(
            "select count(*)::int as n from audit_entry where action = 'auth.password_reset_requested'",
          )
        )[0]!.n,
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(count);
}

describe('password reset by e-mail', () => {
  it('mails a single-use link that sets the password and ends every session of the account', async () => {
    const email = org.users.councillor;
    const phone = await t.as(org, 'councillor');
    const laptop = await t.as(org, 'councillor');
    const asked = await t.anonymous().post('/api/password-reset', { email: email.toUpperCase() });
    expect(asked.status).toBe(204);
    const token = await linkTokenFor(email);

    const mail = mailsTo(email).at(-1)!.raw;
    expect(mail).toMatch(/^Subject: =\?UTF-8\?Q\?Restablecer_su_contrase/m);
    expect(mail.replace(/=\r?\n/g, '')).toContain('vence en 1 hora');

    const link = await t
      .anonymous()
      .get<{ email: string; expiresAt: string }>(`/api/password-reset/${token}`);
    expect(link.status).toBe(200);
    expect(link.body.email).toBe(email);
    const minutes = (Date.parse(link.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);

    const set = await t
      .anonymous()
      .post(`/api/password-reset/${token}`, { password: 'nopal con sal y limón' });
    expect(set.status).toBe(204);
    // Both sessions ended; the old password no longer opens one, the new one does.
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(401);
    const old = await t.anonymous().post('/api/session', { email, password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    await new HttpClient(t.url).signIn(email, 'nopal con sal y limón');

    // Used once: the same link is refused, with words a person understands.
    const again = await t
      .anonymous()
      .post<{ code: string; message: string }>(`/api/password-reset/${token}`, {
        password: 'otra frase que nadie sabe',
      });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('RESET_LINK_INVALID');
    expect(again.body.message).toMatch(/no es válido o ya se usó/);
    expect((await t.anonymous().get(`/api/password-reset/${token}`)).status).toBe(404);

    const audit = await t.ctx.database.query<{ action: string; actor_label: string }>(
      `select action, actor_label from audit_entry where entity_id = (select id from "user" where email = '${email}')
       and action like 'auth.password_reset%' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['auth.password_reset_requested', 'auth.password_reset']);
  });

  it('refuses an expired link with a clear Spanish 410', async () => {
    const email = org.users.auditor;
    await t.anonymous().post('/api/password-reset', { email });
    const token = await linkTokenFor(email);
    await t.ctx.database.db.execute(
      sql`update verification set expires_at = now() - interval '1 minute' where value = (select id from "user" where email = ${email})`,
    );
    const read = await t.anonymous().get<{ code: string; message: string }>(`/api/password-reset/${token}`);
    expect(read.status).toBe(410);
    expect(read.body.code).toBe('RESET_LINK_EXPIRED');
    expect(read.body.message).toMatch(/venció/);
    expect(machineTextIn(read.body.message)).toBeUndefined();
    const set = await t.anonymous().post<{ code: string }>(`/api/password-reset/${token}`, {
      password: 'nopal con sal y limón',
    });
    expect(set.status).toBe(410);
    expect(set.body.code).toBe('RESET_LINK_EXPIRED');
    await new HttpClient(t.url).signIn(email, TEST_PASSWORD);
  });

  it('answers an unknown, a disabled and a suspended address exactly as a known one, and mails none', async () => {
    const other = await t.createOrg('OPLRS');
    const admin = await t.as(org, 'administrator');
    const disabled = await admin.get<{ items: { id: string; email: string }[] }>(
      `/api/users?q=${encodeURIComponent(org.users.area_staff)}`,
    );
    await admin.patch(`/api/users/${disabled.body.items[0]!.id}`, { disabled: true });
    await t.ctx.database.db.execute(sql`update organization set suspended_at = now() where id = ${other.id}`);
    const before = sink.received.length;
    const { n: handled } = (
      await t.ctx.database.query<{ n: number }>(
        "select count(*)::int as n from audit_entry where action = 'auth.password_reset_requested'",
      )
    )[0]!;

    const known = await t.anonymous().post('/api/password-reset', { email: org.users.liaison_staff });
    const answers = await Promise.all(
      ['nadie@ninguna-parte.mx', org.users.area_staff, other.users.administrator].map((email) =>
        t.anonymous().post('/api/password-reset', { email }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(known.status);
      expect(answer.body).toEqual(known.body);
      expect(answer.headers.get('content-length')).toBe(known.headers.get('content-length'));
    }
    await requestsHandled(handled + 4);
    await linkTokenFor(org.users.liaison_staff);
    // Only the active account's link left; give the mail worker a moment to send anything else.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.received.slice(before).flatMap((m) => m.to)).toEqual([org.users.liaison_staff]);

    const outcomes = await t.ctx.database.query<{ label: string; outcome: string }>(
      `select actor_label as label, after->>'outcome' as outcome from audit_entry
       where action = 'auth.password_reset_requested' order by seq desc limit 4`,
    );
    expect(Object.fromEntries(outcomes.map((o) => [o.label, o.outcome]))).toEqual({
      [org.users.liaison_staff]: 'sent',
      'nadie@ninguna-parte.mx': 'unknown',
      [org.users.area_staff]: 'inactive',
      [other.users.administrator]: 'inactive',
    });
  });

  it('refuses a common password with a field error and keeps the link usable', async () => {
    const email = org.users.national_authority_staff;
    await t.anonymous().post('/api/password-reset', { email });
    const token = await linkTokenFor(email);
    const weak = await t
      .anonymous()
      .post<{ code: string; fields: { path: string; message: string }[] }>(`/api/password-reset/${token}`, {
        password: 'password1234',
      });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    expect(weak.body.fields).toEqual([{ path: 'password', message: WEAK_PASSWORD_MESSAGE }]);
    const short = await t.anonymous().post<{ fields: { path: string }[] }>(`/api/password-reset/${token}`, {
      password: 'corta',
    });
    expect(short.status).toBe(400);
    expect(short.body.fields[0]!.path).toBe('password');
    expect(
      (await t.anonymous().post(`/api/password-reset/${token}`, { password: 'nopal con sal y limón' }))
        .status,
    ).toBe(204);
  });

  it('refuses bad input: a malformed address or link, unknown fields', async () => {
    const bad = await t
      .anonymous()
      .post<{ code: string; fields: { path: string }[] }>('/api/password-reset', {
        email: 'no-es-correo',
      });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.path)).toEqual(['email']);
    expect((await t.anonymous().post('/api/password-reset', { email: 'a@b.mx', extra: 1 })).status).toBe(400);
    expect((await t.anonymous().get('/api/password-reset/corto')).status).toBe(400);
    expect((await t.anonymous().get(`/api/password-reset/${'x'.repeat(40)}`)).status).toBe(404);
  });
});

describe('the password policy wherever a password is set', () => {
  it('refuses common passwords when creating a user, changing or setting one', async () => {
    const admin = await t.as(org, 'administrator');
    const created = await admin.post<{ code: string; fields: { path: string }[] }>('/api/users', {
      name: 'Persona Nueva',
      email: 'nueva@oplrp.test',
      password: 'qwertyuiopas',
      roles: ['councillor'],
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ code: 'WEAK_PASSWORD', fields: [{ path: 'password' }] });

    const me = await t.as(org, 'liaison_staff');
    const changed = await me.post<{ code: string; fields: { path: string }[] }>('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: '123456789012',
    });
    expect(changed.status).toBe(400);
    expect(changed.body).toMatchObject({ code: 'WEAK_PASSWORD', fields: [{ path: 'newPassword' }] });

    const users = await admin.get<{ items: { id: string }[] }>(
      `/api/users?q=${encodeURIComponent(org.users.liaison_staff)}`,
    );
    const reset = await admin.patch<{ code: string }>(`/api/users/${users.body.items[0]!.id}`, {
      password: 'password1234',
    });
    expect(reset.status).toBe(400);
    expect(reset.body.code).toBe('WEAK_PASSWORD');
  });

  it('changing one’s own password keeps this session and ends every other', async () => {
    const here = await t.as(org, 'administrator');
    const there = await t.as(org, 'administrator');
    const res = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'tamales de rajas en Oaxaca',
    });
    expect(res.status).toBe(204);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await there.get('/api/me')).status).toBe(401);
    await here.post('/api/me/password', {
      currentPassword: 'tamales de rajas en Oaxaca',
      newPassword: TEST_PASSWORD,
    });
  });
});
