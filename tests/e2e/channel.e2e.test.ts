import type { Browser, Page } from 'playwright-core';
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

// The channel as the IECM's liaison staff use it: the annex table, a folio and its history, an
// answer sent from the folio's page, and a month of a recurring report answered by the area and
// returned, answered again and accepted by the INE.

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
    await expect
      .poll(() => page.getByText('Informe mensual (el último día hábil de cada mes).').isVisible())
      .toBe(true);
    // Its months: January 2024 answered by the UTAJ on its due date and accepted by the INE.
    const months = page.getByRole('table', { name: /Meses de la obligación/ });
    await expect
      .poll(() => months.getByRole('row', { name: /^enero de 2024/ }).innerText())
      .toMatch(
        /31 ene\.? 2024[\s\S]*Aceptada[\s\S]*Se remite el informe de la previsión legal .* de enero de 2024\./i,
      );
    await expect
      .poll(() => page.getByText(/Responde: Unidad Técnica de Asuntos Jurídicos/).isVisible())
      .toBe(true);
    await expectAccessible(page, 'detalle de folio');
    expect(errors).toEqual([]);
  });

  it('sends a folio to the INE from the list and answers it from its page', async () => {
    const context = await newContext(browser, app.url);
    const ine = await context.newPage();
    await signIn(ine, 'enlace@ine.demo');
    await ine.goto('/canal/folios');
    // The INE's folios are its communications with the local bodies.
    await ine.getByText('Comunicaciones con los organismos públicos locales').waitFor();
    await ine.getByRole('button', { name: 'Nuevo folio' }).click();
    const dialog = ine.getByRole('dialog');
    await expectAccessible(ine, 'envío de comunicación');
    await choose(dialog, 'Tipo de documento', 'Oficio');
    await dialog.getByRole('switch', { name: 'A todos los organismos locales' }).check();
    await dialog
      .getByRole('textbox', { name: 'Asunto' })
      .fill('Solicitud de información sobre casillas especiales');
    // The oficio travels with the communication.
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'Oficio casillas especiales.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 oficio'),
    });
    await dialog.getByRole('button', { name: 'Enviar' }).click();
    await expect.poll(() => ine.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Folio \d+\/\d{4}$/);
    await expect
      .poll(() => ine.getByRole('button', { name: 'Oficio casillas especiales.pdf' }).isVisible())
      .toBe(true);
    const folio = (await ine.getByRole('heading', { level: 1 }).innerText()).replace('Folio ', '');
    // The INE has no areas in the demo: its folio page offers no routing with an empty list of areas.
    await ine.waitForLoadState('networkidle');
    expect(await ine.getByRole('button', { name: 'Turnar' }).count()).toBe(0);

    const local = await (await newContext(browser, app.url)).newPage();
    await signIn(local, 'enlace@iecm.demo');
    await local.goto(`/canal/folios?q=${encodeURIComponent(folio)}&modulo=follow_up`);
    await local.getByRole('link', { name: folio }).click();
    await local.getByRole('button', { name: 'Turnar' }).waitFor();
    await local.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await local
      .getByRole('textbox', { name: 'Respuesta que se envía' })
      .fill('Se remite la información de casillas especiales.');
    await local.getByRole('dialog').getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await expect.poll(() => local.getByText('En proceso del INE').first().isVisible()).toBe(true);
    await expect
      .poll(() => local.getByText('Se remite la información de casillas especiales.').isVisible())
      .toBe(true);
  });

  it('answers a month of a recurring report from the area’s queue; the INE returns it, then accepts it', async () => {
    const months = (page: Page) => page.getByRole('table', { name: /Meses de/ });
    const april = (page: Page) =>
      months(page).getByRole('row').filter({ hasText: '24/2024' }).filter({ hasText: 'abril de 2024' });

    // The UTAJ answers April's report of 24/2024 from "Mis turnos", with a file.
    const area = await (await newContext(browser, app.url)).newPage();
    const areaErrors = watchErrors(area);
    await signIn(area, 'area@iecm.demo');
    await area.getByRole('link', { name: 'Mis turnos', exact: true }).click();
    await expect.poll(() => april(area).innerText()).toMatch(/Vencida/i);
    await april(area).getByRole('button', { name: 'Responder: abril de 2024' }).click();
    const answer = area.getByRole('dialog', { name: 'Informe de abril de 2024' });
    await answer
      .getByRole('textbox', { name: 'Respuesta del mes' })
      .fill('Se remite el estado procesal de las denuncias de abril de 2024.');
    await answer.locator('input[type="file"]').setInputFiles({
      name: 'denuncias-abril.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 denuncias'),
    });
    await expectAccessible(area, 'respuesta de un mes');
    await answer.getByRole('button', { name: 'Enviar respuesta' }).click();
    await expect.poll(() => answer.isVisible()).toBe(false);
    await area.goto('/canal/turnos?turnos=closed');
    await expect.poll(() => april(area).innerText()).toMatch(/Respondida[\s\S]*denuncias-abril\.pdf/i);
    await expectAccessible(area, 'mis turnos con informes mensuales');

    // The INE returns it from the folio's page, with the reason.
    const ine = await (await newContext(browser, app.url)).newPage();
    const ineErrors = watchErrors(ine);
    await signIn(ine, 'enlace@ine.demo');
    await ine.goto('/canal/folios?q=24%2F2024&modulo=follow_up');
    await ine.getByRole('link', { name: '24/2024', exact: true }).click();
    const row = months(ine).getByRole('row', { name: /^abril de 2024/ });
    await expect.poll(() => row.innerText()).toMatch(/Respondida[\s\S]*de abril de 2024\./i);
    await row.getByRole('button', { name: 'Devolver: abril de 2024' }).click();
    const giveBack = ine.getByRole('dialog', { name: 'Devolver el informe de abril de 2024' });
    await giveBack
      .getByRole('textbox', { name: 'Motivo de la devolución' })
      .fill('Falta el número de expediente de cada denuncia.');
    await giveBack.getByRole('button', { name: 'Devolver' }).click();
    await expect
      .poll(() => row.innerText())
      .toMatch(/Devuelta[\s\S]*Devuelto: Falta el número de expediente de cada denuncia\./i);

    // The area answers it again; the INE accepts it.
    await area.goto('/canal/turnos');
    await april(area).getByRole('button', { name: 'Responder de nuevo: abril de 2024' }).click();
    const again = area.getByRole('dialog', { name: 'Informe de abril de 2024' });
    await again
      .getByRole('textbox', { name: 'Respuesta del mes' })
      .fill('Se remite el informe de abril con el número de expediente de cada denuncia.');
    await again.getByRole('button', { name: 'Enviar respuesta' }).click();
    await expect.poll(() => again.isVisible()).toBe(false);

    await ine.reload();
    await expect.poll(() => row.innerText()).toMatch(/Respondida[\s\S]*número de expediente/i);
    await row.getByRole('button', { name: 'Aceptar: abril de 2024' }).click();
    await ine
      .getByRole('dialog', { name: 'Aceptar el informe de abril de 2024' })
      .getByRole('button', { name: 'Aceptar' })
      .click();
    await expect.poll(() => row.innerText()).toMatch(/Aceptada/i);
    // No action is left on an accepted month; the area's file stays with it.
    await expect
      .poll(() => row.getByRole('button', { name: /^(Aceptar|Devolver|Responder)/ }).count())
      .toBe(0);
    await expect.poll(() => row.getByRole('button', { name: 'denuncias-abril.pdf' }).isVisible()).toBe(true);
    await expectAccessible(ine, 'meses de un folio');
    expect(areaErrors).toEqual([]);
    expect(ineErrors).toEqual([]);
  });
});
