import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
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
import { machineTextIn } from '../support/human-messages';
import { startTestApp, type TestApp } from '../support/test-app';

// «Un día en la oficina» (issue 15): the office's core tasks done as a person would, each by the
// role that does it, on the demo. Every step is photographed at 1366 and 390 px into
// test-results/office-day (CI keeps test-results/ as an artifact) and checked: no serious or
// critical axe finding, no raw message on screen (an enum code, a comparison sign, a format mask,
// an English word), no cut badge or button label, and no sideways scrolling on a phone.

const SHOTS = path.resolve('test-results/office-day');
const TODAY = todayInMexicoCity();
const YEAR = TODAY.slice(0, 4);
const typed = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const SUBJECT = 'Solicitud de información sobre la capacitación a funcionarios de casilla';
const INSTRUMENT = 'entre el IECM y la Universidad para la jornada de la oficina';

let app: TestApp;
let browser: Browser;
let step = 0;
/** Each role's uncaught errors and refusals by the page's security policy, read at the end of the day. */
const errors: Record<string, string[]> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function as(email: string): Promise<Page> {
  const page = await (await newContext(browser, app.url)).newPage();
  errors[email] = watchErrors(page);
  await signIn(page, email);
  return page;
}

/** The texts of `selector` whose content overflows their own box (a label shown cut: "EN PROCESO D…"). */
function cutTexts(page: Page): Promise<string[]> {
  return page
    .locator('.mantine-Badge-label, .mantine-Button-label')
    .evaluateAll((labels) =>
      labels
        .filter((l) => (l as HTMLElement).offsetParent !== null && l.scrollWidth > l.clientWidth + 1)
        .map((l) => l.textContent ?? ''),
    );
}

/**
 * Why the page scrolls sideways, if it does: the innermost elements that stick out of the window
 * (none when the document is no wider than the window).
 */
function wider(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const out = [...document.querySelectorAll('body *')].filter(
      (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
    );
    return out
      .filter((e) => !out.some((o) => o !== e && e.contains(o)))
      .slice(0, 6)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')} «${(e.textContent ?? '').slice(0, 40)}» → ${Math.round(e.getBoundingClientRect().right)}`,
      );
  });
}

/** Proper names that look like code to the raw-text check. */
const NAMES = /\biCal\b/g;

/** What a person reads on the page (and on an open dialog), one line at a time. */
async function rawTexts(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text
    .split('\n')
    .map((line) => line.trim().replace(NAMES, ''))
    .filter((line) => line && machineTextIn(line) !== undefined)
    .map((line) => `${machineTextIn(line)} ← «${line.slice(0, 120)}»`);
}

/**
 * One step of the day: the page as it is now, at 1366 px then at 390 px, photographed, scanned by
 * axe (once, at the desktop width; with a dialog open, the dialog), and read for raw text, cut
 * labels and, on the phone, sideways scrolling.
 */
async function look(page: Page, name: string, options: { axe?: boolean; raw?: boolean } = {}): Promise<void> {
  step++;
  const base = path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${base}-1366.png`, fullPage: true });
  if (options.axe !== false) await expectAccessible(page, name);
  // Soft: the day goes on, so that one run reports every page's findings.
  if (options.raw !== false) expect.soft(await rawTexts(page), `texto sin traducir en ${name}`).toEqual([]);
  expect.soft(await cutTexts(page), `etiquetas cortadas en ${name} (1366 px)`).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${base}-390.png`, fullPage: true });
    expect.soft(await wider(page), `desplazamiento lateral en ${name} (390 px)`).toEqual([]);
    expect.soft(await cutTexts(page), `etiquetas cortadas en ${name} (390 px)`).toEqual([]);
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
}

