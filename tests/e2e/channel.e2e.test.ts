import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import {
  choose,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// The channel as the IECM's liaison staff use it: the annex table, a folio and its history, and an
// answer sent from the folio's page.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  await seedDemo(app.ctx);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('channel', () => {
  it('shows the annex table of the reference and a recurring folio with its history', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iecm.demo');

    await page.goto('/canal/estadisticas?desde=2024-01-01&hasta=2024-03-31&al=2024-03-31');
    const table = page.getByRole('table', { name: /Seguimiento de actividades por mes/ });
    await expect
      .poll(() => table.getByRole('row', { name: /marzo de 2024/ }).innerText())
      .toMatch(/4\s+42\s+0\s+49\s+95/);
    await expect(table.locator('tfoot').innerText()).resolves.toMatch(/4\s+98\s+0\s+170\s+272/);
    await expectAccessible(page, 'estadísticas del canal');

    await page.goto('/canal/folios?q=270%2F2023');
    await page.getByRole('link', { name: '270/2023' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Folio 270/2023');
    await expect(page.getByText('Informe mensual (el último día hábil de cada mes).')).toBeDefined();
    await expectAccessible(page, 'detalle de folio');
    expect(errors).toEqual([]);
  });

  it('sends a folio to the INE from the list and answers it from its page', async () => {
    const context = await newContext(browser, app.url);
    const ine = await context.newPage();
    await signIn(ine, 'enlace@ine.demo');
    await ine.goto('/canal/folios');
    await ine.getByRole('button', { name: 'Nuevo folio' }).click();
    const dialog = ine.getByRole('dialog');
    await expectAccessible(ine, 'envío de comunicación');
    await choose(dialog, 'Tipo de documento', 'Oficio');
    await dialog.getByRole('switch', { name: 'A todos los organismos locales' }).check();
    await dialog
      .getByRole('textbox', { name: 'Asunto' })
      .fill('Solicitud de información sobre casillas especiales');
    await dialog.getByRole('button', { name: 'Enviar' }).click();
    await expect.poll(() => ine.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Folio \d+\/\d{4}$/);
    const folio = (await ine.getByRole('heading', { level: 1 }).innerText()).replace('Folio ', '');

    const local = await (await newContext(browser, app.url)).newPage();
    await signIn(local, 'enlace@iecm.demo');
    await local.goto(`/canal/folios?q=${encodeURIComponent(folio)}&modulo=follow_up`);
    await local.getByRole('link', { name: folio }).click();
    await local.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await local
      .getByRole('textbox', { name: 'Respuesta u observación' })
      .fill('Se remite la información de casillas especiales.');
    await local.getByRole('dialog').getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await expect.poll(() => local.getByText('En proceso del INE').first().isVisible()).toBe(true);
    await expect
      .poll(() => local.getByText('Se remite la información de casillas especiales.').isVisible())
      .toBe(true);
  });
});
