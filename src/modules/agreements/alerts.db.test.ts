import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import { EXPIRY_ALERTS_QUEUE } from './jobs';
import { sendExpiryAlerts } from './send-expiry-alerts';

/**
 * Expiry alerts really leave: the daily job records each due step in the ledger and queues one
 * e-mail per current holder of a position in the responsible areas; a real SMTP server (smtp-server
 * on loopback) receives them. The job is called with explicit days (the cron only supplies today).
 */
type Mail = { to: string[]; subject: string; text: string };
const received: Mail[] = [];
let smtp: SMTPServer;
let one: TestApp;
let two: TestApp;
let org: TestOrg;
let liaison: HttpClient;
let types: Record<string, string>;
let party: string;
let deap: string;
let deoe: string;
const PUBLIC_URL = 'https://vincula.iecm.test';

/** Quoted-printable or base64 bytes to text. */
function decode(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseMail(raw: string, to: string[]): Mail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(unfolded)?.[1] ?? '';
  const subject = header('Subject')
    .replace(/=\?UTF-8\?([QB])\?(.*?)\?=\s*/gi, (_, enc: string, word: string) =>
      enc.toUpperCase() === 'B'
        ? decode(word, 'base64')
        : decode(word.replace(/_/g, ' '), 'quoted-printable'),
    )
    .trim();
  return { to, subject, text: decode(rest.join('\n\n'), header('Content-Transfer-Encoding')) };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push(
          parseMail(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  const env = {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_FROM: 'Vincula <vincula@iecm.test>',
    VINCULA_PUBLIC_URL: PUBLIC_URL,
  };
  one = await startTestApp(env);
  two = await startTestApp(env, { sameDatabaseAs: one });
  await startBackgroundWork(one.ctx);
  org = await one.createOrg('IECM');
  liaison = await one.as(org, 'liaison_staff');
  const admin = await one.as(org, 'administrator');
  expect((await admin.put('/api/agreement-settings', { alertLeadDays: 30, alertRepeatDays: 7 })).status).toBe(
    200,
  );
  const list = await liaison.get<{ id: string; name: string }[]>('/api/instrument-types');
  types = Object.fromEntries(list.body.map((x) => [x.name, x.id]));
  party = (
    await liaison.post<{ id: string }>('/api/institutions', {
      name: 'Universidad Autónoma de la Ciudad de México',
      acronym: 'UACM',
      kind: 'university',
      level: 'local',
    })
  ).body.id;
  const area = async (name: string) =>
    (await liaison.post<{ id: string }>('/api/areas', { name, kind: 'directorate' })).body.id;
  deap = await area('Dirección Ejecutiva de Asociaciones Políticas');
  deoe = await area('Dirección Ejecutiva de Organización Electoral');
  const holder = async (fullName: string, email: string | null, startsOn: string, endsOn: string | null) => {
    const p = await liaison.post<{ id: string }>('/api/people', { fullName, email });
    expect(p.status).toBe(201);
    const pos = await liaison.post(`/api/people/${p.body.id}/positions`, {
      title: 'Titular',
      areaId: deap,
      startsOn,
      endsOn,
    });
    expect(pos.status, JSON.stringify(pos.body)).toBe(201);
  };
  await holder('Ana Titular', 'ana.titular@iecm.test', '2023-01-01', null);
  await holder('Beto Anterior', 'beto.anterior@iecm.test', '2020-01-01', '2022-12-31');
  await holder('Carla Sin Correo', null, '2023-01-01', null);
});

afterAll(async () => {
  await stopBackgroundWork(one.ctx);
  await two.close();
  await one.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function instrument(body: Record<string, unknown>) {
  const res = await liaison.post<{ id: string }>('/api/instruments', {
    typeId: types['Convenio de Colaboración'],
    partyIds: [party],
    status: 'in_force',
    signedOn: '2023-07-01',
    validFrom: '2023-07-01',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const run = (app: TestApp, on: string) =>
  sendExpiryAlerts(app.ctx.database.db, app.ctx.jobs, { on, publicUrl: PUBLIC_URL });

async function sentFor(instrumentId: string) {
  const res = await liaison.get<{
    total: number;
    items: { dueOn: string; sentOn: string; effectiveEnd: string; recipients: string[] }[];
  }>(`/api/instrument-alerts/sent?instrumentId=${instrumentId}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Waits until every queued e-mail has been handed to the SMTP server (no timing assumptions). */
async function mailQueueDrained(ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const { rows } = await one.ctx.database.executeSql(
      `select count(*)::int as n from pgboss.job where name = 'mail.send' and state in ('created', 'retry', 'active')`,
      [],
    );
    if ((rows[0] as { n: number }).n === 0) return;
    if (Date.now() > end) throw new Error('mail queue not drained');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('expiry alerts by e-mail', () => {
  it('registers the daily job on the durable queue', async () => {
    const schedules = await one.ctx.jobs.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: EXPIRY_ALERTS_QUEUE, cron: '0 7 * * *', options: expect.anything() }),
    );
  });

  it('sends each step once from two instances, follows a renewal, and stops when someone acts', async () => {
    const conv = await instrument({
      subject: 'de prueba de alertas con la UACM',
      areaIds: [deap],
      validUntil: '2024-06-30',
    });
    expect(await run(one, '2024-05-30')).toBe(0);
    // Both instances run the job the same day: the ledger lets one step through.
    const both = await Promise.all([run(one, '2024-05-31'), run(two, '2024-05-31')]);
    expect(both.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await run(two, '2024-06-01')).toBe(0);
    expect(await run(one, '2024-06-07')).toBe(1);
    expect(await run(one, '2024-06-07')).toBe(0);

    // Renewed on 10 June until 30 June 2025: nothing more for the old end, a new schedule for the new.
    const renewed = await liaison.post(`/api/instruments/${conv}/renewals`, {
      renewedOn: '2024-06-10',
      newEnd: '2025-06-30',
    });
    expect(renewed.status).toBe(200);
    for (const on of ['2024-06-14', '2024-06-21', '2024-06-28', '2024-07-05', '2025-05-30']) {
      expect(await run(one, on)).toBe(0);
    }
    expect(await run(one, '2025-05-31')).toBe(1);
    // A run missed on the exact day still sends the current step (once).
    expect(await run(two, '2025-06-09')).toBe(1);
    expect(await run(one, '2025-06-10')).toBe(0);

    // Someone acts: the review keeps the instrument on 12 June. No further alerts, not even after the end.
    const review = await liaison.post<{ id: string }>('/api/reviews', {
      period: '2025-06',
      title: 'Revisión de junio de 2025',
      openedOn: '2025-06-01',
    });
    expect(
      (
        await liaison.put(`/api/reviews/${review.body.id}/decisions/${conv}`, {
          decision: 'keep',
          decidedOn: '2025-06-12',
        })
      ).status,
    ).toBe(200);
    for (const on of ['2025-06-14', '2025-06-21', '2025-06-28', '2025-07-05', '2025-12-27']) {
      expect(await run(one, on)).toBe(0);
    }

    const ledger = await sentFor(conv);
    expect(ledger.items.map((x) => [x.effectiveEnd, x.dueOn, x.sentOn])).toEqual([
      ['2025-06-30', '2025-06-07', '2025-06-09'],
      ['2025-06-30', '2025-05-31', '2025-05-31'],
      ['2024-06-30', '2024-06-07', '2024-06-07'],
      ['2024-06-30', '2024-05-31', '2024-05-31'],
    ]);
    // Only the current holder with an e-mail: not the former holder, not the one without address.
    expect(ledger.items.every((x) => x.recipients.join() === 'ana.titular@iecm.test')).toBe(true);

    await mailQueueDrained();
    const mails = received.filter((m) => m.subject.includes('de prueba de alertas con la UACM'));
    expect(mails).toHaveLength(4);
    expect(mails.every((m) => m.to.join() === 'ana.titular@iecm.test')).toBe(true);
    expect(received.some((m) => m.to.includes('beto.anterior@iecm.test'))).toBe(false);
    const texts = mails.map((m) => m.text).join('\n---\n');
    expect(texts).toContain('vence el domingo 30 de junio de 2024 (faltan 30 días)');
    expect(texts).toContain('vence el domingo 30 de junio de 2024 (faltan 23 días)');
    expect(texts).toContain('vence el lunes 30 de junio de 2025 (faltan 30 días)');
    expect(texts).toContain('vence el lunes 30 de junio de 2025 (faltan 21 días)');
    expect(texts).toContain('Áreas responsables: Dirección Ejecutiva de Asociaciones Políticas.');
    expect(texts).toContain(`${PUBLIC_URL}/convenios/instrumentos/${conv}`);
    expect(mails[0]!.subject).toMatch(/^Vencimiento próximo: Convenio de Colaboración/);
  });

  it('keeps alerting after the end while the instrument is still in force; a status change stops it', async () => {
    const conv = await instrument({
      subject: 'vencido sin acción',
      areaIds: [deap],
      validUntil: '2024-03-31',
    });
    expect(await run(one, '2024-03-01')).toBe(1);
    expect(await run(one, '2024-04-05')).toBe(1);
    expect(await run(one, '2024-04-12')).toBe(1);
    const changed = await liaison.post(`/api/instruments/${conv}/status`, {
      status: 'concluded',
      changedOn: '2024-04-15',
    });
    expect(changed.status).toBe(200);
    expect(await run(one, '2024-04-19')).toBe(0);
    expect((await sentFor(conv)).items.map((x) => x.dueOn)).toEqual([
      '2024-04-12',
      '2024-04-05',
      '2024-03-01',
    ]);
    await mailQueueDrained();
    const mails = received.filter((m) => m.subject.includes('vencido sin acción'));
    expect(mails.map((m) => m.subject.split(':')[0]).sort()).toEqual([
      'Instrumento vencido',
      'Instrumento vencido',
      'Vencimiento próximo',
    ]);
    expect(mails.map((m) => m.text).join()).toContain(
      'venció el domingo 31 de marzo de 2024 y sigue registrado como vigente',
    );
  });

  it('records a step nobody can receive (no holder in the area), shown without recipients', async () => {
    const conv = await instrument({ subject: 'sin titular', areaIds: [deoe], validUntil: '2024-09-30' });
    const before = received.length;
    expect(await run(one, '2024-08-31')).toBe(1);
    expect((await sentFor(conv)).items).toMatchObject([{ dueOn: '2024-08-31', recipients: [] }]);
    await mailQueueDrained();
    expect(received.length).toBe(before);
  });
});
