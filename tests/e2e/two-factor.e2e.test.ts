import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  passwordInput,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../support/test-app';

// Two-factor authentication in the browser (ADR 0028): a person whose role requires it is taken to
// enrol right after signing in, enrols with the QR code's secret (the codes are computed here with
// an independent TOTP implementation), signs in with a code, and with a recovery code once.

let app: TestApp;
let browser: Browser;
let org: TestOrg;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  org = await app.createOrg('OPLDP');
  const admin = await app.as(org, 'administrator');
  expect((await admin.put('/api/two-factor-policy', { requiredRoles: ['auditor'] })).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function enterPassword(page: Page, email: string) {
  await page.goto('/iniciar-sesion');
  await page.getByLabel('Correo electrónico').fill(email);
  await passwordInput(page, 'Contraseña').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
}

async function signOut(page: Page, name: string) {
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await page.waitForURL(/\/iniciar-sesion$/);
}

const home = (page: Page) => page.getByRole('heading', { level: 1, name: /^Bienvenida\(o\)/ }).waitFor();

describe('two-factor authentication', () => {
  it('enrols a required role right after sign-in, then signs in with a code and with a recovery code once', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const email = org.users.auditor;
    const name = 'auditor OPLDP';

    // The password alone opens a session that only leads to enrolment.
    await enterPassword(page, email);
    await page.waitForURL(/\/cuenta\/verificacion-en-dos-pasos$/);
    await page.getByRole('heading', { level: 1, name: 'Verificación en dos pasos' }).waitFor();
    await expect(page.getByText('Su organización exige este paso').isVisible()).resolves.toBe(true);
    await page.goto('/bitacora');
    await page.waitForURL(/\/cuenta\/verificacion-en-dos-pasos$/);

    await passwordInput(page, 'Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Continuar' }).click();
    const qr = page.getByRole('img', { name: /Código QR/ });
    await qr.waitFor();
    await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (await page.getByTestId('two-factor-secret').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    const code = (steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
    await expectAccessible(page, 'activación de la verificación en dos pasos');

    const first = code();
    await page.getByLabel(labelled('Código de seis dígitos')).fill(first);
    await page.getByRole('button', { name: 'Activar' }).click();
    await page.getByRole('heading', { name: 'Guarde sus códigos de recuperación' }).waitFor();
    const recovery = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
    expect(recovery).toHaveLength(10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vincula-codigos-de-recuperacion.txt');
    await page.getByRole('button', { name: 'Ya los guardé' }).click();
    await home(page);
    // Enrolled: the rest of the app is open.
    await page.goto('/bitacora');
    await page.getByRole('heading', { level: 1, name: 'Bitácora' }).waitFor();
    await signOut(page, name);

    // Signing in asks for the app's code; a wrong one is said so next to the field.
    await enterPassword(page, email);
    await page.getByRole('heading', { name: 'Verificación en dos pasos' }).waitFor();
    await expectAccessible(page, 'código de verificación');
    const codeField = page.getByLabel(labelled('Código de la aplicación'));
    const wrong = [code(-1), first, code(1), code(2)].includes('000000') ? '999999' : '000000';
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect.poll(() => fieldError(codeField)).toContain('El código no es correcto');
    // The next step's code (never used) opens the session.
    await codeField.fill(code(1));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await home(page);
    await signOut(page, name);

    // Without the phone: a recovery code, once.
    await enterPassword(page, email);
    await page.getByRole('button', { name: 'Usar un código de recuperación' }).click();
    await page.getByLabel(labelled('Código de recuperación')).fill(recovery[0]!);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await home(page);
    await signOut(page, name);

    await enterPassword(page, email);
    await page.getByRole('button', { name: 'Usar un código de recuperación' }).click();
    const recoveryField = page.getByLabel(labelled('Código de recuperación'));
    await recoveryField.fill(recovery[0]!);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect.poll(() => fieldError(recoveryField)).toContain('ya se usó');
    await expect(page.url()).toMatch(/\/iniciar-sesion/);
    await recoveryField.fill(recovery[1]!);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await home(page);

    expect(errors).toEqual([]);
    await context.close();
  });
});
