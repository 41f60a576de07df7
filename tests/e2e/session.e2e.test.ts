import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  fieldError,
  launchBrowser,
  newContext,
  passwordInput,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// Signing in and out, the shell per permission, and changing one's own password.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('session', () => {
  it('sends visitors to sign in and shows the API message for a wrong password', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto('/directorio/areas');
    await page.waitForURL(/\/iniciar-sesion\?siguiente=%2Fdirectorio%2Fareas$/);
    await expect.poll(() => page.title()).toBe('Iniciar sesión · Vincula');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es-MX');
    await expectAccessible(page, 'inicio de sesión');

    await page.getByLabel('Correo electrónico').fill('admin@iecm.demo');
    await passwordInput(page, 'Contraseña').fill('no-es-la-contraseña');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('El correo o la contraseña no son correctos.');
    await expectAccessible(page, 'inicio de sesión con error');

    // The right password then leads where the visitor was going.
    await passwordInput(page, 'Contraseña').fill('Vincula-demo-2024');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.waitForURL(/\/directorio\/areas$/);
    await page.getByRole('heading', { level: 1, name: 'Áreas' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the organization, the user and the sections the administrator may use', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, 'admin@iecm.demo');

    const header = page.getByRole('banner');
    await expect(header.textContent()).resolves.toContain('Instituto Electoral de la Ciudad de México');
    await expect(header.getByRole('button', { name: /Administración IECM/ }).isVisible()).resolves.toBe(true);
    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    for (const section of ['Inicio', 'Instituciones', 'Áreas', 'Personas', 'Usuarios', 'Bitácora']) {
      await expect(nav.getByRole('link', { name: section }).count(), section).resolves.toBe(1);
    }
    const main = page.getByRole('main');
    // The section's card; the set-up checklist's «Usuarios y roles» step links to the same page.
    await expect(main.getByRole('link', { name: /^Usuarios(?! y roles)/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'inicio');

    // The account menu is accessible too.
    await header.getByRole('button', { name: /Administración IECM/ }).click();
    await page.getByRole('menuitem', { name: 'Cerrar sesión' }).waitFor();
    await expectAccessible(page, 'menú de la cuenta');
    await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await page.waitForURL(/\/iniciar-sesion$/);
    // Signed out for real: the app's pages send back to sign in.
    await page.goto('/bitacora');
    await page.waitForURL(/\/iniciar-sesion/);
    await context.close();
  });

  it('hides Usuarios and Bitácora from a councillor and refuses the pages themselves', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, 'consejera@iecm.demo');

    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    await expect(nav.getByRole('link', { name: 'Personas' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'Usuarios' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Bitácora' }).count()).resolves.toBe(0);

    await page.goto('/administracion/usuarios');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Acceso restringido');
    await expectAccessible(page, 'página sin permiso');

    // A councillor reads the directory but cannot change it.
    await page.goto('/directorio/instituciones');
    await page.getByRole('heading', { level: 1, name: 'Instituciones' }).waitFor();
    await expect(page.getByRole('button', { name: 'Registrar institución' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Importar' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Exportar' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('changes the own password, with errors next to the fields', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, 'enlace@iecm.demo');

    await page
      .getByRole('banner')
      .getByRole('button', { name: /Personal de Vinculación/ })
      .click();
    await page.getByRole('menuitem', { name: 'Cambiar contraseña' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cambiar contraseña' }).waitFor();
    await expectAccessible(page, 'cambiar contraseña');

    const current = passwordInput(page, 'Contraseña actual');
    const fresh = passwordInput(page, 'Contraseña nueva');
    const confirm = passwordInput(page, 'Confirme la contraseña nueva');
    const submit = page.getByRole('button', { name: 'Cambiar contraseña' });

    // Too short: the server's rule, next to the field.
    await current.fill('Vincula-demo-2024');
    await fresh.fill('corta');
    await confirm.fill('corta');
    await submit.click();
    await expect.poll(() => fieldError(fresh)).toContain('al menos 12 caracteres');
    await expectAccessible(page, 'cambiar contraseña con errores');

    // Wrong current password: said next to that field.
    await current.fill('otra-cosa-equivocada');
    await fresh.fill('una frase larga y segura');
    await confirm.fill('una frase larga y segura');
    await submit.click();
    await expect.poll(() => fieldError(current)).toBe('La contraseña actual no es correcta.');

    await current.fill('Vincula-demo-2024');
    await submit.click();
    await expect.poll(() => page.getByText('Su contraseña se cambió correctamente.').count()).toBe(1);

    // The new password works from a fresh browser; the old one no longer does.
    const other = await newContext(browser, app.url);
    const otherPage = await other.newPage();
    await signIn(otherPage, 'enlace@iecm.demo', 'una frase larga y segura');
    await other.close();
    await context.close();
  });
});
