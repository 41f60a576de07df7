import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo';
import { todayInMexicoCity } from '../../src/shared/dates';
import {
  choose,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

// Routing (turno) as the IECM works it: liaison staff route a folio of the INE to the UTAJ, the
// UTAJ answers from its queue with a file, and liaison staff consolidate the answer, which moves
// the folio's status and sends the area's file to the INE.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('channel routing', () => {
  it('routes a folio to an area, the area answers with a file, liaison staff consolidate', async () => {
    const ine = new HttpClient(app.url);
    await ine.signIn('enlace@ine.demo', DEMO_PASSWORD);
    const counterparts = await ine.get<{ localBodies: { id: string; acronym: string }[] }>(
      '/api/channel/counterparts',
    );
    const iecmId = counterparts.body.localBodies.find((b) => b.acronym === 'IECM')!.id;
    const sent = await ine.post<{ folio: string; folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Solicitud de opinión sobre los lineamientos de voto anticipado',
      sentOn: todayInMexicoCity(),
      recipientOrgIds: [iecmId],
      dueRule: { kind: 'business_days', days: 10 },
    });
    expect(sent.status).toBe(201);
    const folio = sent.body.folio;

    // Liaison staff route it to the UTAJ.
    const liaison = await (await newContext(browser, app.url)).newPage();
    const liaisonErrors = watchErrors(liaison);
    await signIn(liaison, 'enlace@iecm.demo');
    await liaison.goto(`/canal/folios/${sent.body.folioIds[0]}`);
    await expect.poll(() => liaison.getByRole('heading', { level: 1 }).innerText()).toBe(`Folio ${folio}`);
    await liaison.getByRole('button', { name: 'Turnar' }).click();
    const routeDialog = liaison.getByRole('dialog');
    await choose(routeDialog, 'Área responsable', 'Unidad Técnica de Asuntos Jurídicos (UTAJ)', 'Jurídicos');
    await routeDialog
      .getByRole('textbox', { name: 'Instrucciones' })
      .fill('Emitir opinión jurídica sobre los lineamientos.');
    await expectAccessible(liaison, 'turnar folio');
    await routeDialog.getByRole('button', { name: 'Turnar' }).click();
    const slips = liaison.getByRole('table', { name: /Turnos del folio a las áreas/ });
    await expect
      .poll(() => slips.getByRole('row', { name: /Unidad Técnica de Asuntos Jurídicos/ }).innerText())
      .toMatch(/En el área/i);

    // The UTAJ answers from its queue, with a file.
    const area = await (await newContext(browser, app.url)).newPage();
    const areaErrors = watchErrors(area);
    await signIn(area, 'area@iecm.demo');
    await area.getByRole('link', { name: 'Mis turnos', exact: true }).click();
    await area.getByRole('link', { name: folio, exact: true }).click();
    await expect.poll(() => area.getByRole('heading', { level: 1 }).innerText()).toBe(`Folio ${folio}`);
    await expect
      .poll(() => area.getByText('Emitir opinión jurídica sobre los lineamientos.').isVisible())
      .toBe(true);
    await area
      .getByRole('textbox', { name: 'Respuesta' })
      .fill('Se emite la opinión jurídica; los lineamientos se ajustan a la normativa.');
    await area.locator('input[type="file"]').setInputFiles({
      name: 'Opinion UTAJ.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 opinión'),
    });
    await expectAccessible(area, 'turno del área');
    await area.getByRole('button', { name: 'Enviar respuesta' }).click();
    await expect.poll(() => area.getByText('Respondido').first().isVisible()).toBe(true);
    await expect.poll(() => area.getByRole('button', { name: 'Opinion UTAJ.pdf' }).isVisible()).toBe(true);
    await area.goto('/canal/turnos?turnos=closed');
    await expect.poll(() => area.getByRole('link', { name: folio, exact: true }).isVisible()).toBe(true);
    await expectAccessible(area, 'mis turnos');

    // Liaison staff consolidate: the status moves and the area's file goes to the INE.
    await liaison.reload();
    expect(await liaison.getByRole('button', { name: 'Consolidar y responder' }).count()).toBe(0);
    await expect
      .poll(() => slips.getByRole('row', { name: /Unidad Técnica de Asuntos Jurídicos/ }).innerText())
      .toMatch(/Respondido[\s\S]*Opinion UTAJ\.pdf/i);
    // One answer path: the folio's own «Atender y enviar respuesta» opens the form built from the areas.
    await liaison.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    const consolidate = liaison.getByRole('dialog');
    await expect
      .poll(() => consolidate.getByRole('textbox', { name: 'Respuesta que se envía' }).inputValue())
      .toContain('Se emite la opinión jurídica');
    await expect(consolidate.getByRole('checkbox', { name: /Opinion UTAJ\.pdf/ }).isChecked()).resolves.toBe(
      true,
    );
    // No slip is open any more: nothing to ask about them.
    expect(await consolidate.getByRole('radiogroup').count()).toBe(0);
    await expectAccessible(liaison, 'consolidar respuesta');
    await consolidate.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await expect.poll(() => liaison.getByText('En proceso del INE').first().isVisible()).toBe(true);
    await expect.poll(() => slips.getByRole('row').count()).toBe(2);

    const files = await ine.get<{ owner: string; filename: string }[]>(
      `/api/channel/folios/${sent.body.folioIds[0]}/attachments`,
    );
    expect(files.body).toEqual([expect.objectContaining({ owner: 'message', filename: 'Opinion UTAJ.pdf' })]);
    const status = await ine.get<{ status: string }>(`/api/channel/folios/${sent.body.folioIds[0]}`);
    expect(status.body.status).toBe('in_process_national');
    expect(liaisonErrors).toEqual([]);
    expect(areaErrors).toEqual([]);
  });
});
