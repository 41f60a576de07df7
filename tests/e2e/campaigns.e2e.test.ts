import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, Contact } from '../../src/modules/outreach/contract';
import { sendCampaign } from '../../src/modules/outreach/send-campaign';
import type { HttpClient } from '../support/http-client';
import {
  expectAccessible,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../support/test-app';

// Liaison staff cancel a campaign while it is sending (its queued recipients become cancelled in
// the ledger) and paste a bounce notice (DSN) for a message already sent (its ledger row becomes
// rejected, with the reason), over a real SMTP server on loopback. The sender runs here as its job
// would (no queue in this app), so nothing is sent behind the test's back.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let app: TestApp;
let browser: Browser;
let org: TestOrg;
let staff: HttpClient;
const campaigns = { cancelled: '', sent: '' };

async function draft(base: string, topic: string): Promise<Campaign> {
  const res = await staff.post<Campaign>('/api/outreach/campaigns', {
    topic,
    channels: ['email'],
    month: '2026-11',
    baseIds: [base],
    subject: `${topic} para {{nombre}}`,
    textTemplate: 'Hola {{nombre}}',
    ratePerSecond: 100,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  [app, browser] = await Promise.all([
    startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@iecm.test>',
      VINCULA_PUBLIC_URL: 'http://vincula.test',
    }),
    launchBrowser(),
  ]);
  org = await app.createOrg('OPLC');
  staff = await app.as(org, 'liaison_staff');
  const base = (
    await staff.post<{ id: string }>('/api/outreach/bases', {
      name: 'Red de prueba',
      kind: 'observer_network',
    })
  ).body.id;
  for (const name of ['ana', 'beto', 'carla']) {
    const c = (
      await staff.post<Contact>('/api/outreach/contacts', {
        fullName: `Persona ${name}`,
        email: `${name}@ejemplo.test`,
        baseIds: [base],
      })
    ).body;
    await staff.post(`/api/outreach/contacts/${c.id}/consents`, {
      purpose: 'Difusión',
      givenOn: '2026-01-02',
      source: 'Registro',
      privacyNoticeVersion: 'AP-1',
    });
  }
  campaigns.cancelled = (await draft(base, 'Aviso que se cancela')).id;
  campaigns.sent = (await draft(base, 'Boletín de noviembre')).id;
  expect((await staff.post(`/api/outreach/campaigns/${campaigns.sent}/start`)).status).toBe(200);
  for (;;) {
    const outcome = await sendCampaign(app.ctx.database.db, app.ctx.config, campaigns.sent, {
      retryBaseSeconds: 0.05,
    });
    if (outcome.kind !== 'again') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(sink.received.map((m) => m.to[0]).sort()).toEqual([
    'ana@ejemplo.test',
    'beto@ejemplo.test',
    'carla@ejemplo.test',
  ]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sink?.close();
});

describe('campaign control in the browser', () => {
  it('cancels a campaign while it sends, and records a pasted bounce notice in the ledger', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, org.users.liaison_staff, TEST_PASSWORD);

    // Started: every recipient queued.
    await page.goto(`/difusion/campanas/${campaigns.cancelled}`);
    await page.getByRole('heading', { level: 1, name: 'Aviso que se cancela' }).waitFor();
    await page.getByRole('button', { name: 'Iniciar envío' }).click();
    // Mail that leaves cannot be recalled: starting asks first.
    const start = page.getByRole('dialog', { name: '¿Iniciar el envío?' });
    await start.getByText(/Se enviará «Aviso que se cancela» por correo/).waitFor();
    await start.getByRole('button', { name: 'Iniciar envío' }).click();
    await start.waitFor({ state: 'detached' });
    const ledger = page.getByRole('table', { name: 'Registro de envío por destinatario' });
    await expect.poll(() => ledger.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => ledger.textContent()).toContain('En cola');
    await page.getByText('Enviando', { exact: true }).waitFor();
    await expectAccessible(page, 'campaña enviándose');

    // Cancelled after confirming: the queued recipients are cancelled, nothing is left to send.
    await page.getByRole('button', { name: 'Cancelar envío' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancelar envío' });
    await expect.poll(() => confirm.textContent()).toContain('Quedan 3 destinatarios sin enviar');
    await expectAccessible(page, 'confirmación de cancelación');
    await confirm.getByRole('button', { name: 'Sí, cancelar el envío' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Cancelada', { exact: true }).waitFor();
    await page.getByText('3 destinatarios cancelados').waitFor();
    for (const email of ['ana@ejemplo.test', 'beto@ejemplo.test', 'carla@ejemplo.test'])
      await expect
        .poll(() => ledger.getByRole('row', { name: new RegExp(email) }).textContent())
        .toContain('Cancelado');
    expect(await page.getByRole('button', { name: 'Cancelar envío' }).count()).toBe(0);
    expect(sink.received).toHaveLength(3);

    // A bounce notice pasted on the campaigns page: first a text that is not one (refused at the
    // field), then the notice for beto@, naming the message it answers.
    await page.goto('/difusion/campanas');
    await page.getByRole('button', { name: 'Registrar rebote' }).click();
    const bounce = page.getByRole('dialog', { name: 'Registrar rebote' });
    const text = bounce.getByLabel(labelled('Texto del aviso de no entrega'));
    await text.fill('Hola, su correo no llegó.');
    await bounce.getByRole('button', { name: 'Registrar rebote' }).click();
    await expect.poll(() => fieldError(text)).toContain('no es un aviso de no entrega');
    const messageId = sink.received.find((m) => m.to[0] === 'beto@ejemplo.test')!.messageId;
    await text.fill(
      [
        'From: MAILER-DAEMON@ejemplo.test',
        'Subject: Undelivered Mail Returned to Sender',
        '',
        'Reporting-MTA: dns; mx.ejemplo.test',
        '',
        'Final-Recipient: rfc822; beto@ejemplo.test',
        'Action: failed',
        'Status: 5.2.1',
        'Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried to reach is disabled',
        '',
        `Message-ID: ${messageId}`,
      ].join('\n'),
    );
    await bounce.getByRole('button', { name: 'Registrar rebote' }).click();
    await bounce.getByText('Registrado: beto@ejemplo.test (5.2.1) en «Boletín de noviembre».').waitFor();
    await expectAccessible(page, 'rebote registrado');
    await bounce.locator('form').getByRole('button', { name: 'Cerrar' }).click();

    // The sent campaign's ledger: beto@ rejected with the reason, the others sent.
    await page.getByRole('link', { name: 'Boletín de noviembre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boletín de noviembre' }).waitFor();
    const sentLedger = page.getByRole('table', { name: 'Registro de envío por destinatario' });
    const beto = sentLedger.getByRole('row', { name: /beto@ejemplo\.test/ });
    await expect.poll(() => beto.textContent()).toContain('Rechazado');
    await expect.poll(() => beto.textContent()).toContain('5.2.1');
    for (const email of ['ana@ejemplo.test', 'carla@ejemplo.test'])
      await expect(sentLedger.getByRole('row', { name: new RegExp(email) }).textContent()).resolves.toContain(
        'Enviado',
      );
    await page.getByText('2 de 3 enviados · 1 con error', { exact: false }).waitFor();
    await expectAccessible(page, 'registro de envío con rebote');
    expect(errors).toEqual([]);
    await context.close();
  });
});
