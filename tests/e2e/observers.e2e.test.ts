import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Liaison staff register a foreign visitor (the accreditation rule shown at the field), add an
// election-day route whose stops must be in time order, look at the groups and send a
// communication to a group — on the demo's Misión de Acompañamiento 2024 (axe at each step).

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('foreign observers and visitors', () => {
  it('registers a visitor, plans a route through polling stations and writes to a group', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iecm.demo');

    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Observadores y visitantes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Misiones de acompañamiento' }).waitFor();
    await page.getByRole('link', { name: 'Misión de Acompañamiento 2024' }).click();
    await page.getByRole('heading', { level: 1, name: 'Misión de Acompañamiento 2024' }).waitFor();
    await page.getByRole('link', { name: 'Élodie Lefèvre Martin', exact: true }).waitFor();
    await expectAccessible(page, 'personas registradas');

    // Registration: accredited without a number is refused at the field.
    await page.getByRole('button', { name: 'Registrar persona' }).click();
    const form = page.getByRole('dialog', { name: 'Registrar persona' });
    await form.getByLabel(labelled('Nombre')).fill('Lucía Prueba Gómez');
    await choose(form, 'Nacionalidad', 'Argentina', 'Argen');
    await form.getByLabel(labelled('Correo electrónico')).fill('lucia.prueba@example.org');
    await choose(form, 'Estado de la acreditación', 'Acreditada');
    await form.getByLabel(labelled('Cómo se obtuvo')).fill('Formulario en línea');
    await form.getByLabel(labelled('Versión del aviso de privacidad')).fill('AP-MA-2024');
    await form.getByRole('button', { name: 'Guardar' }).click();
    const number = form.getByLabel(labelled('Número de acreditación'));
    await expect.poll(() => fieldError(number)).toContain('número de acreditación');
    await expectAccessible(page, 'registro con error');
    await number.fill('VE-2024-0010');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Lucía Prueba Gómez/ });
    await expect.poll(() => row.textContent()).toContain('VE-2024-0010');
    await expect.poll(() => row.textContent()).toContain('Argentina');

    // The agenda: a route whose second stop arrives before the first one leaves is refused.
    await page.getByRole('tab', { name: 'Agenda y recorrido' }).click();
    await page.getByRole('table', { name: /Recorrido por casillas — Grupo A/ }).waitFor();
    await expectAccessible(page, 'agenda');
    await page.getByRole('button', { name: 'Agregar a la agenda' }).click();
    const item = page.getByRole('dialog', { name: 'Agregar a la agenda' });
    await choose(item, 'Tipo', 'Recorrido por casillas');
    await item.getByLabel(labelled('Título')).fill('Recorrido de prensa');
    await item.getByLabel(labelled('Hora de inicio')).fill('07:00');
    await item.getByLabel(labelled('Hora de término')).fill('12:00');
    await item.getByLabel(labelled('Sección (parada 1)')).fill('100');
    await item.getByLabel(labelled('Llegada (parada 1)')).fill('09:00');
    await item.getByLabel(labelled('Salida (parada 1)')).fill('09:30');
    await item.getByLabel(labelled('Ubicación (parada 1)')).fill('Escuela de ejemplo');
    await item.getByRole('button', { name: 'Agregar parada' }).click();
    await item.getByLabel(labelled('Sección (parada 2)')).fill('101');
    await item.getByLabel(labelled('Tipo de casilla (parada 2)')).fill('C1');
    await item.getByLabel(labelled('Llegada (parada 2)')).fill('09:15');
    await item.getByLabel(labelled('Salida (parada 2)')).fill('10:00');
    await item.getByLabel(labelled('Ubicación (parada 2)')).fill('Parque de ejemplo');
    await item.getByRole('button', { name: 'Guardar' }).click();
    const arrival2 = item.getByLabel(labelled('Llegada (parada 2)'));
    await expect.poll(() => fieldError(arrival2)).toContain('ordene las paradas');
    await expectAccessible(page, 'recorrido con error');
    await arrival2.fill('09:45');
    await item.getByRole('button', { name: 'Guardar' }).click();
    await item.waitFor({ state: 'detached' });
    const route = page.getByRole('table', { name: /Recorrido de prensa/ });
    await expect.poll(() => route.textContent()).toContain('Sección 0101, casilla C1');

    // Groups, then a communication to Grupo A (all three with consent).
    await page.getByRole('tab', { name: 'Grupos' }).click();
    await page.getByRole('heading', { name: 'Grupo A' }).waitFor();
    await expectAccessible(page, 'grupos');
    await page.getByRole('tab', { name: 'Comunicaciones' }).click();
    await page.getByRole('button', { name: 'Nueva comunicación' }).click();
    const mail = page.getByRole('dialog', { name: 'Nueva comunicación' });
    await choose(mail, 'Destinatarios', 'Grupo A');
    await mail.getByLabel(labelled('Asunto')).fill('Punto de encuentro');
    await mail.getByLabel(labelled('Mensaje')).fill('Estimada(o) {{nombre}}: nos vemos a las 07:15.');
    await expectAccessible(page, 'nueva comunicación');
    await mail.getByRole('button', { name: 'Enviar' }).click();
    await mail.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Punto de encuentro' }).waitFor();
    const deliveries = page.getByRole('table', { name: 'Estado del envío por destinatario' });
    await expect.poll(() => deliveries.textContent()).toContain('elodie.lefevre@example.org');
    await expectAccessible(page, 'comunicaciones');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('registers an existing contact, shows the registrant, and removes a registrant, a group and an agenda item', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iecm.demo');
    await page.goto('/acompanamiento');
    await page.getByRole('link', { name: 'Misión de Acompañamiento 2024' }).click();
    await page.getByRole('heading', { level: 1, name: 'Misión de Acompañamiento 2024' }).waitFor();

    // An outreach contact already in Voto Chilango is registered by choosing it.
    await page.getByRole('button', { name: 'Registrar persona' }).click();
    const form = page.getByRole('dialog', { name: 'Registrar persona' });
    await form.getByText('Contacto existente', { exact: true }).click();
    await choose(
      form,
      'Contacto de Difusión',
      'Rodrigo Ibarra Luna · rodrigo.ibarra@example.org (US)',
      'Rodrigo',
    );
    await expect.poll(() => form.getByLabel(labelled('Nacionalidad')).inputValue()).toBe('Estados Unidos');
    await form.getByLabel(labelled('La persona otorgó su consentimiento')).uncheck();
    await expectAccessible(page, 'registro de un contacto existente');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.waitFor({ state: 'detached' });

    // Its page: the person from the contact, the registration, no consent for the mission yet.
    await page.getByRole('link', { name: 'Rodrigo Ibarra Luna', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Rodrigo Ibarra Luna' }).waitFor();
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain('rodrigo.ibarra@example.org');
    await expect.poll(() => main.textContent()).toContain('Estados Unidos');
    await expect.poll(() => main.textContent()).toContain('Aún no se le ha enviado ninguna comunicación.');
    await expectAccessible(page, 'ficha de la persona registrada');

    // Removed after a confirmation: back in the list, without the row.
    await page.getByRole('button', { name: 'Quitar de la misión' }).click();
    const confirm = page.getByRole('dialog', { name: 'Quitar de la misión' });
    await expectAccessible(page, 'confirmación para quitar un registro');
    await confirm.getByRole('button', { name: 'Quitar' }).click();
    await page.getByRole('table', { name: 'Personas registradas en la misión' }).waitFor();
    await page.getByRole('link', { name: 'Élodie Lefèvre Martin', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Rodrigo Ibarra Luna' }).count()).toBe(0);

    // A group with a route on the agenda is refused, saying why; an empty new group goes.
    await page.getByRole('tab', { name: 'Grupos' }).click();
    await page.getByRole('button', { name: 'Eliminar Grupo B' }).click();
    const refuse = page.getByRole('dialog', { name: 'Eliminar el grupo' });
    await refuse.getByRole('button', { name: 'Eliminar' }).click();
    await expect.poll(() => refuse.textContent()).toContain('«Recorrido por casillas — Grupo B»');
    await expectAccessible(page, 'grupo que no puede eliminarse');
    await refuse.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('button', { name: 'Nuevo grupo' }).click();
    const newGroup = page.getByRole('dialog', { name: 'Nuevo grupo' });
    await newGroup.getByLabel(labelled('Nombre del grupo')).fill('Grupo de prensa');
    await newGroup.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Grupo de prensa' }).waitFor();
    await page.getByRole('button', { name: 'Eliminar Grupo de prensa' }).click();
    await page
      .getByRole('dialog', { name: 'Eliminar el grupo' })
      .getByRole('button', { name: 'Eliminar' })
      .click();
    await page.getByRole('heading', { name: 'Grupo de prensa' }).waitFor({ state: 'detached' });

    // An agenda item goes with its stops and assignments, after a confirmation.
    await page.getByRole('tab', { name: 'Agenda y recorrido' }).click();
    const closing = 'Seguimiento del cómputo y reunión de cierre de la Misión';
    await page.getByRole('button', { name: `Eliminar ${closing}` }).click();
    await page
      .getByRole('dialog', { name: 'Eliminar de la agenda' })
      .getByRole('button', { name: 'Eliminar' })
      .click();
    await page.getByText(closing).first().waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
