import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

// Governance through its forms: a new session of the CVOE, its agenda, attendance with the quorum
// check, and an agreement adopted under an agenda item — with the server's refusals shown per field.

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

const CVOE = 'Comisión Provisional de Vinculación con Organismos Externos';

describe('governance forms', () => {
  it('creates a session, records attendance with the quorum check and adopts an agreement', async () => {
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Órganos colegiados' })
      .click();
    await page.getByRole('link', { name: new RegExp(CVOE) }).click();
    await page.getByRole('heading', { level: 1, name: CVOE }).waitFor();

    // A new session: the server refuses a convocation after the session, next to the field.
    await page.getByRole('button', { name: 'Registrar sesión' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar sesión' });
    await dialog.waitFor();
    await choose(dialog, 'Tipo de sesión', 'Extraordinaria');
    await choose(dialog, 'Modalidad', 'A distancia');
    await dialog.getByLabel(labelled('Fecha')).fill('15/04/2024');
    await dialog.getByLabel(labelled('Hora de inicio')).fill('10:00');
    await dialog.getByLabel(labelled('Hora de término')).fill('11:30');
    const convokedOn = dialog.getByLabel(labelled('Fecha de la convocatoria'));
    await convokedOn.fill('20/04/2024');
    await dialog.getByLabel(labelled('Lugar o enlace')).click();
    await dialog.getByRole('button', { name: 'Registrar sesión' }).click();
    await expect
      .poll(() => fieldError(convokedOn))
      .toBe('La convocatoria no puede ser posterior a la sesión');
    await expectAccessible(page, 'formulario de sesión con errores');
    await convokedOn.fill('12/04/2024');
    await dialog.getByLabel(labelled('Lugar o enlace')).click();
    await dialog.getByRole('button', { name: 'Registrar sesión' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The server derived the number and the weekday.
    await page.getByRole('heading', { level: 1, name: /^Primera sesión extraordinaria de 2024/ }).waitFor();
    await page.getByText(/lunes 15 de abril de 2024, 10:00–11:30 h/).waitFor();

    // The agenda.
    await page.getByLabel(labelled('Nuevo punto del orden del día')).fill('Aprobación del orden del día');
    await page.getByRole('button', { name: 'Agregar punto' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Aprobación del orden del día' }).waitFor();

    // Attendance: each person in the role held that day, the quorum recomputed as boxes change.
    const roster = page.getByRole('table', { name: 'Lista de asistencia' });
    const boxes = roster.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBeGreaterThan(5);
    await page.getByText(/^Sin quórum: 0 de \d+ integrantes con voto/).waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByText(/^Hay quórum: (\d+) de \1 integrantes con voto$/).waitFor();
    await page.getByRole('button', { name: 'Guardar asistencia' }).click();
    await page.getByText('Asistencia guardada').waitFor();
    await expectAccessible(page, 'sesión nueva con asistencia');

    // An agreement under the agenda item: a recorded vote without votes is refused by the server.
    await page.getByRole('button', { name: 'Adoptar acuerdo' }).click();
    const adopt = page.getByRole('dialog', { name: 'Adoptar acuerdo' });
    await adopt.waitFor();
    await choose(adopt, 'Punto del orden del día', '1. Aprobación del orden del día');
    await adopt.getByLabel(labelled('Acuerdo')).fill('Se aprueba el orden del día de la sesión.');
    await adopt.getByText('Por mayoría (votación nominal)', { exact: true }).click();
    await adopt.getByRole('table', { name: 'Votación de cada integrante' }).waitFor();
    await adopt.getByRole('button', { name: 'Adoptar acuerdo' }).click();
    await adopt.getByText('Registre el voto de cada integrante').waitFor();
    await expectAccessible(page, 'formulario de acuerdo con errores');
    await adopt.getByText('Unanimidad', { exact: true }).click();
    await adopt.getByRole('button', { name: 'Adoptar acuerdo' }).click();
    await adopt.waitFor({ state: 'detached' });
    await page.getByText('Se adoptó el Acuerdo CVOE/012/2024').waitFor();

    const agreements = page.getByRole('table', { name: 'Acuerdos' });
    const row = agreements.locator('tbody tr', { hasText: 'CVOE/012/2024' });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.textContent()).resolves.toContain('Se aprueba el orden del día de la sesión.');
    await expect(row.textContent()).resolves.toContain('Punto 1 del orden del día');

    // It stays after a reload: recorded by the API, not only on screen.
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Acuerdos' })
          .locator('tbody tr', { hasText: 'CVOE/012/2024' })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Lista de asistencia' })
          .getByRole('checkbox', { checked: true })
          .count(),
      )
      .toBeGreaterThan(5);
    await expectAccessible(page, 'sesión con acuerdo adoptado');
    expect(errors).toEqual([]);
  });

  it('reorders, corrects and removes agenda items, cancels a session with its reason, and asks before approving minutes', async () => {
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Órganos colegiados' })
      .click();
    await page.getByRole('link', { name: new RegExp(CVOE) }).click();
    await page.getByRole('button', { name: 'Registrar sesión' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar sesión' });
    await choose(dialog, 'Tipo de sesión', 'Urgente');
    await choose(dialog, 'Modalidad', 'A distancia');
    await dialog.getByLabel(labelled('Fecha')).fill('20/05/2024');
    await dialog.getByLabel(labelled('Lugar o enlace')).click();
    await dialog.getByRole('button', { name: 'Registrar sesión' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: /^Primera sesión urgente de 2024/ }).waitFor();
    await page.getByText('Programada', { exact: true }).waitFor();

    const items = page.getByRole('listitem');
    // The agenda's order as a screen reader meets it: each item's correction button names it.
    const agenda = () =>
      page
        .getByRole('button', { name: /^Corregir el punto «/ })
        .evaluateAll((buttons) => buttons.map((b) => /«(.*)»/.exec(b.getAttribute('aria-label') ?? '')?.[1]));
    for (const title of ['Lista de asistencia', 'Informe de actividades', 'Asuntos generales']) {
      await page.getByLabel(labelled('Nuevo punto del orden del día')).fill(title);
      await page.getByRole('button', { name: 'Agregar punto' }).click();
      await items.filter({ hasText: title }).waitFor();
    }
    await expect.poll(agenda).toEqual(['Lista de asistencia', 'Informe de actividades', 'Asuntos generales']);
    // Moving "Asuntos generales" up one place.
    await page.getByRole('button', { name: 'Subir el punto «Asuntos generales»' }).click();
    await page.getByText('«Asuntos generales» quedó como punto 2').waitFor();
    await expect.poll(agenda).toEqual(['Lista de asistencia', 'Asuntos generales', 'Informe de actividades']);

    // Removing asks first, naming what goes and what moves.
    await page.getByRole('button', { name: 'Quitar el punto «Lista de asistencia»' }).click();
    const remove = page.getByRole('dialog', { name: '¿Quitar este punto del orden del día?' });
    await remove
      .getByText('Se quitará el punto 1, «Lista de asistencia». Los puntos que le siguen subirán un lugar.')
      .waitFor();
    await expectAccessible(page, 'confirmación para quitar un punto');
    await remove.getByRole('button', { name: 'Quitar punto' }).click();
    await remove.waitFor({ state: 'detached' });
    await expect.poll(agenda).toEqual(['Asuntos generales', 'Informe de actividades']);

    // Correcting an item's title, refused empty next to the field.
    await page.getByRole('button', { name: 'Corregir el punto «Informe de actividades»' }).click();
    const edit = page.getByRole('dialog', { name: 'Corregir el punto 2' });
    const title = edit.getByLabel(labelled('Título del punto'));
    await title.fill(' ');
    await edit.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect.poll(() => fieldError(title)).toBe('Escriba el título');
    await title.fill('Informe de actividades de abril');
    await edit.getByRole('button', { name: 'Guardar cambios' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(agenda).toEqual(['Asuntos generales', 'Informe de actividades de abril']);

    // Cancelling: the reason is required, then the session says so and takes no more records.
    await page.getByRole('button', { name: 'Cancelar sesión' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancelar la primera sesión urgente de 2024' });
    await cancel.getByText(/no se puede deshacer/).waitFor();
    await cancel.getByRole('button', { name: 'Cancelar la sesión' }).click();
    const reason = cancel.getByLabel(labelled('Motivo de la cancelación'));
    await expect.poll(() => fieldError(reason)).toBe('Escriba el motivo de la cancelación');
    await reason.fill('La Presidencia no contará con quórum; se convocará de nuevo.');
    await cancel.getByRole('button', { name: 'Cancelar la sesión' }).click();
    await cancel.waitFor({ state: 'detached' });
    await page.getByText(/^Sesión cancelada el /).waitFor();
    await page.reload();
    await page.getByText('Motivo: La Presidencia no contará con quórum; se convocará de nuevo.').waitFor();
    await page.getByText('Cancelada', { exact: true }).waitFor();
    for (const gone of ['Cancelar sesión', 'Editar sesión', 'Guardar asistencia', 'Agregar punto']) {
      expect(await page.getByRole('button', { name: gone }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: /^Subir el punto/ }).count()).toBe(0);
    await expectAccessible(page, 'sesión cancelada');

    // The body's list shows it cancelled, with its reason.
    await page.getByRole('link', { name: 'CVOE' }).click();
    const row = page
      .getByRole('table', { name: 'Sesiones' })
      .locator('tbody tr', { hasText: 'Primera sesión urgente de 2024' });
    await expect(row.textContent()).resolves.toContain('Cancelada');
    await expect(row.textContent()).resolves.toContain('se convocará de nuevo');

    // Approving minutes freezes a session: the dialog names the agreement and the consequence.
    // CVOE/012/2024 is the agreement the first test adopted at a later session.
    await page.getByRole('link', { name: 'Tercera sesión ordinaria de 2024' }).click();
    await page.getByRole('heading', { level: 1, name: /^Tercera sesión ordinaria de 2024/ }).waitFor();
    await choose(
      page,
      'Acuerdo que aprueba la minuta',
      'CVOE/012/2024 — Se aprueba el orden del día de la sesión.',
    );
    await page.getByRole('button', { name: 'Aprobar minuta' }).click();
    const approve = page.getByRole('dialog', { name: '¿Aprobar la minuta?' });
    await approve
      .getByText(
        'Al aprobar la minuta mediante el Acuerdo CVOE/012/2024, la tercera sesión ordinaria de 2024 queda cerrada',
        { exact: false },
      )
      .waitFor();
    // Going back changes nothing.
    await approve.getByRole('button', { name: 'Cancelar' }).click();
    await approve.waitFor({ state: 'detached' });
    expect(await page.getByText('Aprobada mediante el Acuerdo CVOE/012/2024.').count()).toBe(0);
    await page.getByRole('button', { name: 'Aprobar minuta' }).click();
    await approve.getByRole('button', { name: 'Aprobar minuta' }).click();
    await approve.waitFor({ state: 'detached' });
    await page.getByText('Aprobada mediante el Acuerdo CVOE/012/2024.').waitFor();
    expect(errors).toEqual([]);
  });

  it('issues a calendar address that a calendar app reads without signing in, then revokes it', async () => {
    await page.goto('/gobierno');
    await page.getByRole('link', { name: new RegExp(CVOE) }).click();
    await page.getByRole('heading', { level: 1, name: CVOE }).waitFor();
    await page.getByRole('button', { name: 'Direcciones para aplicaciones de calendario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Direcciones de calendario' });
    await dialog.getByRole('button', { name: 'Crear dirección de la CVOE' }).click();
    const address = dialog.getByLabel('Dirección de suscripción');
    await address.waitFor();
    const url = new URL(await address.inputValue());
    await expectAccessible(page, 'direcciones de calendario');

    // No cookie: what a calendar app sends.
    const feed = await fetch(`${app.url}${url.pathname}`);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e).summary);
    expect(events).toContain('CVOE: Tercera sesión ordinaria de 2024');
    expect(events).toContain('CVOE: Primera sesión extraordinaria de 2024');

    await dialog.getByRole('button', { name: `Revocar la dirección de ${CVOE}` }).click();
    await page.getByText('Dirección revocada').waitFor();
    expect((await fetch(`${app.url}${url.pathname}`)).status).toBe(404);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('registers a mandate of a Consejo General agreement to an area and flags it overdue', async () => {
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Seguimiento SSSCG' })
      .click();
    await page.getByRole('heading', { level: 1, name: /SSSCG/ }).waitFor();
    await page.getByRole('button', { name: 'Registrar mandato' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar mandato' });
    await dialog.waitFor();
    const agreement = dialog
      .locator('input:not([type="hidden"])')
      .and(dialog.getByLabel(labelled('Acuerdo')));
    await agreement.click({ force: true });
    await agreement.fill('077');
    await page.getByRole('option', { name: /^IECM\/ACU-CG-077\/2023/ }).click();
    await dialog.getByLabel(labelled('Mandato')).fill('Informar trimestralmente a la CVOE.');
    await choose(dialog, 'Áreas', 'Unidad Técnica de Asuntos Jurídicos (UTAJ)', 'Jurídicos');
    const due = dialog.getByLabel(labelled('Plazo'));
    await due.fill('01/01/2020');
    await dialog.getByLabel(labelled('Mandato')).click();
    await dialog.getByRole('button', { name: 'Registrar mandato' }).click();
    await expect.poll(() => fieldError(due)).toBe('El plazo no puede ser anterior al acuerdo');
    await expectAccessible(page, 'formulario de mandato con errores');
    await due.fill('31/12/2024');
    await dialog.getByLabel(labelled('Mandato')).click();
    await dialog.getByRole('button', { name: 'Registrar mandato' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page
      .getByRole('table', { name: /SSSCG/ })
      .locator('tbody tr', { hasText: 'Informar trimestralmente a la CVOE.' });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.textContent()).resolves.toContain('Vencido');
    await page
      .getByRole('alert')
      .filter({ hasText: /^Mandatos vencidos: \d+/ })
      .waitFor();
    await expectAccessible(page, 'mandatos con alerta de vencimiento');
    expect(errors).toEqual([]);
  });
});
