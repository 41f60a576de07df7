import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  expectAccessible,
  labelled,
  launchBrowser,
  newContext,
  passwordInput,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { todayInMexicoCity } from '../../src/shared/dates';
import { HttpClient } from '../support/http-client';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

// A real installation from an empty database, without any demo code: the setup link the server
// logs → the first operator → the INE and two local bodies → each administrator sets a password from
// the invitation e-mail (caught by the SMTP sink) and signs in → one local body sets its office up
// and brings its register of instruments and its sessions in; the INE brings in the folios it sent
// (in an installation with the INE, the channel's history comes from its side: ADR 0032) and sends
// a communication that reaches both local bodies. Each import: the dry run, the import, the same
// file again with nothing to import.

const SHOTS = path.resolve('test-results/installation');
const year = Number(todayInMexicoCity().slice(0, 4));
const passwordOf = (acronym: string) => `contraseña de ${acronym.toLowerCase()} 2026`;

let app: TestApp;
let browser: Browser;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let log = '';

const OPERATOR = { name: 'Mesa de ayuda', email: 'ti@instalacion.mx', password: 'frase larga del operador' };
const BODIES = [
  {
    name: 'Instituto Nacional Electoral',
    acronym: 'INE',
    kind: 'Autoridad nacional',
    admin: 'admin@ine.mx',
  },
  {
    name: 'Instituto Electoral de la Ciudad de México',
    acronym: 'IECM',
    kind: 'Organismo local',
    state: 'Ciudad de México',
    admin: 'admin@iecm.mx',
  },
  {
    name: 'Instituto Electoral de Quintana Roo',
    acronym: 'IEQROO',
    kind: 'Organismo local',
    state: 'Quintana Roo',
    timeZone: 'America/Cancun',
    admin: 'admin@ieqroo.mx',
  },
];

beforeAll(async () => {
  sink = await startSmtpSink();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  [app, browser] = await Promise.all([
    startTestApp(
      { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_FROM: 'Vincula <vincula@instalacion.mx>' },
      { firstRun: true, logStream },
    ),
    launchBrowser(),
  ]);
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sink?.close();
});

/** The path of the invitation link in the last e-mail to `to` (quoted-printable breaks undone). */
async function invitationPathFor(to: string): Promise<string> {
  let path: string | undefined;
  await expect
    .poll(() => {
      const mail = [...sink.received].reverse().find((m) => m.to.includes(to));
      path = mail && /\/invitacion\/[A-Za-z0-9_-]+/.exec(mail.raw.replace(/=\r?\n/g, ''))?.[0];
      return path;
    })
    .toBeTruthy();
  return path!;
}

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(labelled(label)).fill(value);
}

