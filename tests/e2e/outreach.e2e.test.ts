import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexicoCity } from '../../src/shared/dates';
import {
  choose,
  expectAccessible,
  labelled,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// Liaison staff record a person's withdrawal of consent and an ARCO request, with its legal
// deadline, and answer it.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('outreach: consent and ARCO', () => {
  it('withdraws a consent, registers an ARCO request with its deadline badge and answers it', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iecm.demo');

    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Contactos de difusión' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Contactos de difusión' }).waitFor();
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('ximena');
    const link = page.getByRole('link', { name: 'Ximena Ortiz Ruiz' });
    await link.waitFor();
    await expectAccessible(page, 'contactos');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Ximena Ortiz Ruiz' }).waitFor();
    await expectAccessible(page, 'ficha del contacto');

    // Withdrawal of consent.
    await page.getByRole('main').getByRole('button', { name: 'Retirar consentimiento' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Retirar consentimiento' });
    await withdraw.waitFor();
    await withdraw.getByLabel(labelled('Cómo se solicitó el retiro')).fill('Correo de la persona');
    await expectAccessible(page, 'retiro del consentimiento');
    await withdraw.getByRole('button', { name: 'Retirar consentimiento' }).click();
    await withdraw.waitFor({ state: 'detached' });
    const today = todayInMexicoCity();
    await page.getByText(`Retirado el ${today}`).waitFor();

    // An ARCO request: due 20 business days after today.
    await page.getByRole('button', { name: 'Nueva solicitud ARCO' }).click();
    const arco = page.getByRole('dialog', { name: 'Nueva solicitud ARCO' });
    await arco.waitFor();
    await choose(arco, 'Derecho', 'Cancelación');
    await arco.getByLabel(labelled('Descripción')).fill('Pide suprimir sus datos de la Red');
    await expectAccessible(page, 'solicitud ARCO');
    await arco.getByRole('button', { name: 'Guardar' }).click();
    await arco.waitFor({ state: 'detached' });
    const folio = `ARCO/001/${today.slice(0, 4)}`;
    await page.getByRole('cell', { name: folio }).waitFor();
    await page.getByText('20 días hábiles').waitFor();

    // The office's list of requests, and the answer.
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Solicitudes ARCO' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Solicitudes ARCO' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(folio) });
    await expect.poll(() => row.textContent()).toContain('Ximena Ortiz Ruiz');
    await expectAccessible(page, 'solicitudes ARCO');
    await row.getByRole('button', { name: 'Registrar respuesta' }).click();
    const resolve = page.getByRole('dialog', { name: 'Registrar respuesta' });
    await resolve.getByLabel(labelled('Respuesta')).fill('Se suprimirán los datos');
    await resolve.getByRole('button', { name: 'Registrar respuesta' }).click();
    await resolve.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('Procedente');
    expect(errors).toEqual([]);
    await context.close();
  });
});