/** Picks the option of a select that contains `text` (long labels, such as an objective's). */
async function pick(scope: Locator, label: string, search: string, text: string | RegExp): Promise<void> {
  const input = scope.locator('input:not([type="hidden"])').and(scope.getByLabel(labelled(label)));
  await input.click({ force: true });
  await input.fill(search);
  await scope.page().getByRole('option').filter({ hasText: text }).first().click();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navegación principal' });

describe('un día en la oficina', () => {
  let ine: Page;
  let liaison: Page;
  let folioUrl = '';
  let folio = '';

  it('the INE sends an oficio with its file to the IECM', async () => {
    ine = await as('enlace@ine.demo');
    await ine.goto('/canal/folios');
    await ine.getByRole('button', { name: 'Nuevo folio' }).click();
    const dialog = ine.getByRole('dialog', { name: 'Enviar comunicación' });
    await choose(dialog, 'Tipo de documento', 'Oficio');
    await pick(dialog, 'Destinatarios', 'IECM', /^IECM · /);
    await dialog.getByRole('textbox', { name: 'Asunto' }).click();
    await dialog.getByRole('textbox', { name: 'Asunto' }).fill(SUBJECT);
    await dialog
      .getByRole('textbox', { name: 'Contenido' })
      .fill('Se solicita informar el avance de la capacitación en un plazo de cinco días hábiles.');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'Oficio INE-DEOE-0412-2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 oficio del INE'),
    });
    await dialog.getByText('Oficio INE-DEOE-0412-2026.pdf').waitFor();
    await look(ine, 'ine-envia-oficio');
    await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect.poll(() => ine.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Folio \d+\/\d{4}$/);
    folio = (await ine.getByRole('heading', { level: 1 }).innerText()).replace('Folio ', '');
    folioUrl = new URL(ine.url()).pathname;
    await ine.getByRole('button', { name: 'Oficio INE-DEOE-0412-2026.pdf' }).waitFor();
    await look(ine, 'ine-folio-enviado');
  }, 180_000);

  it('liaison staff route it to two areas', async () => {
    liaison = await as('enlace@iecm.demo');
    await liaison.goto(folioUrl);
    await liaison.getByRole('button', { name: 'Oficio INE-DEOE-0412-2026.pdf' }).waitFor();
    await liaison.getByRole('button', { name: 'Turnar' }).click();
    const dialog = liaison.getByRole('dialog');
    await choose(dialog, 'Área responsable', 'Unidad Técnica de Asuntos Jurídicos (UTAJ)', 'Jurídicos');
    await pick(dialog, 'Áreas para conocimiento', 'Vinculación', /Vinculación con Organismos Externos/);
    await dialog
      .getByRole('textbox', { name: 'Instrucciones' })
      .fill('Informar el avance de la capacitación y remitir el soporte.');
    await look(liaison, 'enlace-turna-a-dos-areas');
    await dialog.getByRole('button', { name: 'Turnar' }).click();
    await dialog.waitFor({ state: 'detached' });
    const slips = liaison.getByRole('table', { name: /Turnos del folio a las áreas/ });
    await expect.poll(() => slips.locator('tbody tr').count()).toBe(2);
    await look(liaison, 'enlace-folio-turnado');
  }, 180_000);

  it('an area answers with a file', async () => {
    const area = await as('area@iecm.demo');
    await nav(area).getByRole('link', { name: 'Mis turnos', exact: true }).click();
    await area.getByRole('link', { name: folio, exact: true }).waitFor();
    await look(area, 'area-mis-turnos');
    await area.getByRole('link', { name: folio, exact: true }).click();
    await area.getByText('Informar el avance de la capacitación y remitir el soporte.').waitFor();
    await area
      .getByRole('textbox', { name: 'Respuesta' })
      .fill('Se capacitó al 85 % de los funcionarios; se adjunta el informe.');
    await area.locator('input[type="file"]').setInputFiles({
      name: 'Informe de capacitación UTAJ.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 informe'),
    });
    await look(area, 'area-responde-con-archivo');
    await area.getByRole('button', { name: 'Enviar respuesta' }).click();
    await area.getByRole('button', { name: 'Informe de capacitación UTAJ.pdf' }).waitFor();
    await expect.poll(() => area.getByText('Respondido').first().isVisible()).toBe(true);
    await look(area, 'area-turno-respondido', { axe: false });
  }, 180_000);

  it('liaison staff consolidate and send, saying what happens to the slip still open', async () => {
    await liaison.reload();
    const slips = liaison.getByRole('table', { name: /Turnos del folio a las áreas/ });
    await expect
      .poll(() => slips.getByRole('row', { name: /Unidad Técnica de Asuntos Jurídicos/ }).innerText())
      .toMatch(/Respondido/i);
    await liaison.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    const dialog = liaison.getByRole('dialog');
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Respuesta que se envía' }).inputValue())
      .toContain('Se capacitó al 85 %');
    await dialog.getByRole('checkbox', { name: /Informe de capacitación UTAJ\.pdf/ }).waitFor();
    // The area informed still holds its slip: the form asks, and the server refuses until it is answered.
    await dialog.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await dialog
      .getByText(/^Hay un turno abierto/)
      .first()
      .waitFor();
    await dialog.getByRole('radio', { name: /La unidad respondió por el área/ }).check();
    await look(liaison, 'enlace-consolida-respuesta');
    await dialog.getByRole('button', { name: 'Atender y enviar respuesta' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => liaison.getByText('En proceso del INE').first().isVisible()).toBe(true);
    await expect
      .poll(() => slips.getByRole('row', { name: /Vinculación con Organismos Externos/ }).innerText())
      .toMatch(/Retirado/i);
    await liaison.getByText('Turnos retirados: la unidad respondió por el área').waitFor();
    await look(liaison, 'enlace-respuesta-enviada');
  }, 180_000);

  it('the INE concludes the folio', async () => {
    await ine.reload();
    await ine.getByText('Se capacitó al 85 %', { exact: false }).first().waitFor();
    await ine.getByRole('button', { name: 'Concluir' }).click();
    const dialog = ine.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Respuesta u observación' })
      .fill('Se tiene por atendida la solicitud.');
    await look(ine, 'ine-concluye', { axe: false });
    await dialog.getByRole('button', { name: 'Concluir' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => ine.getByText('Concluido').first().isVisible()).toBe(true);
    await look(ine, 'ine-folio-concluido');
  }, 180_000);

  it('liaison staff hold a session: schedule, attendance, an agreement, the previous minutes', async () => {
    await nav(liaison).getByRole('link', { name: 'Órganos colegiados' }).click();
    await liaison
      .getByRole('link', { name: /Comisión Provisional de Vinculación con Organismos Externos/ })
      .click();
    await liaison
      .getByRole('heading', { level: 1, name: 'Comisión Provisional de Vinculación con Organismos Externos' })
      .waitFor();
    await liaison.getByRole('button', { name: 'Registrar sesión' }).click();
    const dialog = liaison.getByRole('dialog', { name: 'Registrar sesión' });
    await choose(dialog, 'Tipo de sesión', 'Extraordinaria');
    await choose(dialog, 'Modalidad', 'Presencial');
    await dialog.getByLabel(labelled('Fecha')).fill(typed(TODAY));
    await dialog.getByLabel(labelled('Hora de inicio')).fill('10:00');
    await dialog.getByLabel(labelled('Hora de término')).fill('11:30');
    await dialog.getByLabel(labelled('Fecha de la convocatoria')).fill(typed(TODAY));
    await dialog.getByLabel(labelled('Lugar o enlace')).fill('Sala de sesiones del IECM');
    await look(liaison, 'enlace-programa-sesion');
    await dialog.getByRole('button', { name: 'Registrar sesión' }).click();
    await dialog.waitFor({ state: 'detached' });
    await liaison
      .getByRole('heading', { level: 1, name: new RegExp(`sesión extraordinaria de ${YEAR}`) })
      .waitFor();

    await liaison
      .getByLabel(labelled('Nuevo punto del orden del día'))
      .fill('Aprobación de la minuta anterior');
    await liaison.getByRole('button', { name: 'Agregar punto' }).click();
    await liaison.getByRole('listitem').filter({ hasText: 'Aprobación de la minuta anterior' }).waitFor();
    const boxes = liaison.getByRole('table', { name: 'Lista de asistencia' }).getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBeGreaterThan(3);
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await liaison.getByText(/^Hay quórum: /).waitFor();
    await liaison.getByRole('button', { name: 'Guardar asistencia' }).click();
    await liaison.getByText('Asistencia guardada').waitFor();

    await liaison.getByRole('button', { name: 'Adoptar acuerdo' }).click();
    const adopt = liaison.getByRole('dialog', { name: 'Adoptar acuerdo' });
    await choose(adopt, 'Punto del orden del día', '1. Aprobación de la minuta anterior');
    await adopt.getByLabel(labelled('Acuerdo')).fill('Se aprueba la minuta de la sesión anterior.');
    await adopt.getByText('Unanimidad', { exact: true }).click();
    await look(liaison, 'enlace-adopta-acuerdo');
    await adopt.getByRole('button', { name: 'Adoptar acuerdo' }).click();
    await adopt.waitFor({ state: 'detached' });
    const adopted = liaison.getByText(new RegExp(`^Se adoptó el Acuerdo CVOE/\\d{3}/${YEAR}`));
    await adopted.waitFor();
    const number = /CVOE\/\d{3}\/\d{4}/.exec(await adopted.innerText())![0];
    await look(liaison, 'enlace-sesion-con-acuerdo');

    // The previous session whose minutes are still to approve.
    await liaison.getByRole('link', { name: 'CVOE' }).click();
    await liaison.getByRole('link', { name: 'Tercera sesión ordinaria de 2024' }).click();
    await liaison.getByRole('heading', { level: 1, name: /^Tercera sesión ordinaria de 2024/ }).waitFor();
    await choose(
      liaison,
      'Acuerdo que aprueba la minuta',
      `${number} — Se aprueba la minuta de la sesión anterior.`,
    );
    await liaison.getByRole('button', { name: 'Aprobar minuta' }).click();
    const approve = liaison.getByRole('dialog', { name: '¿Aprobar la minuta?' });
    await approve.waitFor();
    await look(liaison, 'enlace-aprueba-minuta');
    await approve.getByRole('button', { name: 'Aprobar minuta' }).click();
    await approve.waitFor({ state: 'detached' });
    await liaison.getByText(`Aprobada mediante el Acuerdo ${number}.`).waitFor();
    await look(liaison, 'enlace-minuta-aprobada', { axe: false });
  }, 300_000);

  it('liaison staff register an instrument and issue an opinion on it', async () => {
    await liaison.goto('/convenios/instrumentos');
    await liaison.getByRole('button', { name: 'Registrar instrumento' }).click();
    const dialog = liaison.getByRole('dialog', { name: 'Registrar un instrumento' });
    await choose(dialog, 'Tipo de instrumento', 'Convenio de Colaboración');
    await dialog.getByLabel(labelled('Partes en el título')).fill(INSTRUMENT);
    const leave = () => dialog.getByLabel(labelled('Partes en el título')).click();
    await choose(dialog, 'Partes', 'Instituto Nacional Electoral (INE)', 'Instituto Nacional');
    await leave();
    await choose(
      dialog,
      'Áreas responsables',
      'Dirección de Vinculación con Organismos Externos (DVOE)',
      'Vinculación',
    );
    await leave();
    // «En negociación» is the state a new instrument starts in (choosing it again would clear it).
    await look(liaison, 'enlace-registra-instrumento');
    await dialog.getByRole('button', { name: 'Registrar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const title = `Convenio de Colaboración ${INSTRUMENT}`;
    await liaison.getByRole('heading', { level: 1, name: title }).waitFor();
    await look(liaison, 'enlace-instrumento-registrado');

    await nav(liaison).getByRole('link', { name: 'Opiniones de pertinencia' }).click();
    await liaison.getByRole('heading', { level: 1, name: 'Opiniones de pertinencia' }).waitFor();
    await liaison.getByRole('button', { name: 'Solicitar opinión' }).click();
    const request = liaison.getByRole('dialog', { name: 'Solicitar una opinión de pertinencia' });
    await choose(request, 'Instrumento jurídico opinado', title, 'jornada de la oficina');
    await choose(
      request,
      'Áreas solicitantes',
      'Dirección de Vinculación con Organismos Externos (DVOE)',
      'Vinculación',
    );
    await request.getByLabel(labelled('Solicitada')).fill(typed(TODAY));
    await request.getByRole('button', { name: 'Solicitar opinión' }).click();
    await request.waitFor({ state: 'detached' });
    await liaison.getByRole('button', { name: `Redactar y emitir la opinión sobre ${title}` }).click();
    const issue = liaison.getByRole('dialog', { name: 'Emitir la opinión de pertinencia' });
    await issue
      .getByLabel(labelled('Texto de la opinión'))
      .fill('Se considera pertinente la suscripción del convenio.');
    await issue.getByLabel(labelled('Fecha de emisión')).fill(typed(TODAY));
    await issue.getByLabel(labelled('Texto de la opinión')).click();
    await look(liaison, 'enlace-redacta-opinion');
    await issue.getByRole('button', { name: 'Emitir', exact: true }).click();
    const confirm = liaison.getByRole('dialog', { name: '¿Emitir la opinión?' });
    await confirm.getByRole('button', { name: 'Emitir', exact: true }).click();
    const issued = liaison.getByRole('dialog', { name: 'Opinión emitida' });
    await issued.getByText(/^Se emitió la opinión IECM\/SE\/DVOE\/OP\/\d+\/\d{4} sobre/).waitFor();
    await look(liaison, 'enlace-opinion-emitida', { axe: false });
    await issued.getByRole('button', { name: 'Volver a las opiniones' }).click();
    await issued.waitFor({ state: 'detached' });
    await look(liaison, 'enlace-opiniones');
  }, 300_000);

  it('liaison staff record an activity and see the target move', async () => {
    const target = 'Realizar cuatro actividades de colaboración con universidades';
    await liaison.goto('/programa');
    await liaison.getByRole('progressbar', { name: `Avance de «${target}»: 50 %` }).waitFor();
    await nav(liaison).getByRole('link', { name: 'Actividades' }).click();
    await liaison.getByRole('heading', { level: 1, name: 'Actividades' }).waitFor();
    await liaison.getByRole('button', { name: 'Registrar actividad' }).click();
    const dialog = liaison.getByRole('dialog', { name: 'Registrar actividad' });
    await pick(dialog, 'Objetivo', '2.D', /^2\.D /);
    await choose(dialog, 'Tipo', 'Conferencia');
    await dialog
      .getByLabel(labelled('Actividad'))
      .fill('Conferencia sobre observación electoral en la Universidad Iberoamericana');
    await dialog.getByLabel(labelled('Día')).fill(typed(TODAY));
    await dialog.getByLabel(labelled('Lugar')).fill('Universidad Iberoamericana, Santa Fe');
    await look(liaison, 'enlace-registra-actividad');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await liaison
      .getByRole('cell', { name: /^Conferencia sobre observación electoral/ })
      .first()
      .waitFor();
    await look(liaison, 'enlace-actividades');
    await nav(liaison).getByRole('link', { name: 'Programa de trabajo' }).click();
    await liaison.getByRole('progressbar', { name: `Avance de «${target}»: 75 %` }).waitFor();
    await look(liaison, 'enlace-meta-avanza');
  }, 300_000);

  it('a councillor reads the dashboard', async () => {
    const councillor = await as('consejera@iecm.demo');
    const section = councillor.locator('section[aria-labelledby="dashboard-title"]');
    await section.getByRole('heading', { level: 2, name: /^El periodo de un vistazo/ }).waitFor();
    await expect.poll(() => section.getByRole('progressbar').count()).toBeGreaterThan(0);
    await look(councillor, 'consejera-tablero');
  }, 180_000);

  it('the auditor reads the trail', async () => {
    const auditor = await as('auditoria@iecm.demo');
    await nav(auditor).getByRole('link', { name: 'Bitácora' }).click();
    await auditor.getByRole('heading', { level: 1, name: 'Bitácora' }).waitFor();
    const rows = auditor.getByRole('main').getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    // The day's work is there, by the people who did it.
    await expect
      .poll(() => auditor.getByRole('main').getByRole('table').innerText())
      .toMatch(/enlace@iecm\.demo|Personal de Vinculación/);
    await look(auditor, 'auditoria-bitacora');
    await rows
      .first()
      .getByRole('button', { name: /Ver detalle/ })
      .click();
    await auditor.getByRole('dialog').waitFor();
    // The entry's detail names the action and record type also by their codes, in small monospace
    // beside the label, for the auditor to match against an export or `vincula audit verify`: on
    // purpose, so it is the one view not read for raw codes.
    await look(auditor, 'auditoria-detalle', { axe: false, raw: false });
    expect(Object.values(errors).flat()).toEqual([]);
  }, 180_000);
});
