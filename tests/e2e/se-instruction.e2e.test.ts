import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo';
import { todayInMexicoCity } from '../../src/shared/dates';
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

// Routings instructed by the Secretaría Ejecutiva (ADR 0038), as the IECM would use it: the
// administrator names the SE on the channel's calendar page; liaison staff route a folio of the INE
// and the folio page says it waits for the SE; the SE's staff find it in «Mis turnos» under
// «Turnos por instruir» and instruct it; only then does the area see it, and the folio shows who
// instructed it.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the Secretaría Ejecutiva instructs routings', () => {
  it('administrator sets it, liaison proposes, the SE instructs, the area receives', async () => {
    const ine = new HttpClient(app.url);
    await ine.signIn('enlace@ine.demo', DEMO_PASSWORD);
    const counterparts = await ine.get<{ localBodies: { id: string; acronym: string }[] }>(
      '/api/channel/counterparts',
    );
    const sent = await ine.post<{ folio: string; folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Solicitud de información sobre el voto de la ciudadanía residente en el extranjero',
      sentOn: todayInMexicoCity(),
      recipientOrgIds: [counterparts.body.localBodies.find((b) => b.acronym === 'IECM')!.id],
    });
    expect(sent.status).toBe(201);
    const folio = sent.body.folio;
    const admin = new HttpClient(app.url);
    await admin.signIn('admin@iecm.demo', DEMO_PASSWORD);
    const areas = await admin.get<{ items: { id: string; name: string }[] }>('/api/areas?pageSize=200');
    const seArea = areas.body.items.find((a) => a.name === 'Secretaría Ejecutiva')!.id;
    expect(
      (
        await admin.post('/api/users', {
          name: 'Bernardo Núñez Yedra',
          email: 'se@iecm.demo',
          password: DEMO_PASSWORD,
          roles: ['area_staff'],
          areaIds: [seArea],
        })
      ).status,
    ).toBe(201);

    // The administrator requires the SE's instruction, on the channel's calendar page.
    const adminPage = await (await newContext(browser, app.url)).newPage();
    const errors = watchErrors(adminPage);
    await signIn(adminPage, 'admin@iecm.demo');
    await adminPage.goto('/canal/calendario');
    const card = adminPage.locator('form', {
      has: adminPage.getByLabel(labelled('Área que instruye los turnos')),
    });
    await choose(card, 'Área que instruye los turnos', 'Secretaría Ejecutiva (SE)', 'Secretaría Ejec');
    await card.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() =>
        adminPage.getByText('Los turnos requieren la instrucción de Secretaría Ejecutiva.').isVisible(),
      )
      .toBe(true);
    await expectAccessible(adminPage, 'calendario con la instrucción de la SE');

    // Liaison staff route the folio: the dialog and the table say it waits for the SE.
    const liaison = await (await newContext(browser, app.url)).newPage();
    errors.push(...watchErrors(liaison));
    await signIn(liaison, 'enlace@iecm.demo');
    await liaison.goto(`/canal/folios/${sent.body.folioIds[0]}`);
    await liaison.getByRole('button', { name: 'Turnar', exact: true }).click();
    const dialog = liaison.getByRole('dialog');
    await expect
      .poll(() =>
        dialog.getByText('El turno llegará a las áreas cuando Secretaría Ejecutiva lo instruya.').isVisible(),
      )
      .toBe(true);
    await choose(dialog, 'Área responsable', 'Unidad Técnica de Asuntos Jurídicos (UTAJ)', 'Jurídicos');
    await dialog.getByLabel(labelled('Instrucciones')).fill('Revisar el marco normativo aplicable.');
    await dialog.getByRole('button', { name: 'Turnar' }).click();
    const routings = liaison.getByRole('table', { name: /Turnos del folio/ });
    await expect
      .poll(() => routings.innerText())
      .toMatch(/Unidad Técnica de Asuntos Jurídicos[\s\S]*Por instruir/i);

    // The UTAJ does not see it yet.
    const utaj = new HttpClient(app.url);
    await utaj.signIn('area@iecm.demo', DEMO_PASSWORD);
    const queue = async () =>
      (
        await utaj.get<{ items: { folioSummary: { folio: string } }[] }>('/api/channel/my-routings?state=all')
      ).body.items.map((i) => i.folioSummary.folio);
    expect(await queue()).not.toContain(folio);

    // The SE's staff instruct it from «Mis turnos»; sending back would need a reason.
    const se = await (await newContext(browser, app.url)).newPage();
    errors.push(...watchErrors(se));
    await signIn(se, 'se@iecm.demo');
    await se.goto('/canal/turnos');
    const panel = se.locator('article', { hasText: `Folio ${folio}` });
    await expect
      .poll(() => panel.innerText())
      .toMatch(/Unidad Técnica de Asuntos Jurídicos[\s\S]*Revisar el marco normativo/);
    await expectAccessible(se, 'turnos por instruir');
    await panel.getByRole('button', { name: 'Devolver a Vinculación' }).click();
    const back = se.getByRole('dialog');
    await back.getByRole('button', { name: 'Devolver a Vinculación' }).click();
    await expect
      .poll(() => fieldError(back.getByLabel(labelled('Motivo de la devolución'))))
      .toBe('Indique por qué se devuelve la propuesta de turno');
    await back.getByRole('button', { name: 'Cancelar' }).click();
    await panel.getByRole('button', { name: 'Instruir turno' }).click();
    const instruct = se.getByRole('dialog');
    await instruct
      .getByLabel(labelled('Instrucción de la Secretaría Ejecutiva (opcional)'))
      .fill('Atender con prioridad.');
    await instruct.getByRole('button', { name: 'Instruir turno' }).click();
    await expect.poll(() => se.getByText('No hay turnos por instruir.').isVisible()).toBe(true);

    // Now the UTAJ has it, and the folio page says who instructed it.
    expect(await queue()).toContain(folio);
    await liaison.reload();
    await expect
      .poll(() => routings.innerText())
      .toMatch(
        /Instrucción de la Secretaría Ejecutiva: Atender con prioridad\.[\s\S]*Instruido por Bernardo Núñez Yedra/,
      );
    expect(errors).toEqual([]);
  });
});
