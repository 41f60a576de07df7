import { PassThrough } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
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
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

// A real installation from an empty database, without any demo code: the setup link the server
// logs → the first operator → the INE and two local bodies → each administrator sets a password from
// the invitation e-mail (caught by the SMTP sink) and signs in.

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
      const password = `contraseña de ${body.acronym.toLowerCase()} 2026`;
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
});
