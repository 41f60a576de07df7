import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/modules/accounts/create-organization';
import { createUser } from '../../src/modules/accounts/create-user';
import { existingAreaIds } from '../../src/modules/directory';
import { todayInMexicoCity } from '../../src/shared/dates';
import { HttpClient } from '../support/http-client';
import { expectAccessible, launchBrowser, newContext, signIn, watchErrors } from '../support/e2e-browser';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

// The administrator of a brand-new office (an organization and its administrator, nothing else, no
// demo) finds the set-up checklist on the home page: every step missing, each one's name a link
// to the page where it is done; a step turns done as soon as its records exist.

const SHOTS = path.resolve('test-results/setup-checklist');
const year = Number(todayInMexicoCity().slice(0, 4));
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const system = { userId: null, label: 'test', organizationId: null };
  const org = await createOrganization(app.ctx.database.db, system, {
    name: 'Instituto Electoral de Prueba',
    acronym: 'IEP',
    kind: 'local_body',
  });
  for (const [email, role] of [
    ['admin@iep.mx', 'administrator'],
    ['enlace@iep.mx', 'liaison_staff'],
  ] as const) {
    await createUser(
      app.ctx.database.db,
      { ...system, organizationId: org.id },
      org.id,
      { name: `Persona ${role}`, email, password: TEST_PASSWORD, roles: [role], areaIds: [] },
      existingAreaIds,
    );
  }
  fs.mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const STEPS: [step: string, heading: string][] = [
  ['Áreas y sus titulares', 'Áreas'],
  ['Usuarios y roles', 'Usuarios'],
  [`Calendario de trabajo ${year}`, 'Calendario laboral'],
  ['Órganos colegiados y su integración', 'Órganos colegiados'],
  [`Programa de trabajo ${year}`, 'Programa de trabajo'],
  ['Membrete y fundamento legal', 'Membrete y fundamento legal'],
  ['Destinatarios del informe quincenal', 'Informes estadísticos quincenales'],
];

const checklistOf = (page: Page) => page.getByRole('region', { name: 'Puesta en marcha de su oficina' });

