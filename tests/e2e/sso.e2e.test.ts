import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  passwordInput,
  watchErrors,
} from '../support/e2e-browser';
import { freePort, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../support/test-app';

// Single sign-on in the browser (ADR 0034), against a real OpenID provider (oidc-provider) in this
// process: the sign-in page's button, the provider's own sign-in page, and the way back, signed in
// or refused with the reason in Spanish.

let app: TestApp;
let idp: TestOidcProvider;
let browser: Browser;
let org: TestOrg;

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  idp = await startOidcProvider({
    redirectUris: [`${url}/api/auth/callback/institucional`],
    identities: [
      { sub: 'admin', email: 'administrator@oplsse.test', name: 'Administración' },
      { sub: 'consejera', email: 'councillor@oplsse.test', name: 'Consejera' },
      { sub: 'ajena', email: 'alguien@otro.test', name: 'De otro dominio' },
    ],
  });
  [app, browser] = await Promise.all([
    startTestApp(
      {
        VINCULA_PUBLIC_URL: url,
        VINCULA_SSO_PROVIDERS: JSON.stringify([
          {
            id: 'institucional',
            label: 'Microsoft',
            issuer: idp.issuer,
            clientId: idp.clientId,
            clientSecret: idp.clientSecret,
            organization: 'OPLSSE',
            domains: ['oplsse.test'],
          },
        ]),
      },
      { port },
    ),
    launchBrowser(),
  ]);
  org = await app.createOrg('OPLSSE');
  // A Vincula account of another domain: the provider's domain rule, not a missing account, refuses it.
  const admin = await app.as(org, 'administrator');
  const created = await admin.post('/api/users', {
    name: 'De otro dominio',
    email: 'alguien@otro.test',
    password: TEST_PASSWORD,
    roles: ['liaison_staff'],
    areaIds: [],
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await idp?.close();
});

/** From the sign-in page through the provider's page (its development page: any password). */
async function enterWithProvider(page: Page, login: string) {
  await page.goto('/iniciar-sesion');
  await page.getByRole('link', { name: 'Entrar con Microsoft' }).click();
  await page.waitForURL((u) => u.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('cualquiera');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('single sign-on', () => {
  it('signs in with the provider; refuses another domain and a tampered state on the sign-in page', async () => {
    const context = await newContext(browser, app.url);
    // The provider's development page asks for a web font; the test machine is offline.
    await context.route(/fonts\.googleapis\.com/, (r) => r.abort());
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto('/iniciar-sesion');
    await expect.poll(() => page.getByRole('link', { name: 'Entrar con Microsoft' }).count()).toBe(1);
    await expectAccessible(page, 'inicio de sesión con proveedor');

    await enterWithProvider(page, 'consejera');
    await page.getByRole('heading', { level: 1, name: /^Bienvenida\(o\)/ }).waitFor();
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.json()))).toMatchObject({
      email: org.users.councillor,
    });
    await context.clearCookies();

    await enterWithProvider(page, 'ajena');
    await page.waitForURL(/\/iniciar-sesion\?sso=dominio$/, { waitUntil: 'commit' });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/no es de un dominio de su institución/);
    await expectAccessible(page, 'inicio de sesión rechazado');

    // A sign-in under way, whose state comes back changed by one character: refused, no session.
    await context.clearCookies();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/iniciar-sesion');
    await page.getByRole('link', { name: 'Entrar con Microsoft' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    const authorization = new URL(requests.find((u) => u.startsWith(`${idp.issuer}/auth?`))!);
    const state = authorization.searchParams.get('state')!;
    const tampered = new URL(`${app.url}/api/auth/callback/institucional`);
    tampered.searchParams.set('code', 'codigo-cualquiera');
    tampered.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('x') ? 'y' : 'x'}`);
    tampered.searchParams.set('iss', idp.issuer);
    await page.goto(tampered.toString());
    await page.waitForURL(/\/iniciar-sesion\?sso=estado$/, { waitUntil: 'commit' });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no es válido o venció/);
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('once the organization requires it, passwords are refused with the way in', async () => {
    const context = await newContext(browser, app.url);
    await context.route(/fonts\.googleapis\.com/, (r) => r.abort());
    const page = await context.newPage();
    await enterWithProvider(page, 'admin');
    await page.getByRole('heading', { level: 1, name: /^Bienvenida\(o\)/ }).waitFor();
    await page.goto('/administracion/usuarios');
    const card = page.getByRole('region', { name: 'Entrada con cuenta institucional' });
    await card.getByRole('checkbox', { name: /Exigir la cuenta institucional/ }).check();
    await card.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Regla guardada.').waitFor();
    await context.close();

    const other = await newContext(browser, app.url);
    const signIn = await other.newPage();
    await signIn.goto('/iniciar-sesion');
    await signIn.getByLabel('Correo electrónico').fill(org.users.liaison_staff);
    await passwordInput(signIn, 'Contraseña').fill(TEST_PASSWORD);
    await signIn.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect
      .poll(() => signIn.getByRole('alert').textContent())
      .toBe('Su institución entra con su cuenta institucional: use «Entrar con Microsoft».');
    expect(await signIn.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401);
    await other.close();
  });
});
