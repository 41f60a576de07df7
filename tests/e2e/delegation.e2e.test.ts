import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo';
import { addDays, todayInMexicoCity } from '../../src/shared/dates';
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
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

// Acting for an absent person (ADR 0035), as the IECM would use it: the UTAJ's staff go on
// holidays; the administrator records on Administración › Suplencias that a colleague of another
// area acts for them; the colleague finds the UTAJ's folio in Mis turnos, marked «Por ausencia de»,
// and answers it; the answer reads «A, por ausencia de B»; once ended, the slip is gone for them.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** DD/MM/YYYY, as the date fields take it. */
const typed = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

describe('delegation (suplencia)', () => {
  it('an administrator records it; the acting person answers the absent one’s folio on their behalf', async () => {
    const today = todayInMexicoCity();
    // A folio of the INE routed to the UTAJ, and a colleague of the DVOE with a queue of their own.
    const ine = new HttpClient(app.url);
    await ine.signIn('enlace@ine.demo', DEMO_PASSWORD);
    const counterparts = await ine.get<{ localBodies: { id: string; acronym: string }[] }>(
      '/api/channel/counterparts',
    );
    const iecmId = counterparts.body.localBodies.find((b) => b.acronym === 'IECM')!.id;
    const sent = await ine.post<{ folio: string; folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Consulta sobre el convenio de apoyo y colaboración en materia de suplencias',
      sentOn: today,
      recipientOrgIds: [iecmId],
    });
    expect(sent.status).toBe(201);
    const folio = sent.body.folio;
    const admin = new HttpClient(app.url);
    await admin.signIn('admin@iecm.demo', DEMO_PASSWORD);
    const areas = await admin.get<{ items: { id: string; name: string }[] }>('/api/areas?pageSize=200');
    const areaId = (name: RegExp) => areas.body.items.find((a) => name.test(a.name))!.id;
    const liaison = new HttpClient(app.url);
    await liaison.signIn('enlace@iecm.demo', DEMO_PASSWORD);
    const routed = await liaison.post<{ routingIds: string[] }>(
      `/api/channel/folios/${sent.body.folioIds[0]}/routings`,
      { responsibleAreaId: areaId(/Asuntos Jurídicos/), instructions: 'Emitir opinión.' },
    );
    expect(routed.status).toBe(201);
    const slip = routed.body.routingIds[0]!;
    expect(
      (
        await admin.post('/api/users', {
          name: 'Mario Ortiz Vega',
          email: 'suplente@iecm.demo',
          password: DEMO_PASSWORD,
          roles: ['area_staff'],
          areaIds: [areaId(/Vinculación con Organismos Externos/)],
        })
      ).status,
    ).toBe(201);

    // Before the delegation the colleague does not see the UTAJ's folio.
    const acting = await (await newContext(browser, app.url)).newPage();
    const actingErrors = watchErrors(acting);
    await signIn(acting, 'suplente@iecm.demo');
    await acting.goto('/canal/turnos');
    await expect.poll(() => acting.getByRole('heading', { level: 1 }).innerText()).toBe('Mis turnos');
    await expect.poll(() => acting.getByText('No hay turnos en esta vista.').isVisible()).toBe(true);

    // The administrator records it: a period that ends before it starts is refused on its field.
    const page = await (await newContext(browser, app.url)).newPage();
    const adminErrors = watchErrors(page);
    await signIn(page, 'admin@iecm.demo');
    await page.getByRole('link', { name: 'Suplencias', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Suplencias');
    await expectAccessible(page, 'suplencias');
    await page.getByRole('button', { name: 'Registrar suplencia' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, 'Persona ausente', 'Personal de la UTAJ (area@iecm.demo)', 'UTAJ');
    await choose(dialog, 'Quién la suple', 'Mario Ortiz Vega (suplente@iecm.demo)', 'Mario');
    await dialog.getByLabel(labelled('Desde')).fill(typed(addDays(today, 3)));
    await dialog.getByLabel(labelled('Desde')).press('Escape');
    await dialog.getByLabel(labelled('Hasta (inclusive)')).fill(typed(today));
    await dialog.getByLabel(labelled('Hasta (inclusive)')).press('Escape');
    await dialog.getByLabel(labelled('Motivo')).fill('Vacaciones');
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Hasta (inclusive)'))))
      .toBe('La suplencia termina antes de empezar.');
    await dialog.getByLabel(labelled('Desde')).fill(typed(today));
    await dialog.getByLabel(labelled('Desde')).press('Escape');
    await dialog.getByLabel(labelled('Hasta (inclusive)')).fill(typed(addDays(today, 6)));
    await dialog.getByLabel(labelled('Hasta (inclusive)')).press('Escape');
    await expectAccessible(page, 'registrar suplencia');
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    const table = page.getByRole('table', { name: 'Suplencias de la organización' });
    await expect
      .poll(() => table.getByRole('row', { name: /Personal de la UTAJ/ }).innerText())
      .toMatch(/Mario Ortiz Vega[\s\S]*Vacaciones[\s\S]*Vigente/);

    // The colleague now finds the UTAJ's folio in their queue, marked, and answers it.
    await acting.reload();
    await expect
      .poll(() => acting.getByText(/Atiende también los turnos de Personal de la UTAJ/).isVisible())
      .toBe(true);
    const row = acting.getByRole('row', { name: new RegExp(folio.replace('/', '\\/')) });
    await expect.poll(() => row.innerText()).toMatch(/Por ausencia de Personal de la UTAJ/);
    await expectAccessible(acting, 'mis turnos con suplencia');
    await acting.getByRole('link', { name: folio, exact: true }).click();
    await expect.poll(() => acting.getByRole('heading', { level: 1 }).innerText()).toBe(`Folio ${folio}`);
    await expect.poll(() => acting.getByText(/Lo atiende usted por su ausencia/).isVisible()).toBe(true);
    await acting.getByRole('textbox', { name: 'Respuesta' }).fill('Se emite la opinión en suplencia.');
    await acting.getByRole('button', { name: 'Enviar respuesta' }).click();
    await expect
      .poll(() => acting.getByText(/Mario Ortiz Vega, por ausencia de Personal de la UTAJ/).isVisible())
      .toBe(true);

    // The audit trail says who acted and for whom.
    await page.goto('/bitacora');
    await expect
      .poll(() =>
        page
          .getByText(/Mario Ortiz Vega <suplente@iecm\.demo>, por ausencia de Personal de la UTAJ/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // Ended early: the folio is no longer the colleague's to see.
    await page.goto('/administracion/suplencias');
    await table.getByRole('button', { name: 'Terminar la suplencia de Personal de la UTAJ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Terminar suplencia' }).click();
    await expect.poll(() => table.innerText()).not.toMatch(/Vacaciones/);
    const after = new HttpClient(app.url);
    await after.signIn('suplente@iecm.demo', DEMO_PASSWORD);
    expect((await after.get(`/api/channel/my-routings/${slip}`)).status).toBe(404);
    expect(actingErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