describe("a new office's set-up checklist", () => {
  it('lists what is missing, links each step to its page and marks a step done from its records', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'admin@iep.mx', TEST_PASSWORD);
    const checklist = checklistOf(page);
    // One user besides the administrator exists already (the liaison): that step alone is done.
    await checklist.getByText('1 de 8 pasos listos').waitFor();
    await expect.poll(() => checklist.getByText('Falta', { exact: true }).count()).toBe(7);
    await checklist.getByText('Los días festivos oficiales ya vienen incluidos', { exact: false }).waitFor();
    // The mail server is the installation's: no link, and it says who sets it.
    await checklist.getByText('lo configura la operación de la instalación', { exact: false }).waitFor();
    expect(await checklist.getByRole('link', { name: 'Remitente del correo' }).count()).toBe(0);

    for (const [step, heading] of STEPS) {
      await checklist.getByRole('link', { name: step }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await page.goBack();
      await checklist.getByRole('link', { name: step }).waitFor();
    }

    await page.screenshot({ path: path.join(SHOTS, 'inicio-administracion-1366.png'), fullPage: true });
    await expectAccessible(page, 'puesta en marcha de la oficina');
    await page.setViewportSize({ width: 390, height: 844 });
    await checklist.getByRole('heading', { level: 2 }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'inicio-administracion-390.png'), fullPage: true });
    await checklist.screenshot({ path: path.join(SHOTS, 'puesta-en-marcha-390.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // No step's text runs out of the card.
    const outside = await checklist.locator('li').evaluateAll((items) =>
      items
        .filter((li) => {
          const card = li.closest('.mantine-Card-root')!;
          return li.getBoundingClientRect().right > card.getBoundingClientRect().right + 1;
        })
        .map((li) => li.textContent),
    );
    expect(outside).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

    // An area with its head, registered elsewhere: the step is done on the next visit.
    const admin = new HttpClient(app.url);
    await admin.signIn('admin@iep.mx', TEST_PASSWORD);
    const area = await admin.post<{ id: string }>('/api/areas', {
      name: 'Secretaría Ejecutiva',
      kind: 'other',
    });
    const person = await admin.post<{ id: string }>('/api/people', { fullName: 'Rosa Titular' });
    const head = await admin.post(`/api/people/${person.body.id}/positions`, {
      title: 'Secretaria Ejecutiva',
      areaId: area.body.id,
      headKind: 'titular',
      startsOn: `${year}-01-01`,
    });
    expect(head.status).toBe(201);
    // Back on the home page from the areas' page, without reloading.
    await checklist.getByRole('link', { name: 'Áreas y sus titulares' }).click();
    await page.getByRole('heading', { level: 1, name: 'Áreas', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Inicio', exact: true }).first().click();
    await checklist.getByText('2 de 8 pasos listos').waitFor();
    await checklist.getByText('Áreas registradas: 1; sin titular vigente: 0.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('shrinks to one line once every step is done', async () => {
    const admin = new HttpClient(app.url);
    await admin.signIn('admin@iep.mx', TEST_PASSWORD);
    const person = (await admin.get<{ items: { id: string }[] }>('/api/people')).body.items[0]!.id;
    const created = async (path: string, body: unknown) => {
      const res = await admin.post<{ id: string; lines?: { id: string; objectives: { id: string }[] }[] }>(
        path,
        body,
      );
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
      return res.body;
    };
    await created('/api/channel/calendar/non-working-days', { day: `${year}-12-31`, reason: 'Fin de año' });
    const body = await created('/api/governance/bodies', {
      name: 'Consejo General',
      acronym: 'CG',
      kind: 'consejo_general',
      createdOn: `${year}-01-01`,
    });
    await created(`/api/governance/bodies/${body.id}/memberships`, {
      role: 'president',
      personId: person,
      startsOn: `${year}-01-01`,
    });
    const program = await created('/api/program/programs', {
      year,
      name: `Programa ${year}`,
      approvedByText: 'ACU',
    });
    const line = (
      await created(`/api/program/programs/${program.id}/lines`, { number: 1, title: 'Vinculación' })
    ).lines![0]!;
    const objective = (
      await created(`/api/program/lines/${line.id}/objectives`, { key: 'A', title: 'Convenios' })
    ).lines![0]!.objectives[0]!;
    await created('/api/program/targets', {
      objectiveId: objective.id,
      description: 'Dos reuniones',
      minimumCount: 2,
      unit: 'reuniones',
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      source: 'activities',
    });
    await created('/api/channel/report-recipients', { email: 'estadistica@ine.mx', name: 'INE' });
    const letterhead = await admin.put('/api/letterhead', {
      headerLines: ['Instituto Electoral de Prueba'],
      footerLines: [],
      legalBasis: 'Artículo 72 del código electoral local.',
    });
    expect(letterhead.status).toBe(200);

    // The same office on an installation with a mail server: nothing is left.
    const withMail = await startTestApp({ SMTP_HOST: '127.0.0.1' }, { sameDatabaseAs: app });
    const context = await newContext(browser, withMail.url);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signIn(page, 'admin@iep.mx', TEST_PASSWORD);
      await page.getByText('Su oficina está lista').waitFor();
      expect(await checklistOf(page).count()).toBe(0);
      await page.getByRole('heading', { name: 'Secciones disponibles' }).waitFor();
      await expectAccessible(page, 'oficina lista');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await withMail.close();
    }
  }, 120_000);

  it("brings the office's received folios in from a spreadsheet: the dry run, the import, the same file again", async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iep.mx', TEST_PASSWORD);
    const header =
      'modulo,folio,tipo,naturaleza,asunto,fecha_envio,fecha_recepcion,plazo,estatus,fecha_estatus';
    const good = `${header}\nSeguimiento,24/${year - 1},Oficio,Para su atención,Estado procesal de las denuncias,12/01/${year - 1},12/01/${year - 1},5 días hábiles,Concluido,19/01/${year - 1}\n`;
    const bad = `${good}Seguimiento,25/${year - 1},Telegrama,Para su atención,Otro,12/01/${year - 1},31/02/${year - 1},,,\n`;
    const upload = async (text: string) => {
      const dialog = page.getByRole('dialog', { name: 'Importar folios recibidos' });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'folios.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await dialog.getByRole('button', { name: 'Revisar el archivo' }).click();
      return dialog;
    };
    await page.goto('/canal/folios');
    await page.getByRole('button', { name: 'Importar folios' }).click();
    let dialog = await upload(bad);
    const rows = dialog.getByRole('table', { name: 'Resultado de cada fila del archivo' });
    await rows.getByText(`El 31 de febrero de ${year - 1} no existe`).waitFor();
    await expect(rows.locator('tbody tr').nth(0).innerText()).resolves.toMatch(
      /2\s+24\/\d{4} · Estado procesal.*Se creará/is,
    );
    await expect(rows.locator('tbody tr').nth(1).innerText()).resolves.toMatch(
      /3\s+25\/\d{4} · Otro\s+Rechazada.*tipo:/is,
    );
    await expect(dialog.getByRole('button', { name: 'Importar 1 fila' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'revisión de la importación de folios');
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.screenshot({ path: path.join(SHOTS, 'importar-folios-390.png') });
    expect(await rows.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });

    await dialog.getByRole('button', { name: 'Elegir otro archivo' }).click();
    dialog = await upload(good);
    await dialog.getByRole('button', { name: 'Importar 1 fila' }).click();
    await dialog.getByText('Importación terminada').waitFor();
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).filter({ hasText: 'Cerrar' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Importar folios' }).click();
    dialog = await upload(good);
    await dialog.getByText('El archivo coincide con lo registrado: no hay nada que importar.').waitFor();
    await dialog.getByText('1 sin cambios').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The folio keeps the day it was concluded in the old system.
    const client = new HttpClient(app.url);
    await client.signIn('enlace@iep.mx', TEST_PASSWORD);
    const list = await client.get<{ items: { id: string; status: string }[]; total: number }>(
      `/api/channel/folios?q=${encodeURIComponent(`24/${year - 1}`)}`,
    );
    expect(list.body.items.map((f) => f.status)).toEqual(['concluded']);
    const detail = await client.get<{ closedOn: string }>(`/api/channel/folios/${list.body.items[0]!.id}`);
    expect(detail.body.closedOn).toBe(`${year - 1}-01-19`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("brings the year's work program in from a spreadsheet, from the program's page", async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'admin@iep.mx', TEST_PASSWORD);
    const file = [
      'Línea,Título de la línea,Objetivo,Título del objetivo,Meta,Cantidad mínima,Unidad,Desde,Hasta,Se cuenta con,Tipo o serie',
      `1,Vinculación,A,Convenios,Dos reuniones,2,reuniones,01/01/${year},31/12/${year},Actividades,`,
      `2,Difusión en el extranjero,A,Giras,Giras informativas,4,giras,,,Actividades,Gira en el extranjero`,
    ].join('\n');
    await page.goto('/programa');
    await page.getByRole('heading', { level: 1, name: 'Programa de trabajo' }).waitFor();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Importar líneas, objetivos y metas' });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'programa.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    await dialog.getByRole('button', { name: 'Revisar el archivo' }).click();
    const rows = dialog.getByRole('table', { name: 'Resultado de cada fila del archivo' });
    // Line 1 and its target exist already (the previous test): unchanged; line 2 is new.
    await expect(rows.locator('tbody tr').nth(0).innerText()).resolves.toMatch(
      /2\s+1 · A · Dos reuniones\s+Sin cambios/i,
    );
    await expect(rows.locator('tbody tr').nth(1).innerText()).resolves.toMatch(
      /3\s+2 · A · Giras informativas\s+Se creará/i,
    );
    await expectAccessible(page, 'importación del programa');
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.screenshot({ path: path.join(SHOTS, 'importar-programa-390.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await dialog.getByRole('button', { name: 'Importar 1 fila' }).click();
    await dialog.getByText('Importación terminada').waitFor();
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).filter({ hasText: 'Cerrar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Difusión en el extranjero').first().waitFor();
    await page.getByText('Giras informativas').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('is not shown to the rest of the office', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iep.mx', TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Secciones disponibles' }).waitFor();
    expect(await checklistOf(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