describe('a new installation', () => {
  it('goes from an empty database to three organizations whose administrators sign in', async () => {
    await expect.poll(() => /"setupLink":"([^"]+)"/.exec(log)?.[1]).toBeTruthy();
    const link = new URL(/"setupLink":"([^"]+)"/.exec(log)![1]!);

    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);

    // The setup link: the first operator's account.
    await page.goto(link.pathname);
    await page.getByRole('heading', { name: 'Crear la cuenta de operación' }).waitFor();
    await expectAccessible(page, 'enlace de instalación');
    await fill(page, 'Nombre', OPERATOR.name);
    await fill(page, 'Correo electrónico', OPERATOR.email);
    await passwordInput(page, 'Contraseña').fill(OPERATOR.password);
    await passwordInput(page, 'Confirme la contraseña').fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    await page.getByText('La cuenta de operación quedó creada').waitFor();

    // Opened again, the link says it was used.
    await page.goto(link.pathname);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Este enlace de instalación ya se usó');

    // The operator creates the organizations.
    await signIn(page, OPERATOR.email, OPERATOR.password);
    await page.getByRole('link', { name: 'Organizaciones' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Organizaciones' }).waitFor();
    for (const body of BODIES) {
      await page.getByRole('button', { name: 'Nueva organización' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva organización' });
      await fill(page, 'Nombre', body.name);
      await fill(page, 'Siglas', body.acronym);
      await choose(dialog, 'Tipo', body.kind);
      if (body.state) await choose(dialog, 'Entidad federativa', body.state, body.state.slice(0, 6));
      if (body.timeZone) await choose(dialog, 'Zona horaria', body.timeZone);
      if (body.acronym === 'IEQROO') await expectAccessible(page, 'nueva organización');
      await dialog.getByRole('button', { name: 'Nueva organización' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: new RegExp(`^${body.acronym}`) }).waitFor();
    }
    await expect.poll(() => page.getByRole('row').count()).toBe(BODIES.length + 1);
    await expect(page.getByRole('row', { name: /IEQROO/ }).textContent()).resolves.toContain(
      'America/Cancun',
    );

    // Each one's administrator, invited by e-mail.
    for (const body of BODIES) {
      await page.getByRole('button', { name: `Acciones de ${body.acronym}` }).click();
      await page.getByRole('menuitem', { name: 'Invitar a quien administra' }).click();
      const dialog = page.getByRole('dialog', { name: `Invitar a quien administrará ${body.acronym}` });
      await fill(page, 'Nombre de la persona', `Administración ${body.acronym}`);
      await fill(page, 'Correo electrónico', body.admin);
      if (body.acronym === 'INE') await expectAccessible(page, 'invitación');
      await dialog.getByRole('button', { name: 'Enviar la invitación' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`Se envió la invitación a ${body.admin}.`).waitFor();
    }
    await expectAccessible(page, 'organizaciones');
    expect(errors).toEqual([]);
    await context.close();

    // Each administrator sets a password from the e-mail and signs in to their own organization.
    for (const body of BODIES) {
      const own = await newContext(browser, app.url);
      const adminPage = await own.newPage();
      const adminErrors = watchErrors(adminPage);
      const path = await invitationPathFor(body.admin);
      await adminPage.goto(path);
      await adminPage.getByText(`Hola, Administración ${body.acronym}`).waitFor();
      if (body.acronym === 'INE') await expectAccessible(adminPage, 'invitación recibida');
      const password = passwordOf(body.acronym);
      await passwordInput(adminPage, 'Contraseña').fill(password);
      await passwordInput(adminPage, 'Confirme la contraseña').fill(password);
      await adminPage.getByRole('button', { name: 'Guardar la contraseña' }).click();
      await adminPage.getByText('Su contraseña quedó guardada').waitFor();
      await adminPage.getByRole('link', { name: 'Ir a iniciar sesión' }).click();
      await signIn(adminPage, body.admin, password);
      await adminPage.getByRole('banner').getByText(body.name).waitFor();
      await adminPage.getByRole('link', { name: 'Usuarios' }).first().waitFor();
      // The invitation was spent.
      await adminPage.goto(path);
      await expect
        .poll(() => adminPage.getByRole('alert').textContent())
        .toContain('Esta invitación ya se usó');
      expect(adminErrors).toEqual([]);
      await own.close();
    }
  }, 300_000);

  it("sets an office up, brings its records in, and the INE's folios reach both local bodies", async () => {
    // The IECM's administrator registers what its checklist asks for, each on its page: an area, a
    // committee with its president, a day off and the year's program with a line. The people, the
    // head's position and a user come through the API (their forms have browser tests of their own).
    const admin = new HttpClient(app.url);
    await admin.signIn('admin@iecm.mx', passwordOf('IECM'));
    const created = async (url: string, body: unknown) => {
      const res = await admin.post<{ id: string; lines?: { id: string }[] }>(url, body);
      expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(201);
      return res.body;
    };

    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'admin@iecm.mx', passwordOf('IECM'));
    await page.goto('/directorio/areas');
    await page.getByRole('button', { name: 'Registrar área' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(labelled('Nombre')).fill('Dirección de Vinculación');
    await dialog.getByLabel(labelled('Siglas')).fill('DVOE');
    await choose(dialog, 'Tipo de área', 'Dirección');
    await dialog.getByRole('button', { name: 'Registrar área' }).click();
    await dialog.waitFor({ state: 'detached' });
    const areas = await admin.get<{ items: { id: string; acronym: string }[] }>('/api/areas');
    const area = areas.body.items.find((a) => a.acronym === 'DVOE')!;
    const head = await created('/api/people', { fullName: 'Rosa Díaz Luna' });
    await created(`/api/people/${head.id}/positions`, {
      title: 'Directora de Vinculación',
      areaId: area.id,
      headKind: 'titular',
      startsOn: `${year - 1}-01-01`,
    });
    await created('/api/users', {
      name: 'Enlace IECM',
      email: 'enlace@iecm.mx',
      password: passwordOf('enlace iecm'),
      roles: ['liaison_staff'],
    });
    const people: Record<string, string> = {};
    for (const fullName of ['María López Ramírez', 'Juan Pérez Soto', 'Laura Méndez Cruz'])
      people[fullName] = (await created('/api/people', { fullName })).id;

    await page.goto('/gobierno');
    await page.getByRole('button', { name: 'Registrar órgano colegiado' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(labelled('Nombre')).fill('Comisión de Vinculación con Organismos Externos');
    await dialog.getByLabel(labelled('Siglas')).fill('CVOE');
    await choose(dialog, 'Tipo de órgano', 'Comisión permanente');
    await dialog.getByLabel(labelled('Fecha de creación')).fill(`01/01/${year - 1}`);
    await dialog.getByLabel(labelled('Fecha de creación')).press('Escape');
    await dialog.getByRole('button', { name: 'Registrar órgano' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Comisión de Vinculación con Organismos Externos' })
      .waitFor();
    const committeeId = page.url().split('/').pop()!;
    await page.getByRole('tab', { name: 'Integración' }).click();
    await page.getByRole('button', { name: 'Agregar integrante o invitación' }).click();
    dialog = page.getByRole('dialog');
    await choose(dialog, 'Cargo', 'Presidencia');
    await choose(dialog, 'Persona', 'María López Ramírez', 'María López');
    await dialog.getByLabel(labelled('Desde')).fill(`01/01/${year - 1}`);
    await dialog.getByLabel(labelled('Desde')).press('Escape');
    await dialog.getByRole('button', { name: 'Agregar' }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const [personId, role] of [
      [people['Juan Pérez Soto']!, 'member'],
      [people['Laura Méndez Cruz']!, 'member'],
      [head.id, 'technical_secretary'],
    ] as const) {
      await created(`/api/governance/bodies/${committeeId}/memberships`, {
        role,
        personId,
        startsOn: `${year - 1}-01-01`,
      });
    }
    await created('/api/institutions', {
      name: 'Universidad Autónoma Metropolitana',
      acronym: 'UAM',
      kind: 'university',
      level: 'national',
    });

    // A day off and the year's program with a line.
    await page.goto('/canal/calendario');
    await page.getByRole('heading', { level: 1, name: 'Calendario laboral' }).waitFor();
    const form = page.getByRole('form', { name: 'Agregar días inhábiles del organismo' });
    await form.getByLabel(labelled('Desde')).fill(`24/12/${year}`);
    await form.getByLabel(labelled('Desde')).press('Escape');
    await form.getByLabel(labelled('Motivo')).fill('Receso de fin de año');
    await form.getByRole('button', { name: 'Agregar días' }).click();
    const own = page.getByRole('table', { name: 'Días inhábiles propios del año' });
    await expect.poll(() => own.innerText()).toMatch(new RegExp(`24 dic ${year}\\s+Receso de fin de año`));
    await page.goto('/programa');
    await page.getByRole('heading', { level: 1, name: 'Programa de trabajo' }).waitFor();
    await page.getByRole('button', { name: 'Registrar programa' }).click();
    dialog = page.getByRole('dialog', { name: 'Registrar programa' });
    await dialog.getByLabel(labelled('Año')).fill(String(year));
    await dialog.getByLabel(labelled('Nombre del programa')).fill(`Programa de Vinculación ${year}`);
    await dialog
      .getByLabel(labelled('Número del acuerdo, si no está registrado'))
      .fill(`IECM/ACU-CG-001/${year}`);
    await dialog.getByLabel(labelled('Fecha de aprobación')).fill(`15/01/${year}`);
    await dialog.getByLabel(labelled('Nombre del programa')).click();
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Agregar línea' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar línea' });
    await dialog.getByLabel(labelled('Nombre de la línea')).fill('Vinculación con instituciones académicas');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Inicio', exact: true }).first().click();
    const checklist = page.getByRole('region', { name: 'Puesta en marcha de su oficina' });
    for (const status of [
      'Áreas registradas: 1; sin titular vigente: 0.',
      'Usuarios con un rol distinto al de administración: 1.',
      `Días inhábiles propios registrados en ${year}: 1.`,
      'Órganos registrados: 1; sin integrantes: 0.',
      'Líneas: 1; objetivos: 0; metas: 0.',
    ])
      await checklist.getByText(status, { exact: false }).waitFor();

    // The register of instruments, then the committee's sessions of the year.
    await page.goto('/convenios/instrumentos');
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await importThrice(
      page,
      'Importar el registro de instrumentos',
      'registro.csv',
      [
        'Instrumento,Tipo,Partes,Áreas responsables,Objeto,Fecha de firma,Inicio de vigencia,Término de vigencia,Estado,Opinión de pertinencia,Fecha de la opinión',
        `Convenio de Colaboración entre el IECM y la UAM,Convenio de Colaboración,IECM | UAM,DVOE,Cultura cívica,15/01/${year},15/01/${year},Indefinida,Vigente,,`,
      ],
      1,
      () => page.getByRole('button', { name: 'Importar', exact: true }).click(),
    );

    await page.goto('/gobierno');
    await page.getByRole('heading', { level: 1, name: 'Órganos colegiados' }).waitFor();
    const sessions = [
      'Órgano,Tipo de sesión,Fecha,Hora de inicio,Hora de término,Modalidad,Lugar,Asistieron,No asistieron,Acuerdo,Título del acuerdo',
      `CVOE,Ordinaria,26/01/${year},11:00,12:30,Híbrida,Sala de juntas,María López Ramírez | Juan Pérez Soto | Rosa Díaz Luna,Laura Méndez Cruz,CVOE/001/${year},Programa anual de trabajo de la Comisión`,
      `CVOE,Ordinaria,26/01/${year},11:00,12:30,Híbrida,Sala de juntas,,,CVOE/002/${year},Calendario de sesiones ordinarias`,
      `CVOE,Extraordinaria,15/02/${year},,,A distancia,,María López Ramírez | Juan Pérez Soto | Laura Méndez Cruz,,,`,
    ];
    const openSessions = () => page.getByRole('button', { name: 'Importar sesiones' }).click();
    await openSessions();
    // A name the committee's roster does not have is refused with its row and column.
    dialog = await upload(page, 'Importar sesiones, asistencia y acuerdos', 'sesiones.csv', [
      ...sessions,
      `CVOE,Ordinaria,26/03/${year},,,,,Pedro Nadie,,,`,
    ]);
    const rows = dialog.getByRole('table', { name: 'Resultado de cada fila del archivo' });
    await expect(rows.locator('tbody tr').nth(3).innerText()).resolves.toMatch(
      /5\s+CVOE · 26\/03\/\d{4} · ordinaria\s+Rechazada\s+Asistieron: «Pedro Nadie» no tenía cargo ni invitación en la CVOE/i,
    );
    await expectAccessible(page, 'importación de sesiones');
    await dialog.screenshot({ path: path.join(SHOTS, 'importar-sesiones-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.screenshot({ path: path.join(SHOTS, 'importar-sesiones-390.png') });
    expect(await rows.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });
    await dialog.getByRole('button', { name: 'Elegir otro archivo' }).click();
    await importThrice(
      page,
      'Importar sesiones, asistencia y acuerdos',
      'sesiones.csv',
      sessions,
      3,
      openSessions,
      true,
    );
    await page.getByRole('link', { name: /^Comisión de Vinculación/ }).click();
    await page.getByText('primera sesión extraordinaria', { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();

    // The INE: its administrator gives its liaison an account; the liaison brings in the folios
    // the INE sent to both local bodies, then sends a new one to both.
    const ineAdmin = new HttpClient(app.url);
    await ineAdmin.signIn('admin@ine.mx', passwordOf('INE'));
    const staff = await ineAdmin.post('/api/users', {
      name: 'Enlace INE',
      email: 'enlace@ine.mx',
      password: passwordOf('enlace ine'),
      roles: ['national_authority_staff'],
    });
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    const ineContext = await newContext(browser, app.url);
    const ine = await ineContext.newPage();
    const ineErrors = watchErrors(ine);
    await signIn(ine, 'enlace@ine.mx', passwordOf('enlace ine'));
    await ine.goto('/canal/folios');
    const openSent = () => ine.getByRole('button', { name: 'Importar folios enviados' }).click();
    await openSent();
    const sentDialog = await importThrice(
      ine,
      'Importar folios enviados',
      'enviados.csv',
      [
        'folio,destinatario,tipo,naturaleza,asunto,cuerpo,fecha_envio,plazo,estatus,fecha_estatus',
        `24/${year},IECM,Circular,Para su atención,Estado procesal de las denuncias,,12/01/${year},5 días hábiles,Concluido,19/01/${year}`,
        `24/${year},IEQROO,Circular,Para su atención,Estado procesal de las denuncias,,12/01/${year},5 días hábiles,,`,
        `30/${year},IECM,Oficio,De conocimiento,Calendario de capacitación,,20/01/${year},,,`,
      ],
      3,
      openSent,
      true,
    );
    await sentDialog.waitFor({ state: 'detached' });

    await ine.getByRole('button', { name: 'Nuevo folio' }).click();
    const send = ine.getByRole('dialog', { name: 'Enviar comunicación' });
    await choose(send, 'Tipo de documento', 'Oficio');
    await pick(send, 'Destinatarios', 'IECM', /^IECM · /);
    await pick(send, 'Destinatarios', 'IEQROO', /^IEQROO · /);
    await send.getByRole('textbox', { name: 'Asunto' }).fill('Primer oficio enviado por Vincula');
    await send
      .getByRole('textbox', { name: 'Contenido' })
      .fill('Se informa la puesta en marcha del sistema.');
    await send.getByRole('button', { name: 'Enviar', exact: true }).click();
    // The national series continues after the highest imported number.
    await expect.poll(() => ine.getByRole('heading', { level: 1 }).innerText()).toBe(`Folio 31/${year}`);
    expect(ineErrors).toEqual([]);
    await ineContext.close();

    // Each local body receives it, next to the folios the INE brought in.
    for (const [acronym, folios] of [
      ['IECM', [`31/${year}`, `30/${year}`, `24/${year}`]],
      ['IEQROO', [`31/${year}`, `24/${year}`]],
    ] as const) {
      const own = await newContext(browser, app.url);
      const local = await own.newPage();
      await signIn(local, `admin@${acronym.toLowerCase()}.mx`, passwordOf(acronym));
      await local.goto('/canal/folios');
      await local.getByText('Primer oficio enviado por Vincula').first().waitFor();
      for (const folio of folios) await local.getByRole('link', { name: folio }).first().waitFor();
      await local.screenshot({
        path: path.join(SHOTS, `folios-${acronym.toLowerCase()}-1366.png`),
        fullPage: true,
      });
      await own.close();
    }
  }, 400_000);
});

async function upload(page: Page, title: string, name: string, lines: readonly string[]): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await dialog.getByRole('button', { name: 'Revisar el archivo' }).click();
  return dialog;
}

/**
 * With the import dialog open: the dry run of `lines` (every row to create), the import, then the
 * same file again, which has nothing to import. `reopen` opens the dialog again; `shoot` photographs it.
 */
async function importThrice(
  page: Page,
  title: string,
  name: string,
  lines: readonly string[],
  rows: number,
  reopen: () => Promise<void>,
  shoot = false,
): Promise<Locator> {
  let dialog = await upload(page, title, name, lines);
  await dialog.getByText(`${rows} se creará`, { exact: false }).waitFor();
  if (shoot) {
    const file = title.toLowerCase().replace(/[^a-z]+/g, '-');
    await dialog.screenshot({ path: path.join(SHOTS, `${file}-revision-1366.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.screenshot({ path: path.join(SHOTS, `${file}-revision-390.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 900 });
    await expectAccessible(page, title);
  }
  await dialog
    .getByRole('button', { name: rows === 1 ? 'Importar 1 fila' : `Importar ${rows} filas` })
    .click();
  await dialog.getByText('Importación terminada').waitFor();
  await dialog.getByRole('button', { name: 'Cerrar', exact: true }).filter({ hasText: 'Cerrar' }).click();
  await dialog.waitFor({ state: 'detached' });
  await reopen();
  dialog = await upload(page, title, name, lines);
  await dialog.getByText('El archivo coincide con lo registrado: no hay nada que importar.').waitFor();
  await dialog.getByText(`${rows} sin cambios`).waitFor();
  await page.keyboard.press('Escape');
  return dialog;
}

async function pick(scope: Locator, label: string, search: string, text: string | RegExp): Promise<void> {
  const input = scope.locator('input:not([type="hidden"])').and(scope.getByLabel(labelled(label)));
  await input.click({ force: true });
  await input.fill(search);
  await scope.page().getByRole('option').filter({ hasText: text }).first().click();
}
