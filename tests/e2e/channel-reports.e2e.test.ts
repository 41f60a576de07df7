import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { startBackgroundWork, stopBackgroundWork } from '../../src/server/runtime';
import {
  choose,
  expectAccessible,
  labelled,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

// The channel's fortnightly reports and working calendar as the IECM's liaison staff use them:
// a report generated, downloaded, refused by the mail server, sent again; a non-working day added
// and the due date of a new folio counted over it.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  sink = await startSmtpSink();
  [app, browser] = await Promise.all([
    startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@iecm.test>',
    }),
    launchBrowser(),
  ]);
  await seedDemo(app.ctx);
  await startBackgroundWork(app.ctx);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (app) await stopBackgroundWork(app.ctx);
  await app?.close();
  await sink?.close();
});

async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await newContext(browser, app.url)).newPage();
  const errors = watchErrors(page);
  await signIn(page, email);
  return { page, errors };
}

describe('fortnightly reports page', () => {
  it('generates a report, downloads it, shows a refused sending with its error and sends it again', async () => {
    const { page, errors } = await signedIn('enlace@iecm.demo');
    await page.goto('/canal/informes');
    await page.getByRole('heading', { level: 1, name: 'Informes estadísticos quincenales' }).waitFor();
    await choose(page, 'Año', '2024');
    const table = page.getByRole('table', { name: 'Informes quincenales del año, con su fecha de envío' });
    // The demo's six reports of January–March 2024, each kept with its sending day.
    await expect.poll(() => table.getByRole('row').count()).toBe(7);
    await expect(
      table.getByRole('row', { name: /Primera quincena de enero de 2024/ }).innerText(),
    ).resolves.toMatch(/Enviado\s+16 ene 2024/i);
    await expectAccessible(page, 'informes quincenales');

    await page.getByRole('button', { name: 'Generar informe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generar el informe de una quincena' });
    await choose(dialog, 'Mes', 'abril');
    await choose(dialog, 'Quincena', 'Primera (días 1 a 15)');
    await expectAccessible(page, 'generar informe');
    await dialog.getByRole('button', { name: 'Generar informe' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = table.getByRole('row', { name: /Primera quincena de abril de 2024/ });
    await expect.poll(() => row.innerText()).toMatch(/Generado, sin enviar/i);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Descargar Primera quincena de abril de 2024 en PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('estadistica-canal-2024-04-1.pdf');
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');

    // The mail server refuses the message: the report ends failed, with the server's answer.
    sink.refuse(550);
    await row.getByRole('button', { name: 'Enviar ahora' }).click();
    // The notification area loads with its first notification (src/web/app/LazyNotifications.tsx).
    await page.getByText('El informe quedó en cola de envío.').waitFor();
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/Falló el envío/i);
    await expect(row.innerText()).resolves.toContain('El servidor de correo rechazó el envío: 550');
    await expectAccessible(page, 'informe con envío fallido');
    expect(sink.received).toHaveLength(0);

    sink.refuse(null);
    await row.getByRole('button', { name: 'Reintentar envío' }).click();
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/Enviado\s+\d{1,2} \w{3} \d{4}/i);
    await expect(row.innerText()).resolves.not.toContain('rechazó');
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.raw).toContain('estadistica-canal-2024-04-1.docx');
    expect(errors).toEqual([]);
  });
});

describe('working calendar page', () => {
  it('adds a non-working day, and a new folio’s due date in business days skips it', async () => {
    const { page, errors } = await signedIn('enlace@iecm.demo');
    await page.goto('/canal/calendario');
    await page.getByRole('heading', { level: 1, name: 'Calendario laboral' }).waitFor();
    await choose(page, 'Año', '2025');
    const businessDays = page.getByRole('status').filter({ hasText: 'Días hábiles del año' });
    await expect.poll(() => businessDays.innerText()).toMatch(/\d+$/);
    const before = Number((await businessDays.innerText()).match(/(\d+)$/)![1]);

    const form = page.getByRole('form', { name: 'Agregar días inhábiles del organismo' });
    await form.getByLabel(labelled('Desde')).fill('10/06/2025');
    await form.getByLabel(labelled('Desde')).press('Escape');
    await form.getByLabel(labelled('Motivo')).fill('Aniversario del Instituto');
    await expectAccessible(page, 'calendario laboral');
    await form.getByRole('button', { name: 'Agregar días' }).click();
    const own = page.getByRole('table', { name: 'Días inhábiles propios del año' });
    await expect.poll(() => own.innerText()).toMatch(/10 jun 2025\s+Aniversario del Instituto/);
    // Tuesday 10 June 2025 was a business day: the year has one fewer.
    await expect.poll(() => businessDays.innerText()).toMatch(new RegExp(`${before - 1}$`));
    await expect(form.getByLabel(labelled('Motivo')).inputValue()).resolves.toBe('');

    // A consultation sent on Monday 9 June 2025, due in two business days: 11 and 12 June
    // (without the new non-working day it would be due on the 11th).
    await page.goto('/canal/folios');
    await page.getByRole('button', { name: 'Nuevo folio' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, 'Tipo de documento', 'Consulta');
    await dialog.getByRole('textbox', { name: 'Asunto' }).fill('Consulta sobre el calendario de sesiones');
    await dialog.getByLabel(labelled('Fecha de envío')).fill('09/06/2025');
    await dialog.getByLabel(labelled('Fecha de envío')).press('Escape');
    await dialog.getByLabel(labelled('Días')).fill('2');
    await dialog.getByRole('button', { name: 'Enviar' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Folio \d+\/2025$/);
    await expect.poll(() => page.getByText('12 jun 2025').first().isVisible()).toBe(true);

    // Taking the day out again does not move the due date already computed.
    await page.goto('/canal/calendario');
    await choose(page, 'Año', '2025');
    await page.getByRole('button', { name: 'Quitar el 10 jun 2025' }).click();
    await expect.poll(() => page.getByText('Sin días inhábiles propios en el año.').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
