import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo';
import { startBackgroundWork, stopBackgroundWork } from '../../src/server/runtime';
import {
  expectAccessible,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  passwordInput,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

// A person who forgot their password: "¿Olvidó su contraseña?" → the e-mail (caught by the SMTP sink)
// → a new password → signed in with it, the session left open elsewhere ended; then "Mis sesiones".

let app: TestApp;
let browser: Browser;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

const EMAIL = 'enlace@iecm.demo';
const NEW_PASSWORD = 'el volcán dormido de Colima';

beforeAll(async () => {
  sink = await startSmtpSink();
  [app, browser] = await Promise.all([
    startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) }, { demo: true }),
    launchBrowser(),
  ]);
  await startBackgroundWork(app.ctx);
});

afterAll(async () => {
  await browser?.close();
  if (app) await stopBackgroundWork(app.ctx);
  await app?.close();
  await sink?.close();
});

describe('password reset by e-mail', () => {
  it('goes from the sign-in page through the e-mail to signing in with the new password', async () => {
    // A session left open on another computer.
    const elsewhere = await newContext(browser, app.url);
    const elsewherePage = await elsewhere.newPage();
    await signIn(elsewherePage, EMAIL);

    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/iniciar-sesion');
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByRole('heading', { name: 'Restablecer la contraseña' }).waitFor();
    await expectAccessible(page, 'pedir el enlace');
    await page.getByLabel(labelled('Correo electrónico')).fill(EMAIL);
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain(`Si ${EMAIL} corresponde a una cuenta activa`);

    let path: string | undefined;
    await expect
      .poll(
        () => {
          const mail = sink.received.find((m) => m.to.includes(EMAIL));
          path =
            mail && /\/restablecer-contrasena\/[A-Za-z0-9_-]+/.exec(mail.raw.replace(/=\r?\n/g, ''))?.[0];
          return path;
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();

    await page.goto(path!);
    await page.getByRole('heading', { name: 'Elegir una contraseña nueva' }).waitFor();
    await expectAccessible(page, 'elegir la contraseña nueva');
    const fresh = passwordInput(page, 'Contraseña nueva');
    const confirm = passwordInput(page, 'Confirme la contraseña nueva');
    // A common password: refused next to the field, in words.
    await fresh.fill('password1234');
    await confirm.fill('password1234');
    await page.getByRole('button', { name: 'Guardar la contraseña nueva' }).click();
    await expect.poll(() => fieldError(fresh)).toContain('demasiado común');

    await fresh.fill(NEW_PASSWORD);
    await confirm.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Guardar la contraseña nueva' }).click();
    await page.getByText('Su contraseña quedó cambiada').waitFor();
    await page.getByRole('link', { name: 'Ir a iniciar sesión' }).click();
    await signIn(page, EMAIL, NEW_PASSWORD);

    // The session on the other computer ended with the change.
    await elsewherePage.reload();
    await elsewherePage.waitForURL(/\/iniciar-sesion/);

    // The link worked once.
    await page.goto(path!);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('no es válido o ya se usó');
    expect(errors.filter((e) => !/40[14]/.test(e))).toEqual([]);
    await elsewhere.close();
    await context.close();
  });

  it('lists the sessions in "Mis sesiones" and ends another one', async () => {
    const phone = await newContext(browser, app.url);
    const phonePage = await phone.newPage();
    await signIn(phonePage, 'admin@iecm.demo', DEMO_PASSWORD);

    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, 'admin@iecm.demo', DEMO_PASSWORD);
    await page.goto('/cuenta/contrasena');
    const section = page.getByRole('region', { name: 'Mis sesiones' });
    await section.waitFor();
    await expect.poll(() => section.getByRole('row').count()).toBe(3);
    await expect.poll(() => section.getByText('Esta sesión').count()).toBe(1);
    await expect.poll(() => section.getByText('127.0.0.1').count()).toBe(2);
    await expectAccessible(page, 'mis sesiones');
    // On a phone the whole table shows, the last use and the button that ends a session included
    // (the address goes under the device): nothing around it has to be scrolled sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect
      .poll(() =>
        section.getByRole('table').evaluate((table) => {
          let hidden = 0;
          for (let el: Element | null = table; el; el = el.parentElement)
            hidden = Math.max(hidden, el.scrollWidth - el.clientWidth);
          return hidden;
        }),
      )
      .toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1366, height: 900 });

    await section.getByRole('button', { name: /^Cerrar la sesión de/ }).click();
    await expect.poll(() => section.getByRole('row').count()).toBe(2);
    await phonePage.reload();
    await phonePage.waitForURL(/\/iniciar-sesion/);
    await context.close();
    await phone.close();
  });
});
