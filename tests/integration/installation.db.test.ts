import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupLink } from '../../src/modules/accounts/issue-setup-link';
import { HttpClient } from '../support/http-client';
import { startSmtpSink } from '../support/smtp-sink';
import { OPERATOR_EMAIL, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

/**
 * A new installation from an empty database (no demo): the setup link the server logs creates the
 * first operator once; the operator creates organizations, suspends and reactivates them, and
 * invites each one's administrator by e-mail with a single-use, expiring link.
 */

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let log = '';
let operator: HttpClient;

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
const PASSWORD = 'una contraseña larga';

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.ctx.database.query<{ action: string }>(
    'select action from audit_entry where entity_id = $1 order by seq',
    [entityId],
  );
  return rows.map((r) => r.action);
}

/** The invitation link of the last e-mail sent to `to` (quoted-printable soft breaks undone). */
function invitationLinkTo(to: string): string {
  const message = [...sink.received].reverse().find((m) => m.to.includes(to));
  if (!message) throw new Error(`no e-mail to ${to}`);
  const body = message.raw.replace(/=\r?\n/g, '');
  const link = /https?:\/\/\S+\/invitacion\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  if (!link) throw new Error(`no invitation link in the e-mail to ${to}`);
  return link;
}

async function until<T>(get: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sink = await startSmtpSink();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  t = await startTestApp(
    {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@instalacion.test>',
      // Every request in the log, so that the token's absence from it proves the redaction.
      VINCULA_LOG_REQUESTS: 'all',
    },
    { firstRun: true, logStream },
  );
});

afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('installation set-up', () => {
  it('creates the first operator once with the logged setup link and refuses it afterwards', async () => {
    const logged = await until(() => /"setupLink":"([^"]+)"/.exec(log)?.[1]);
    expect(logged).toMatch(/\/instalacion\/[A-Za-z0-9_-]{40,}$/);
    // Another start before anyone used the first link prints another one.
    const second = (await issueSetupLink(t.ctx.database.db, t.url))!;
    const stored = await t.ctx.database.query<{ token_hash: string }>('select token_hash from setup_token');
    expect(stored).toHaveLength(2);
    expect(stored.map((r) => r.token_hash)).not.toContain(tokenOf(logged));

    const anon = t.anonymous();
    const unknown = await anon.get('/api/setup/' + 'x'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SETUP_LINK_INVALID' });
    expect((await anon.get(`/api/setup/${tokenOf(logged)}`)).body).toEqual({ valid: true });

    const bad = await anon.post(`/api/setup/${tokenOf(logged)}`, {
      name: '',
      email: 'no',
      password: 'corta',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
      'email',
      'name',
      'password',
    ]);

    const created = await anon.post(`/api/setup/${tokenOf(logged)}`, {
      name: 'Operación de prueba',
      email: OPERATOR_EMAIL,
      password: TEST_PASSWORD,
    });
    expect(created.status).toBe(204);

    const again = await anon.post(`/api/setup/${tokenOf(logged)}`, {
      name: 'Intruso',
      email: 'intruso@vincula.test',
      password: PASSWORD,
    });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({
      code: 'SETUP_LINK_USED',
      message: expect.stringContaining('ya se usó'),
    });

    const late = await anon.post(`/api/setup/${tokenOf(second)}`, {
      name: 'Intruso',
      email: 'intruso@vincula.test',
      password: PASSWORD,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'SETUP_COMPLETE' });
    expect((await anon.get(`/api/setup/${tokenOf(second)}`)).status).toBe(409);
    expect(await issueSetupLink(t.ctx.database.db, t.url)).toBeNull();

    operator = new HttpClient(t.url);
    await operator.signIn(OPERATOR_EMAIL, TEST_PASSWORD);
    const me = await operator.get<{ operator: boolean; permissions: string[]; roles: string[] }>('/api/me');
    expect(me.body).toMatchObject({ operator: true, permissions: ['organizations.manage'], roles: [] });
    const [entry] = await t.ctx.database.query<{ action: string; after: { via: string } }>(
      "select action, after from audit_entry where action = 'installation.first_operator'",
    );
    expect(entry?.after.via).toBe('setup_link');
    // The link's token is not in the request log.
    expect(log).not.toContain(`/api/setup/${tokenOf(logged)}`);
  });

  it('lets the operator create organizations, and only the operator', async () => {
    const ine = await operator.post<{ id: string; kind: string; timeZone: string; suspended: boolean }>(
      '/api/organizations',
      { name: 'Instituto Nacional Electoral', acronym: 'INE', kind: 'national_authority' },
    );
    expect(ine.status).toBe(201);
    expect(ine.body).toMatchObject({
      kind: 'national_authority',
      timeZone: 'America/Mexico_City',
      suspended: false,
    });
    const iecm = await operator.post<{ id: string }>('/api/organizations', {
      name: 'Instituto Electoral de la Ciudad de México',
      acronym: 'IECM',
      kind: 'local_body',
      state: 'Ciudad de México',
    });
    expect(iecm.status).toBe(201);
    const ieem = await operator.post<{ id: string; timeZone: string }>('/api/organizations', {
      name: 'Instituto Electoral de Quintana Roo',
      acronym: 'IEQROO',
      kind: 'local_body',
      state: 'Quintana Roo',
      timeZone: 'America/Cancun',
    });
    expect(ieem.body.timeZone).toBe('America/Cancun');

    const duplicate = await operator.post('/api/organizations', {
      name: 'Otro',
      acronym: 'IECM',
      kind: 'local_body',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'acronym' }] });
    const bad = await operator.post('/api/organizations', {
      name: 'Organismo',
      acronym: 'X',
      kind: 'installation',
      state: 'Atlántida',
      timeZone: 'Europe/Madrid',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
      'acronym',
      'kind',
      'state',
      'timeZone',
    ]);

    const list = await operator.get<{ acronym: string }[]>('/api/organizations');
    expect(list.body.map((o) => o.acronym)).toEqual(['INE', 'IECM', 'IEQROO']);
    expect(await auditActions(iecm.body.id)).toEqual(['organization.create']);

    // An organization's administrator does not manage organizations.
    const other = await t.createOrg('OPLX');
    const admin = await t.as(other, 'administrator');
    expect((await admin.get('/api/organizations')).status).toBe(403);
    expect(
      (await admin.post('/api/organizations', { name: 'X', acronym: 'XX', kind: 'local_body' })).status,
    ).toBe(403);
    expect((await admin.get<{ operator: boolean }>('/api/me')).body.operator).toBe(false);
  });

  it('makes a new local body a recipient of the national authority at once', async () => {
    const ine = await t.createOrg('INEX', 'national_authority');
    const created = await operator.post<{ id: string }>('/api/organizations', {
      name: 'Instituto Electoral de Nuevo León',
      acronym: 'IEENL',
      kind: 'local_body',
      state: 'Nuevo León',
    });
    const staff = await t.as(ine, 'national_authority_staff');
    const counterparts = await staff.get<{ localBodies: { id: string }[] }>('/api/channel/counterparts');
    expect(counterparts.body.localBodies.map((b) => b.id)).toContain(created.body.id);
    const sent = await staff.post<{ folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Oficio al nuevo organismo',
      sentOn: '2024-03-04',
      recipientOrgIds: [created.body.id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.folioIds).toHaveLength(1);
  });

  it('invites an administrator with a single-use link that sets a password', async () => {
    const [iecm] = (await operator.get<{ id: string; acronym: string }[]>('/api/organizations')).body.filter(
      (o) => o.acronym === 'IECM',
    );
    const sent = await operator.post<{ mailed: boolean; link: string | null; userId: string }>(
      `/api/organizations/${iecm!.id}/invitations`,
      { name: 'Administración IECM', email: 'Admin@IECM.mx' },
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ mailed: true, link: null });
    const link = await until(() => {
      try {
        return invitationLinkTo('admin@iecm.mx');
      } catch {
        return undefined;
      }
    });
    const token = tokenOf(link);
    // Not yet: the account exists without a password.
    const early = await t.anonymous().post('/api/session', { email: 'admin@iecm.mx', password: PASSWORD });
    expect(early.status).toBe(401);

    const anon = t.anonymous();
    const read = await anon.get(`/api/invitations/${token}`);
    expect(read.body).toMatchObject({
      email: 'admin@iecm.mx',
      organization: { acronym: 'IECM' },
    });
    const short = await anon.post(`/api/invitations/${token}`, { password: 'corta' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ fields: [{ path: 'password' }] });
    expect((await anon.post(`/api/invitations/${token}`, { password: PASSWORD })).status).toBe(204);

    const used = await anon.post(`/api/invitations/${token}`, { password: 'otra contraseña larga' });
    expect(used.status).toBe(410);
    expect(used.body).toMatchObject({ code: 'INVITATION_USED' });

    const admin = new HttpClient(t.url);
    await admin.signIn('admin@iecm.mx', PASSWORD);
    const me = await admin.get<{ roles: string[]; organization: { acronym: string } }>('/api/me');
    expect(me.body).toMatchObject({ roles: ['administrator'], organization: { acronym: 'IECM' } });
    expect(await auditActions(sent.body.userId)).toEqual([
      'invitation.send',
      'auth.sign_in_failed',
      'invitation.accept',
      'auth.sign_in',
    ]);

    // The account has arrived: a second invitation to the same address is refused.
    const twice = await operator.post(`/api/organizations/${iecm!.id}/invitations`, {
      name: 'Otra vez',
      email: 'admin@iecm.mx',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'email' }] });
    const unknown = await operator.post(`/api/organizations/${crypto.randomUUID()}/invitations`, {
      name: 'Nadie',
      email: 'nadie@vincula.test',
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses an expired invitation and voids earlier ones when a new one is sent', async () => {
    const [body] = (await operator.get<{ id: string; acronym: string }[]>('/api/organizations')).body.filter(
      (o) => o.acronym === 'IEQROO',
    );
    const invite = () =>
      operator.post(`/api/organizations/${body!.id}/invitations`, {
        name: 'Administración IEQROO',
        email: 'admin@ieqroo.mx',
      });
    await invite();
    const first = tokenOf(
      await until(() => (sink.received.length ? invitationLinkTo('admin@ieqroo.mx') : undefined)),
    );
    await t.ctx.database.query(
      "update invitation set expires_at = now() - interval '1 minute' where user_id = (select id from \"user\" where email = 'admin@ieqroo.mx')",
    );
    const expired = await t.anonymous().post(`/api/invitations/${first}`, { password: PASSWORD });
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({
      code: 'INVITATION_EXPIRED',
      message: expect.stringContaining('venció'),
    });

    const count = sink.received.length;
    expect((await invite()).status).toBe(201);
    await until(() => (sink.received.length > count ? true : undefined));
    const second = tokenOf(invitationLinkTo('admin@ieqroo.mx'));
    expect(second).not.toBe(first);
    expect((await t.anonymous().post(`/api/invitations/${second}`, { password: PASSWORD })).status).toBe(204);
    expect((await t.anonymous().get(`/api/invitations/${'y'.repeat(43)}`)).body).toMatchObject({
      code: 'INVITATION_INVALID',
    });
  });

  it("lets an organization's administrator set the password of someone invited who has not arrived", async () => {
    const org = await t.createOrg('OPLR');
    const sent = await operator.post<{ userId: string }>(`/api/organizations/${org.id}/invitations`, {
      name: 'Segunda administración',
      email: 'segunda@oplr.mx',
    });
    expect(sent.status).toBe(201);
    const admin = await t.as(org, 'administrator');
    const listed = await admin.get<{ items: { email: string }[] }>('/api/users?q=segunda');
    expect(listed.body.items.map((u) => u.email)).toEqual(['segunda@oplr.mx']);
    const reset = await admin.patch(`/api/users/${sent.body.userId}`, { password: PASSWORD });
    expect(reset.status).toBe(200);
    const arrived = new HttpClient(t.url);
    await arrived.signIn('segunda@oplr.mx', PASSWORD);
    expect((await arrived.get<{ email: string }>('/api/me')).body.email).toBe('segunda@oplr.mx');
  });

  it('suspends an organization: its users cannot sign in and nothing is deleted', async () => {
    const org = await t.createOrg('OPLS');
    const admin = await t.as(org, 'administrator');
    const area = await admin.post<{ id: string }>('/api/areas', {
      name: 'Área que se conserva',
      kind: 'other',
    });
    expect(area.status).toBe(201);

    const suspended = await operator.patch<{ suspended: boolean }>(`/api/organizations/${org.id}`, {
      suspended: true,
    });
    expect(suspended.body.suspended).toBe(true);
    // The open session ends at once; a new sign-in is refused with the reason.
    expect((await admin.get('/api/me')).status).toBe(401);
    const refused = await t
      .anonymous()
      .post('/api/session', { email: org.users.administrator, password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ORGANIZATION_SUSPENDED' });
    // A wrong password says nothing about the suspension.
    const wrong = await t
      .anonymous()
      .post('/api/session', { email: org.users.administrator, password: 'no es esta' });
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });

    await operator.patch(`/api/organizations/${org.id}`, { suspended: false });
    const back = await t.as(org, 'administrator');
    expect((await back.get<{ name: string }>(`/api/areas/${area.body.id}`)).body.name).toBe(
      'Área que se conserva',
    );
    expect(await auditActions(org.id)).toEqual([
      'organization.create',
      'organization.suspend',
      'organization.reactivate',
    ]);
    expect(
      (await operator.patch(`/api/organizations/${crypto.randomUUID()}`, { suspended: true })).status,
    ).toBe(404);
  });
});
