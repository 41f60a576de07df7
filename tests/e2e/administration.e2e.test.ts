import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  expectAccessible,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  passwordInput,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// Users managed by the administrator, and the audit trail read by the auditor.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const NEW_EMAIL = 'lucia.mendez@iecm.demo';

describe('administration', () => {
  it('lets the administrator create a user, with the password rule next to its field', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'admin@iecm.demo');

    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Usuarios' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Usuarios' }).waitFor();
    const rows = page.getByRole('main').getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    await expectAccessible(page, 'lista de usuarios');

    await page.getByRole('button', { name: 'Crear usuario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo usuario' });
    await dialog.waitFor();
    await expectAccessible(page, 'formulario de usuario');

    await dialog.getByLabel(labelled('Nombre')).fill('Lucía Méndez Ortega');
    await dialog.getByLabel(labelled('Correo electrónico')).fill(NEW_EMAIL);
    const password = passwordInput(dialog, 'Contraseña inicial');
    await password.fill('corta');
    await choose(dialog, 'Roles', 'Personal de área');
    await page.keyboard.press('Escape');
    await choose(dialog, 'Áreas', 'Unidad Técnica de Asuntos Jurídicos (UTAJ)', 'juridicos');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Crear usuario' }).click();
    await expect.poll(() => fieldError(password)).toContain('al menos 12 caracteres');
    await expectAccessible(page, 'formulario de usuario con errores');

    await password.fill('contraseña inicial segura');
    await dialog.getByRole('button', { name: 'Crear usuario' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('searchbox', { name: 'Buscar usuario' }).fill('lucia');
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    await expect(row.textContent()).resolves.toContain(NEW_EMAIL);
    await expect(row.textContent()).resolves.toContain('Personal de área');
    await expect(row.textContent()).resolves.toContain('Unidad Técnica de Asuntos Jurídicos');

    // The row's actions: disabling asks first, then the state changes.
    await row.getByRole('button', { name: 'Acciones para Lucía Méndez Ortega' }).click();
    await expectAccessible(page, 'acciones de usuario');
    await page.getByRole('menuitem', { name: 'Desactivar' }).click();
    const confirm = page.getByRole('dialog', { name: 'Desactivar cuenta' });
    await expectAccessible(page, 'confirmación de desactivación');
    await confirm.getByRole('button', { name: 'Desactivar' }).click();
    await expect.poll(() => row.textContent()).toContain('Desactivada');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the auditor the change just made, before and after, and no user management', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'auditoria@iecm.demo');

    // Auditors read users but cannot manage them.
    await page.goto('/administracion/usuarios');
    await page.getByRole('heading', { level: 1, name: 'Usuarios' }).waitFor();
    await expect(page.getByRole('button', { name: 'Crear usuario' }).count()).resolves.toBe(0);

    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Bitácora' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Bitácora' }).waitFor();
    const rows = page.getByRole('main').getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    await expectAccessible(page, 'bitácora');

    await choose(page, 'Acción', 'Modificación de usuario', 'modificacion de usuario');
    await page.waitForURL(/accion=user.update/);
    await expect.poll(() => rows.count()).toBe(1);
    const entry = rows.first();
    await expect(entry.textContent()).resolves.toContain('admin@iecm.demo');
    await expect(entry.textContent()).resolves.toMatch(/de \d{4}/);

    await entry.getByRole('button', { name: /Ver detalle/ }).click();
    const dialog = page.getByRole('dialog', { name: /Folio \d+ de la bitácora/ });
    await dialog.waitFor();
    const diff = dialog.getByRole('table', { name: 'Valores antes y después del cambio' });
    const disabled = diff.locator('tbody tr', { hasText: 'disabled' });
    await expect(disabled.locator('td').nth(1).textContent()).resolves.toBe('false');
    await expect(disabled.locator('td').nth(2).textContent()).resolves.toBe('true');
    await expect(disabled.getAttribute('class')).resolves.toContain('diff-changed');
    await expectAccessible(page, 'detalle de la bitácora');

    // The creation of the user is there too, with the record as created.
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await page.goto('/bitacora?accion=user.create');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await rows
      .first()
      .getByRole('button', { name: /Ver detalle/ })
      .click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain(NEW_EMAIL);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the administrator set the letterhead: the demo's logo and lines, a refused file, a saved line", async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'admin@iecm.demo');
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Membrete' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Membrete y fundamento legal' }).waitFor();
    // The demo's letterhead: its logo shown, its lines and the IECM's legal basis in the form.
    const logo = page.getByRole('img', { name: 'Logotipo actual del membrete' });
    await logo.waitFor();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    const header = page.getByLabel(labelled('Líneas del encabezado'));
    await expect(header.inputValue()).resolves.toContain('Instituto Electoral de la Ciudad de México');
    await expect(
      page.getByLabel(labelled('Fundamento legal del informe trimestral')).inputValue(),
    ).resolves.toContain('artículo 72 del Código de Instituciones y Procedimientos Electorales');
    await expectAccessible(page, 'membrete');

    // A file that is not a PNG or JPEG is refused in Spanish, and the logo stays.
    await page.locator('input[type=file]').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await page.getByText('El logotipo debe ser una imagen PNG o JPEG.').waitFor();
    await expect(logo.isVisible()).resolves.toBe(true);

    // Five header lines are one too many: the box says so; four are saved.
    await header.fill('Uno\nDos\nTres\nCuatro\nCinco');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => fieldError(header)).toContain('Escriba hasta 4 líneas');
    await header.fill('Instituto Electoral de la Ciudad de México\nSecretaría Ejecutiva');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Membrete guardado.').waitFor();
    await page.reload();
    await expect(page.getByLabel(labelled('Líneas del encabezado')).inputValue()).resolves.toBe(
      'Instituto Electoral de la Ciudad de México\nSecretaría Ejecutiva',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
