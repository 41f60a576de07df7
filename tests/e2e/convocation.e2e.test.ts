import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../src/server/runtime';
import { addDays, todayInMexicoCity } from '../../src/shared/dates';
import type { HttpClient } from '../support/http-client';
import { mimeParts } from '../support/mime';
import { startSmtpSink } from '../support/smtp-sink';
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
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../support/test-app';

// The convocatoria and the votes on the session page: a session too close is convened only after
// the Spanish warning is confirmed; the recipients' table shows the receipt and the answer given
// through the e-mail's link; an agreement by majority takes a member's vote, refuses a second, and
// takes a voto particular.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let app: TestApp;
let browser: Browser;
let org: TestOrg;
let staff: HttpClient;
let page: Page;
let errors: string[];
const ids: Record<string, string> = {};

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  [app, browser] = await Promise.all([
    startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@oplv.test>',
    }),
    launchBrowser(),
  ]);
  await startBackgroundWork(app.ctx);
  org = await app.createOrg('OPLV');
  staff = await app.as(org, 'liaison_staff');
  for (const [name, email] of [
    ['Ana Presidenta', 'ana@oplv.test'],
    ['Beto Integrante', 'beto@oplv.test'],
    ['Carla Integrante', 'carla@oplv.test'],
  ] as const) {
    ids[name] = await created(staff.post('/api/people', { fullName: name, email }));
  }
  ids.body = await created(
    staff.post('/api/governance/bodies', {
      name: 'Comisión de Vinculación',
      acronym: 'CV',
      kind: 'permanent_committee',
      createdOn: '2024-01-01',
    }),
  );
  for (const [role, name] of [
    ['president', 'Ana Presidenta'],
    ['member', 'Beto Integrante'],
    ['member', 'Carla Integrante'],
  ] as const) {
    await created(
      staff.post(`/api/governance/bodies/${ids.body}/memberships`, {
        role,
        personId: ids[name],
        startsOn: '2024-01-01',
      }),
    );
  }
  // Tomorrow at 18:00: less than the 72 hours an ordinary session requires.
  ids.session = await created(
    staff.post(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: addDays(todayInMexicoCity(), 1),
      startTime: '18:00',
      modality: 'presencial',
      place: 'Sala de sesiones',
    }),
  );
  await created(
    staff.post(`/api/governance/sessions/${ids.session}/agenda-items`, {
      title: 'Programa anual de trabajo',
    }),
  );
  // A past session held with Carla absent, where the agreements are voted.
  ids.held = await created(
    staff.post(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-03-07',
      modality: 'presencial',
    }),
  );
  await staff.put(`/api/governance/sessions/${ids.held}/attendance`, {
    entries: [
      { personId: ids['Ana Presidenta'], present: true },
      { personId: ids['Beto Integrante'], present: true },
      { personId: ids['Carla Integrante'], present: false },
    ],
  });
  ids.agreement = await created(
    staff.post(`/api/governance/sessions/${ids.held}/agreements`, {
      title: 'Se aprueba el programa de trabajo',
      voteKind: 'recorded',
      votes: [{ personId: ids['Ana Presidenta'], vote: 'favor' }],
    }),
  );
  const context = await newContext(browser, app.url);
  page = await context.newPage();
  errors = watchErrors(page);
  await signIn(page, org.users.liaison_staff, TEST_PASSWORD);
}, 180_000);

afterAll(async () => {
  await stopBackgroundWork(app.ctx);
  await browser?.close();
  await app?.close();
  await sink?.close();
});

