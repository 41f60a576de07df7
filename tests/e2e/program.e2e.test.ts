import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import {
  choose,
  expectAccessible,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// The work program as the liaison office uses it: the 2024 program with its targets and the
// objectives without activity, the activities of January–March 2024 with a new one recorded (a
// reversed range refused first), and the publications with their missing issues.

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  await seedDemo(app.ctx);
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

describe('work program', () => {
  it('shows the program tree with target progress and asks a reason for objectives without activity', async () => {
    await nav().getByRole('link', { name: 'Programa de trabajo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programa de trabajo' }).waitFor();
    await page.goto('/programa?periodo=2024-T1');
    await page.getByRole('heading', { level: 2, name: /^3\. Vinculación Permanente/ }).waitFor();
    await page.getByText('Aprobado mediante el Acuerdo CVOE/003/2023', { exact: false }).waitFor();
    await expect(
      page.getByRole('progressbar', { name: /Envío de al menos 30 noticias/ }).count(),
    ).resolves.toBe(1);
    await expect(
      page
        .getByText('Motivo declarado: Se realizaron pláticas con dos instituciones', { exact: false })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'árbol del programa');

    const alert = page.getByRole('alert').filter({ hasText: 'sin actividad ni motivo' });
    if ((await alert.count()) > 0) {
      const before = await alert.getByRole('button', { name: 'Declarar motivo' }).count();
      await alert.getByRole('button', { name: 'Declarar motivo' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel(labelled('Motivo'))
        .fill('Sin actividades en el periodo por el calendario electoral.');
      await expectAccessible(page, 'motivo de un objetivo sin actividad');
      await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(async () =>
          (await alert.count()) ? alert.getByRole('button', { name: 'Declarar motivo' }).count() : 0,
        )
        .toBe(before - 1);
    }
    expect(errors).toEqual([]);
  });

  it('lists the activities of the quarter, filters them, and records one (a reversed range refused first)', async () => {
    await nav().getByRole('link', { name: 'Actividades' }).click();
    await page.getByRole('heading', { level: 1, name: 'Actividades' }).waitFor();
    await page.goto('/programa/actividades?periodo=2024-T1');
    const table = page.getByRole('table', { name: 'Actividades' });
    await page
      .getByText(/de \d+$/)
      .first()
      .waitFor();
    await choose(page, 'Tipo', 'Gira en el extranjero');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    await expect(table.textContent()).resolves.toContain('6 al 9 de marzo de 2024');
    await expectAccessible(page, 'lista de actividades');

    await page.getByRole('button', { name: 'Registrar actividad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar actividad' });
    await choose(
      dialog,
      'Objetivo',
      '3.A Promover, difundir e informar sobre los derechos político-electorales',
      '3.A',
    );
    await choose(dialog, 'Tipo', 'Gira en el extranjero');
    await dialog.getByLabel(labelled('Actividad')).fill('Gira de trabajo en Houston');
    await dialog.getByText('Del… al…', { exact: true }).click();
    await dialog.getByLabel(labelled('Desde')).fill('20/04/2024');
    await dialog.getByLabel(labelled('Hasta')).fill('17/04/2024');
    await dialog.getByLabel(labelled('Lugar')).click();
    await expectAccessible(page, 'formulario de actividad');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Hasta'))))
      .toBe('La fecha final (17 de abril de 2024) es anterior a la inicial (20 de abril de 2024)');

    await dialog.getByLabel(labelled('Desde')).fill('17/04/2024');
    await dialog.getByLabel(labelled('Hasta')).fill('20/04/2024');
    await dialog.getByLabel(labelled('Lugar')).fill('Houston, Texas');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto('/programa/actividades?periodo=2024-T2');
    await page
      .getByRole('cell', { name: /^Gira de trabajo en Houston/ })
      .first()
      .waitFor();
    await expect(table.textContent()).resolves.toContain('17 al 20 de abril de 2024');
    // Evidence: a file attached to the row, then offered as a download link.
    await table
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: 'lista-de-asistencia.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 lista'),
      });
    await table.getByRole('link', { name: 'lista-de-asistencia.pdf' }).waitFor();
    await expectAccessible(page, 'actividad con evidencia');
    expect(errors).toEqual([]);
  });

  it('shows the publications with their missing issues', async () => {
    await nav().getByRole('link', { name: 'Publicaciones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publicaciones' }).waitFor();
    await page.goto('/programa/publicaciones?periodo=2024-T1');
    const bulletin = page.getByRole('region', { name: 'Boletín Electoral' });
    await bulletin.getByText('semana del 4 al 10 de marzo de 2024').waitFor();
    await expect(bulletin.getByRole('table').locator('tbody tr').count()).resolves.toBe(12);
    await expectAccessible(page, 'publicaciones');
    expect(errors).toEqual([]);
  });
});
