import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../../tests/support/test-app';
import type { HttpClient } from '../../../../tests/support/http-client';
import type { Mailer } from '../../platform/mail/mailer';
import type { CommunicationDetail, Mission, Registrant } from './contract';
import { deliver, NO_SMTP } from './jobs';

// The delivery worker's rules, called directly (no queue running in this app, so nothing races
// it): consent is re-checked at send time, a send without SMTP is a failure, a transient SMTP error
// goes back to the queue, a finished delivery is never sent again.

let t: TestApp;
let org: TestOrg;
let staff: HttpClient;
let mission: Mission;

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLD');
  staff = await t.as(org, 'liaison_staff');
  mission = (
    await staff.post<Mission>('/api/observers/missions', {
      name: 'Misión de prueba de envíos',
      process: 'PELO 2023-2024',
      electionDay: '2024-06-02',
      startsOn: '2024-06-01',
      endsOn: '2024-06-03',
    })
  ).body;
});
afterAll(() => t.close());

async function registrant(name: string, email: string): Promise<Registrant> {
  const res = await staff.post<Registrant>(`/api/observers/missions/${mission.id}/registrants`, {
    kind: 'visitor',
    fullName: name,
    nationality: 'UY',
    email,
    consent: { givenOn: '2024-04-01', source: 'Formulario', privacyNoticeVersion: 'AP-1' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const sent: string[] = [];
let failNext: Error | null = null;
const smtp: Mailer = {
  logOnly: false,
  async send(mail) {
    if (failNext) {
      const e = failNext;
      failNext = null;
      throw e;
    }
    sent.push(mail.to);
    return 'id';
  },
};

describe('the delivery worker', () => {
  it('re-checks consent, refuses to pretend without SMTP, retries transient errors, never sends twice', async () => {
    const ana = await registrant('Ana Envío', 'ana.envio@example.org');
    const beto = await registrant('Beto Retiro', 'beto.retiro@example.org');
    const carla = await registrant('Carla Sinsmtp', 'carla.sinsmtp@example.org');
    const c = await staff.post<CommunicationDetail>(`/api/observers/missions/${mission.id}/communications`, {
      subject: 'Aviso',
      body: 'Hola {{nombre}}',
    });
    expect(c.status).toBe(201);
    expect(c.body.counts).toMatchObject({ total: 3, queued: 3 });
    const idOf = (r: Registrant) => c.body.deliveries.find((d) => d.registrantId === r.id)!.id;

    // Beto withdraws his consent after the communication was created: skipped at send time.
    const detail = await staff.get<{ consents: { id: string }[] }>(
      `/api/outreach/contacts/${beto.contactId}`,
    );
    await staff.post(`/api/outreach/consents/${detail.body.consents[0]!.id}/withdraw`, {
      withdrawnOn: '2024-05-01',
      source: 'Correo de la persona',
    });
    const { db } = t.ctx.database;
    const config = t.ctx.config;
    await deliver(db, smtp, config, idOf(beto));

    // This app has no SMTP server: its mailer only logs, so Carla's delivery fails with the reason.
    expect(t.ctx.mailer.logOnly).toBe(true);
    await deliver(db, t.ctx.mailer, config, idOf(carla));

    // A transient error (4xx) puts Ana's delivery back in the queue and is rethrown for a retry.
    failNext = Object.assign(new Error('451 try later'), { responseCode: 451 });
    await expect(deliver(db, smtp, config, idOf(ana))).rejects.toThrow('451');
    let now = (await staff.get<CommunicationDetail>(`/api/observers/communications/${c.body.id}`)).body;
    expect(now.deliveries.find((d) => d.registrantId === ana.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: '451 try later',
    });
    await deliver(db, smtp, config, idOf(ana));
    await deliver(db, smtp, config, idOf(ana));
    expect(sent).toEqual(['ana.envio@example.org']);

    now = (await staff.get<CommunicationDetail>(`/api/observers/communications/${c.body.id}`)).body;
    expect(now.counts).toMatchObject({ sent: 1, failed: 1, skipped: 1, queued: 0 });
    expect(now.deliveries.find((d) => d.registrantId === carla.id)).toMatchObject({
      status: 'failed',
      lastError: NO_SMTP,
    });
    expect(now.deliveries.find((d) => d.registrantId === beto.id)).toMatchObject({ status: 'skipped' });
    expect(now.deliveries.find((d) => d.registrantId === ana.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });
});
