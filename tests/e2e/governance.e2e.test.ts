import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signIn, watchErrors } from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { todayInMexicoCity } from '../../src/shared/dates';

// Governance as the liaison office uses it: the CVOE's sessions and attendance, and the SSSCG.

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
  context = await newContext(browser, app.url);
  page = await context.newPage();
  errors = watchErrors(page);
  await signIn(page, 'enlace@iecm.demo');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Navegación principal' });

describe('governance', () => {
  it('shows the CVOE, its sessions and the attendance table with the footnote', async () => {
    await nav().getByRole('link', { name: 'Órganos colegiados' }).click();
    await page.getByRole('heading', { level: 1, name: 'Órganos colegiados' }).waitFor();
    await page
      .getByRole('link', { name: /Comisión Provisional de Vinculación con Organismos Externos/ })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Comisión Provisional de Vinculación con Organismos Externos' })
      .waitFor();
    const sessions = page.getByRole('table', { name: 'Sesiones' });
    // The reference year's four sessions, and the one the demo's live layer convenes for next week.
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(5);
    await expect(sessions.textContent()).resolves.toContain('Tercera sesión ordinaria de 2024');
    await expect(sessions.textContent()).resolves.toContain(
      `sesión ordinaria de ${todayInMexicoCity().slice(0, 4)}`,
    );
    await expectAccessible(page, 'sesiones de un órgano colegiado');

    await page.getByRole('tab', { name: 'Asistencia' }).click();
    const table = page.getByRole('table', { name: 'Asistencia' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(20);
    await page.getByText(/Derivado de la designación del maestro Álvaro Mario Castañón Cuevas/).waitFor();
    await expectAccessible(page, 'reporte de asistencia');
    expect(errors).toEqual([]);
  });

  it('records attendance by role on a session and shows the quorum live', async () => {
    await page.getByRole('tab', { name: 'Sesiones' }).click();
    await page.getByRole('link', { name: 'Tercera sesión ordinaria de 2024' }).click();
    await page.getByRole('heading', { level: 1, name: /^Tercera sesión ordinaria de 2024/ }).waitFor();
    await page.getByText('Hay quórum: 4 de 5 integrantes con voto').waitFor();
    for (const name of ['Erika Estrada Ruíz', 'Sonia Pérez Pérez']) {
      await page.getByRole('checkbox', { name: `Asistió ${name}` }).uncheck();
    }
    await page.getByText('Sin quórum: 2 de 5 integrantes con voto (se requieren 3)').waitFor();
    for (const name of ['Erika Estrada Ruíz', 'Sonia Pérez Pérez', 'Partido Revolucionario Institucional']) {
      await page.getByRole('checkbox', { name: `Asistió ${name}` }).check();
    }
    await page.getByRole('button', { name: 'Guardar asistencia' }).click();
    await page.getByText('Asistencia guardada').waitFor();
    await page.reload();
    await expect(
      page.getByRole('checkbox', { name: 'Asistió Partido Revolucionario Institucional' }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByRole('table', { name: 'Acuerdos' }).textContent()).resolves.toContain(
      'CVOE/011/2024',
    );
    await expectAccessible(page, 'detalle de sesión');

    // A session whose minutes are approved is read-only.
    await page.goBack();
    await page
      .getByRole('heading', { level: 1, name: 'Comisión Provisional de Vinculación con Organismos Externos' })
      .waitFor();
    await page.getByRole('link', { name: 'Primera sesión ordinaria de 2024' }).click();
    await page.getByText(/La minuta fue aprobada mediante el Acuerdo CVOE\/007\/2024/).waitFor();
    await expect(
      page.getByRole('checkbox', { name: 'Asistió Erika Estrada Ruíz' }).isDisabled(),
    ).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('lists the SSSCG mandate with its 20 dated updates', async () => {
    await nav().getByRole('link', { name: 'Seguimiento SSSCG' }).click();
    await page.getByRole('heading', { level: 1, name: /SSSCG/ }).waitFor();
    await page.getByRole('button', { name: /^20 \(última:/ }).click();
    const updates = page.getByRole('dialog').getByRole('table', { name: 'Actualizaciones' });
    await expect.poll(() => updates.locator('tbody tr').count()).toBe(20);
    await expectAccessible(page, 'actualizaciones de un mandato');
    expect(errors).toEqual([]);
  });
});