describe('the convocatoria and the votes on the session page', () => {
  it('warns before convening late, sends on confirmation, and shows the answer given through the link', async () => {
    await page.goto(`/gobierno/sesiones/${ids.session}`);
    const panel = page.locator('.mantine-Paper-root', {
      has: page.getByRole('heading', { name: 'Convocatoria', exact: true }),
    });
    await panel.getByText('Plazo: al menos 72 horas antes del inicio.').waitFor();
    await panel.getByLabel('Mensaje (opcional)').fill('Se ruega puntual asistencia.');
    await panel.getByRole('button', { name: 'Enviar convocatoria' }).click();
    await panel.getByText('Convocatoria fuera de plazo', { exact: true }).waitFor();
    await expect
      .poll(() => panel.textContent())
      .toMatch(/debe convocarse con al menos 72 horas de anticipación y faltan \d+ para su inicio/);
    expect(sink.received).toHaveLength(0);
    await expectAccessible(page, 'aviso de convocatoria fuera de plazo');
    await panel.getByRole('button', { name: 'Enviar fuera de plazo' }).click();
    const table = page.getByRole('table', { name: 'Convocatoria' });
    await table.waitFor();
    await panel.getByText('Fuera de plazo', { exact: true }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    await expect.poll(() => sink.received.length, { timeout: 30_000 }).toBe(3);

    // Beto opens his e-mail's link (no session) and confirms.
    const beto = sink.received.find((m) => m.to[0] === 'beto@oplv.test')!;
    const text = mimeParts(beto.raw).find((p) => p.contentType === 'text/plain')!.text;
    const link = /https?:\/\/\S+\/convocatoria\/[\w.-]+/.exec(text)![0];
    const anonymous = await browser.newPage();
    await anonymous.goto(new URL(link).pathname.replace(/^/, app.url));
    await anonymous.getByText('Beto Integrante:').waitFor();
    await anonymous.getByText('Programa anual de trabajo').waitFor();
    await expectAccessible(anonymous, 'convocatoria por su enlace');
    await anonymous.getByRole('button', { name: 'Sí, asistiré' }).click();
    await anonymous.getByText('Gracias: quedó registrado que asistirá.').waitFor();
    await anonymous.close();

    // Carla answered by phone: the office records it.
    await page.reload();
    await page.getByRole('button', { name: 'Registrar respuesta de Carla Integrante' }).click();
    await page.getByRole('menuitem', { name: 'No asistirá' }).click();
    const row = (name: string) => table.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row('Carla Integrante').textContent()).toContain('registrada por el personal');
    await expect.poll(() => row('Beto Integrante').textContent()).toMatch(/Recibida el .*Asistirá/);
    await expect.poll(() => row('Ana Presidenta').textContent()).toMatch(/Sin abrir.*Sin respuesta/);
    await panel.getByText('Asistirán: 1 · No asistirán: 1 · Sin respuesta: 1').waitFor();
  });

  it('records a vote, refuses a second one in Spanish, and attaches a voto particular', async () => {
    await page.goto(`/gobierno/sesiones/${ids.held}`);
    await page.getByRole('button', { name: /^Votación del Acuerdo / }).click();
    const dialog = page.getByRole('dialog', { name: /^Votación del Acuerdo / });
    await dialog.waitFor();
    await choose(dialog, 'Integrante con voto', 'Beto Integrante');
    await choose(dialog, 'Sentido del voto', 'En contra');
    await dialog.getByRole('button', { name: 'Registrar voto' }).click();
    await dialog.getByRole('cell', { name: 'En contra' }).waitFor();
    // Carla was absent: a vote «a favor» is refused next to the form.
    await choose(dialog, 'Integrante con voto', 'Carla Integrante');
    await choose(dialog, 'Sentido del voto', 'A favor');
    await dialog.getByRole('button', { name: 'Registrar voto' }).click();
    await dialog.getByText('La lista de asistencia la registra ausente').waitFor();
    await expectAccessible(page, 'votación de un acuerdo con error');

    await choose(dialog, 'Quien formula el voto', 'Beto Integrante');
    await choose(dialog, 'Tipo de voto', 'Voto particular');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'voto-particular-beto.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 voto particular'),
    });
    await dialog.getByRole('button', { name: 'Adjuntar voto' }).click();
    await dialog.getByRole('link', { name: 'voto-particular-beto.pdf' }).waitFor();
    await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
    await page.getByText('Voto particular de Beto Integrante').waitFor();

    // A second vote of the same member, straight to the API: refused, nothing written.
    const twice = await staff.post(`/api/governance/agreements/${ids.agreement}/votes`, {
      personId: ids['Beto Integrante'],
      vote: 'favor',
    });
    expect(twice.status).toBe(409);
    expect(errors).toEqual([]);
  });
  it('sets the notice periods on the bodies page, within 0 to 720 hours', async () => {
    await page.goto('/gobierno');
    const form = page.getByRole('form', { name: 'Anticipación de las convocatorias' });
    const ordinary = form.getByLabel(labelled('Sesiones ordinarias'));
    await expect.poll(() => ordinary.inputValue()).toBe('72 h');
    // The field takes no more than the server accepts (720 hours), and no fraction.
    await ordinary.fill('800');
    await ordinary.blur();
    await expect.poll(() => ordinary.inputValue()).toBe('720 h');
    await form.getByLabel(labelled('Sesiones urgentes')).fill('');
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(form.getByLabel(labelled('Sesiones urgentes'))))
      .toBe('Indique la anticipación de las sesiones urgentes');
    await form.getByLabel(labelled('Sesiones urgentes')).fill('0');
    await ordinary.fill('48');
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Anticipación de las convocatorias guardada').waitFor();
    expect(
      (await staff.get<{ ordinaryNoticeHours: number }>('/api/governance/notice-settings')).body,
    ).toEqual({
      ordinaryNoticeHours: 48,
      extraordinaryNoticeHours: 24,
      urgentNoticeHours: 0,
    });
    await expectAccessible(page, 'anticipación de las convocatorias');
    expect(errors).toEqual([]);
  });
});
