import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../tests/support/http-client';
import {
  freePort,
  RedirectWalker,
  startOidcProvider,
  type TestOidcProvider,
} from '../../../tests/support/oidc-provider';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';

// Single sign-on (ADR 0034) through the real HTTP server and a real OpenID provider (oidc-provider)
// in this process: each step of the browser's trip is walked by hand, so that a test can tamper
// with what the provider sends back.

type Problem = { code: string; message: string; fields: { path: string; message: string }[] };

const PROVIDER = 'institucional';

describe('single sign-on with OpenID Connect', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let appUrl: string;
  let org: TestOrg;
  let other: TestOrg;
  let plain: TestOrg;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({
      redirectUris: [`${appUrl}/api/auth/callback/${PROVIDER}`],
      identities: [
        { sub: 'admin', email: 'administrator@oplsso.test', name: 'Admin SSO' },
        { sub: 'consejera', email: 'Councillor@OPLSSO.test', name: 'Consejera' },
        { sub: 'ajena', email: 'externa@otro.test', name: 'Persona de otro dominio' },
        { sub: 'de-otra', email: 'administrator@oplotra.test', name: 'De otra organización' },
        { sub: 'nadie', email: 'nadie@oplsso.test', name: 'Sin cuenta' },
        { sub: 'sin-verificar', email: 'auditor@oplsso.test', name: 'Auditoría', emailVerified: false },
        { sub: 'desactivada', email: 'area-staff@oplsso.test', name: 'Desactivada' },
      ],
    });
    t = await startTestApp(
      {
        VINCULA_PUBLIC_URL: appUrl,
        VINCULA_SSO_PROVIDERS: JSON.stringify([
          {
            id: PROVIDER,
            label: 'Institucional',
            issuer: idp.issuer,
            clientId: idp.clientId,
            clientSecret: idp.clientSecret,
            organization: 'OPLSSO',
            // The other organization's domain is listed too: its people are still refused here.
            domains: ['oplsso.test', 'oplotra.test'],
          },
        ]),
      },
      { port },
    );
    org = await t.createOrg('OPLSSO');
    other = await t.createOrg('OPLOTRA');
    plain = await t.createOrg('OPLPASS');
    const admin = await t.as(org, 'administrator');
    const created = await admin.post('/api/users', {
      name: 'Persona de otro dominio',
      email: 'externa@otro.test',
      password: TEST_PASSWORD,
      roles: ['liaison_staff'],
      areaIds: [],
    });
    expect(created.status).toBe(201);
    const staff = await admin.get<{ items: { id: string }[] }>(`/api/users?q=${org.users.area_staff}`);
    expect((await admin.patch(`/api/users/${staff.body.items[0]!.id}`, { disabled: true })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Signs in at the provider as `sub` and follows the way back to Vincula. */
  async function signInAs(sub: string, accept = 'application/json') {
    const walker = new RedirectWalker(accept);
    const callback = await walker.signInAtProvider(appUrl, PROVIDER, sub);
    return { walker, callback, answer: await walker.request(callback) };
  }

  function clientOf(walker: RedirectWalker): HttpClient {
    const cookie = [...walker.cookies(appUrl)].map(([k, v]) => `${k}=${v}`).join('; ');
    return new HttpClient(appUrl, { cookie });
  }

  async function auditAfter(seq: number) {
    return t.ctx.database.query<{ action: string; actor_label: string; after: Record<string, unknown> }>(
      'select action, actor_label, after from audit_entry where seq > $1 order by seq',
      [seq],
    );
  }
  async function lastSeq(): Promise<number> {
    const [row] = await t.ctx.database.query<{ seq: number }>(
      'select coalesce(max(seq), 0) as seq from audit_entry',
    );
    return Number(row!.seq);
  }

  it('tells the sign-in page which providers there are, without a session', async () => {
    const res = await t.anonymous().get('/api/sign-in-options');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [{ id: PROVIDER, label: 'Institucional' }] });
    // With the reason a refused sign-in came back with, its words (an unknown one: the provider's).
    const refused = await t.anonymous().get<{ refusal: string }>('/api/sign-in-options?sso=dominio');
    expect(refused.body.refusal).toMatch(/^El correo de esa cuenta no es de un dominio de su institución/);
    const odd = await t.anonymous().get<{ refusal: string }>('/api/sign-in-options?sso=toString');
    expect(odd.body.refusal).toMatch(/^El proveedor de su cuenta institucional no completó/);
    const long = await t.anonymous().get<Problem>(`/api/sign-in-options?sso=${'x'.repeat(41)}`);
    expect(long.status).toBe(400);
    expect(long.body.fields[0]?.path).toBe('querystring.sso');
  });

  it('sends the browser to the provider with state, nonce and PKCE (S256)', async () => {
    const walker = new RedirectWalker();
    const start = await walker.request(`${appUrl}/api/sso/${PROVIDER}`);
    expect(start.status).toBe(302);
    const url = new URL(start.location!);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(idp.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/auth/callback/${PROVIDER}`);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
  });

  it('signs a person in to the Vincula account of their verified e-mail, and again later', async () => {
    const before = await lastSeq();
    const { walker, answer } = await signInAs('consejera');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${appUrl}/`);
    const me = await clientOf(walker).get<{ email: string; organization: { acronym: string } }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: org.users.councillor, organization: { acronym: 'OPLSSO' } });
    const entries = await auditAfter(before);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'auth.sign_in',
        actor_label: org.users.councillor,
        after: { method: 'sso', provider: PROVIDER },
      }),
    );

    // The second time the provider's account is already linked.
    const again = await signInAs('consejera');
    expect(again.answer.status).toBe(303);
    expect((await clientOf(again.walker).get('/api/me')).status).toBe(200);
    const [linked] = await t.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from account a join "user" u on u.id = a.user_id
        where u.email = $1 and a.provider_id = $2`,
      [org.users.councillor, PROVIDER],
    );
    expect(linked!.n).toBe(1);
  });

  it('refuses an e-mail of another domain, even with an account in the organization', async () => {
    const before = await lastSeq();
    const { walker, answer } = await signInAs('ajena');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'SSO_DOMAIN_REFUSED' });
    expect(JSON.parse(answer.text).message).toMatch(/no es de un dominio de su institución/);
    expect((await clientOf(walker).get('/api/me')).status).toBe(401);
    expect(await auditAfter(before)).toContainEqual(
      expect.objectContaining({
        action: 'auth.sign_in_failed',
        actor_label: 'externa@otro.test',
        after: { method: 'sso', provider: PROVIDER, reason: 'domain' },
      }),
    );
  });

  it('refuses a person of another organization, though the provider lists their domain', async () => {
    const { answer } = await signInAs('de-otra');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'SSO_DOMAIN_REFUSED' });
    const [linked] = await t.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from account a join "user" u on u.id = a.user_id where u.email = $1 and a.provider_id = $2`,
      [other.users.administrator, PROVIDER],
    );
    expect(linked!.n).toBe(0);
  });

  it('never creates an account; refuses unverified e-mails and disabled accounts', async () => {
    const users = await t.ctx.database.query<{ n: number }>('select count(*)::int as n from "user"');
    const none = await signInAs('nadie');
    expect(none.answer.status).toBe(403);
    expect(JSON.parse(none.answer.text)).toMatchObject({ code: 'SSO_NO_ACCOUNT' });
    expect(await t.ctx.database.query('select count(*)::int as n from "user"')).toEqual(users);

    const unverified = await signInAs('sin-verificar');
    expect(JSON.parse(unverified.answer.text)).toMatchObject({ code: 'SSO_EMAIL_UNVERIFIED' });
    const disabled = await signInAs('desactivada');
    expect(disabled.answer.status).toBe(403);
    expect(JSON.parse(disabled.answer.text)).toMatchObject({ code: 'ACCOUNT_DISABLED' });
  });

  it('sends a browser back to the sign-in page with the reason', async () => {
    const { answer } = await signInAs('ajena', 'text/html,application/xhtml+xml');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${appUrl}/iniciar-sesion?sso=dominio`);
    const unknown = await new RedirectWalker('text/html').request(`${appUrl}/api/sso/no-existe`);
    expect(unknown.location).toBe(`${appUrl}/iniciar-sesion?sso=desconocido`);
  });

  it('refuses a tampered state, a replayed answer, a wrong issuer and a provider error', async () => {
    const walker = new RedirectWalker();
    const callback = new URL(await walker.signInAtProvider(appUrl, PROVIDER, 'admin'));

    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')!.slice(0, -1)}x`);
    const stateRefused = await walker.request(tampered.toString());
    expect(stateRefused.status).toBe(400);
    expect(JSON.parse(stateRefused.text)).toMatchObject({ code: 'SSO_STATE_INVALID' });

    const wrongIssuer = new URL(callback);
    wrongIssuer.searchParams.set('iss', 'https://impostor.example');
    const issuerRefused = await walker.request(wrongIssuer.toString());
    expect(issuerRefused.status).toBe(400);
    expect(JSON.parse(issuerRefused.text)).toMatchObject({ code: 'SSO_ISSUER_MISMATCH' });

    // The state is spent by its first use (the wrong issuer's attempt above): no replay.
    const replay = await walker.request(callback.toString());
    expect(JSON.parse(replay.text)).toMatchObject({ code: 'SSO_STATE_INVALID' });
    expect((await clientOf(walker).get('/api/me')).status).toBe(401);

    // Another browser's answer (its state cookie is missing here) opens nothing either.
    const stolen = new URL(await new RedirectWalker().signInAtProvider(appUrl, PROVIDER, 'admin'));
    const thief = new RedirectWalker();
    const stolenAnswer = await thief.request(stolen.toString());
    expect(JSON.parse(stolenAnswer.text)).toMatchObject({ code: 'SSO_STATE_INVALID' });

    const cancelled = new RedirectWalker();
    const start = new URL((await cancelled.request(`${appUrl}/api/sso/${PROVIDER}`)).location!);
    const denied = await cancelled.request(
      `${appUrl}/api/auth/callback/${PROVIDER}?error=access_denied&state=${start.searchParams.get('state')}&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(denied.status).toBe(400);
    expect(JSON.parse(denied.text)).toMatchObject({ code: 'SSO_PROVIDER_ERROR' });
  });

  it('answers bad addresses with a Spanish 4xx', async () => {
    const anonymous = t.anonymous();
    const unknown = await anonymous.get<Problem>('/api/sso/no-existe');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SSO_PROVIDER_UNKNOWN', fields: [{ path: 'provider' }] });
    const malformed = await anonymous.get<Problem>('/api/sso/NO%20V%C3%81LIDO');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const callback = await anonymous.get<Problem>('/api/auth/callback/no-existe?code=x&state=y');
    expect(callback.status).toBe(404);
    const noState = await anonymous.get<Problem>(`/api/auth/callback/${PROVIDER}?code=x`);
    expect(noState.status).toBe(400);
    expect(noState.body.code).toBe('SSO_STATE_INVALID');
    const huge = await anonymous.get<Problem>(`/api/auth/callback/${PROVIDER}?state=${'a'.repeat(600)}`);
    expect(huge.status).toBe(400);
    expect(huge.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'querystring.state' }] });
  });

  it('lets an administrator require SSO, after entering with it; passwords are then refused', async () => {
    const byPassword = await t.as(org, 'administrator');
    expect((await byPassword.get('/api/sso-policy')).body).toEqual({
      required: false,
      providers: [{ id: PROVIDER, label: 'Institucional' }],
    });
    // Not before the administrator has entered with the provider once.
    const untried = await byPassword.put<Problem>('/api/sso-policy', { required: true });
    expect(untried.status).toBe(409);
    expect(untried.body).toMatchObject({ code: 'SSO_NOT_TRIED', fields: [{ path: 'required' }] });
    const bad = await byPassword.put<Problem>('/api/sso-policy', { required: 'sí' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]?.path).toBe('required');
    const liaison = await t.as(org, 'liaison_staff');
    expect((await liaison.put('/api/sso-policy', { required: true })).status).toBe(403);

    const { walker } = await signInAs('admin');
    const admin = clientOf(walker);
    const before = await lastSeq();
    const saved = await admin.put('/api/sso-policy', { required: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ required: true });
    expect(await auditAfter(before)).toContainEqual(
      expect.objectContaining({ action: 'organization.sso_policy', after: { required: true } }),
    );

    const refused = await t.anonymous().post<Problem>('/api/session', {
      email: org.users.liaison_staff,
      password: TEST_PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SSO_REQUIRED');
    expect(refused.body.message).toBe(
      'Su institución entra con su cuenta institucional: use «Entrar con Institucional».',
    );
    // A wrong password learns nothing about the organization.
    const wrong = await t.anonymous().post<Problem>('/api/session', {
      email: org.users.liaison_staff,
      password: 'otra-contraseña-cualquiera',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    // Other organizations keep their passwords; the provider still works.
    expect(
      (
        await t
          .anonymous()
          .post('/api/session', { email: plain.users.liaison_staff, password: TEST_PASSWORD })
      ).status,
    ).toBe(204);
    expect((await signInAs('consejera')).answer.status).toBe(303);

    expect((await admin.put('/api/sso-policy', { required: false })).status).toBe(200);
    const back = await t.anonymous().post('/api/session', {
      email: org.users.liaison_staff,
      password: TEST_PASSWORD,
    });
    expect(back.status).toBe(204);
  });

  it('cannot require SSO where no provider is configured', async () => {
    const admin = await t.as(plain, 'administrator');
    expect((await admin.get('/api/sso-policy')).body).toEqual({ required: false, providers: [] });
    const refused = await admin.put<Problem>('/api/sso-policy', { required: true });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SSO_NOT_AVAILABLE');
  });
});
