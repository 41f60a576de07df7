import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { startSmtpSink } from '../../../tests/support/smtp-sink';
import type { HttpClient } from '../../../tests/support/http-client';
import type { BounceReport, Campaign, Contact, LedgerRow } from './contract';
import { sendCampaign, STATUS_POLL_MS, type SenderOptions } from './send-campaign';
import { MAX_SEND_ATTEMPTS } from './rules';

// Campaign control over a real SMTP server (smtp-server on loopback) and two app instances on one
// database: pause, resume and cancel from either instance; permanent and transient refusals at
// RCPT; asynchronous bounces from a pasted DSN; one sending rate per organization across instances.

async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

async function audience(staff: HttpClient, label: string, emails: string[]) {
  const base = (
    await staff.post<{ id: string }>('/api/outreach/bases', {
      name: `Base ${label}`,
      kind: 'observer_network',
    })
  ).body.id;
  const people: Contact[] = [];
  for (const email of emails) {
    const c = (
      await staff.post<Contact>('/api/outreach/contacts', {
        fullName: `Persona ${email.split('@')[0]}`,
        email,
        baseIds: [base],
      })
    ).body;
    await staff.post(`/api/outreach/contacts/${c.id}/consents`, {
      purpose: 'Difusión',
      givenOn: '2024-01-02',
      source: 'Registro',
      privacyNoticeVersion: 'AP-1',
    });
    people.push(c);
  }
  return { base, people };
}

async function draft(staff: HttpClient, base: string, ratePerSecond: number, topic = 'Aviso') {
  return (
    await staff.post<Campaign>('/api/outreach/campaigns', {
      topic,
      channels: ['email'],
      month: '2024-03',
      baseIds: [base],
      subject: 'Aviso para {{nombre}}',
      textTemplate: 'Hola {{nombre}}',
      ratePerSecond,
    })
  ).body;
}

const campaignOf = async (staff: HttpClient, id: string) =>
  (await staff.get<Campaign>(`/api/outreach/campaigns/${id}`)).body;

const byRecipient = (sink: Sink, prefix: string) => {
  const m = new Map<string, number>();
  for (const r of sink.received) if (r.to[0]!.startsWith(prefix)) m.set(r.to[0]!, (m.get(r.to[0]!) ?? 0) + 1);
  return m;
};

describe('pause, resume and cancel across two app instances', () => {
  let sink: Sink;
  let one: TestApp;
  let two: TestApp;
  let org: TestOrg;
  let staffOne: HttpClient;
  let staffTwo: HttpClient;

  beforeAll(async () => {
    sink = await startSmtpSink({ keepRaw: false });
    const env = {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@iecm.test>',
      VINCULA_PUBLIC_URL: 'http://vincula.test',
    };
    one = await startTestApp(env);
    two = await startTestApp(env, { sameDatabaseAs: one });
    await startBackgroundWork(one.ctx);
    org = await one.createOrg('OPLP');
    staffOne = await one.as(org, 'liaison_staff');
    staffTwo = await two.as(org, 'liaison_staff');
  }, 300_000);
  afterAll(async () => {
    await stopBackgroundWork(one.ctx);
    await stopBackgroundWork(two.ctx).catch(() => undefined);
    await two.close();
    await one.close();
    await sink.close();
  });

  it(
    'stops promptly on pause, continues on resume, and cancels what is left',
    { timeout: 300_000 },
    async () => {
      const emails = Array.from({ length: 60 }, (_, i) => `pausa${i}@ejemplo.test`);
      const { base } = await audience(staffOne, 'pausa', emails);
      const campaign = await draft(staffOne, base, 8);
      expect((await staffOne.post(`/api/outreach/campaigns/${campaign.id}/pause`)).status).toBe(409);
      expect(
        (await staffOne.post<Campaign>(`/api/outreach/campaigns/${campaign.id}/start`)).body.status,
      ).toBe('sending');
      // The second instance starts now: its start-up queues a job for the sending campaign too,
      // so both instances may be sending it.
      await startBackgroundWork(two.ctx);
      await until(() => (sink.received.length >= 5 ? true : undefined));

      // Pause from the other instance: once no row is held any more, nothing else leaves.
      const paused = await staffTwo.post<Campaign>(`/api/outreach/campaigns/${campaign.id}/pause`);
      expect(paused.status).toBe(200);
      expect(paused.body.status).toBe('paused');
      const held = await until(async () => {
        const c = await campaignOf(staffOne, campaign.id);
        return c.progress.sending === 0 ? c : undefined;
      });
      const atPause = sink.received.length;
      expect(held.progress.sent).toBe(atPause);
      expect(held.progress.queued).toBe(60 - atPause);
      await sleep(STATUS_POLL_MS * 4);
      expect(sink.received.length).toBe(atPause);
      expect((await campaignOf(staffOne, campaign.id)).status).toBe('paused');

      // Resume from the first; then cancel from the second while it sends.
      expect((await staffTwo.post(`/api/outreach/campaigns/${campaign.id}/resume`)).status).toBe(200);
      await until(() => (sink.received.length >= atPause + 5 ? true : undefined));
      const cancelled = await staffTwo.post<Campaign>(`/api/outreach/campaigns/${campaign.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      const done = await until(async () => {
        const c = await campaignOf(staffOne, campaign.id);
        return c.progress.sending === 0 && c.progress.queued === 0 ? c : undefined;
      });
      const atCancel = sink.received.length;
      expect(done.progress.sent).toBe(atCancel);
      expect(done.progress.cancelled).toBe(60 - atCancel);
      expect(atCancel).toBeLessThan(60);
      await sleep(STATUS_POLL_MS * 4);
      expect(sink.received.length).toBe(atCancel);
      const counts = byRecipient(sink, 'pausa');
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const ledger = (
        await staffOne.get<{ items: LedgerRow[] }>(
          `/api/outreach/campaigns/${campaign.id}/ledger?status=cancelled&pageSize=100`,
        )
      ).body.items;
      expect(ledger).toHaveLength(60 - atCancel);
      expect(ledger.every((l) => !counts.has(l.email!))).toBe(true);

      // Cancelled is final; every step is in the audit trail.
      expect((await staffOne.post(`/api/outreach/campaigns/${campaign.id}/resume`)).status).toBe(409);
      expect((await staffOne.post(`/api/outreach/campaigns/${campaign.id}/cancel`)).status).toBe(409);
      const audit = await one.ctx.database.query<{ action: string }>(
        'select action from audit_entry where entity_id = $1 order by seq',
        [campaign.id],
      );
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'outreach.campaign.start',
          'outreach.campaign.pause',
          'outreach.campaign.resume',
          'outreach.campaign.cancel',
        ]),
      );
      expect(audit.some((a) => a.action === 'outreach.campaign.finish')).toBe(false);
    },
  );
});

describe('refusals, bounces and the organization rate', () => {
  let sink: Sink;
  let one: TestApp;
  let two: TestApp;
  let org: TestOrg;
  let staff: HttpClient;

  beforeAll(async () => {
    sink = await startSmtpSink({ keepRaw: false });
    const env = {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@iecm.test>',
      VINCULA_PUBLIC_URL: 'http://vincula.test',
    };
    one = await startTestApp(env);
    two = await startTestApp(env, { sameDatabaseAs: one });
    org = await one.createOrg('OPLR');
    staff = await one.as(org, 'liaison_staff');
  }, 300_000);
  afterAll(async () => {
    await two.close();
    await one.close();
    await sink.close();
  });

  /** Runs the sender as the job would (no job queue here), with a short retry backoff. */
  async function sendAll(app: TestApp, id: string, options: SenderOptions = {}) {
    for (;;) {
      const outcome = await sendCampaign(app.ctx.database.db, app.ctx.config, id, {
        retryBaseSeconds: 0.05,
        ...options,
      });
      if (outcome.kind !== 'again') return;
      for (const [address, n] of sink.rcptAttempts)
        if (address.startsWith('tarde') && n >= 2) sink.rejectRecipient(address, null);
      // Rows another sender holds are not waited for (their lease): it finishes the campaign.
      await sleep(Math.min(200, Math.max(20, outcome.at.getTime() - Date.now() + 20)));
    }
  }

  it(
    'bounces 5xx at RCPT at once, retries 4xx with backoff up to the limit',
    { timeout: 120_000 },
    async () => {
      const { base, people } = await audience(staff, 'rebotes', [
        'bien@ejemplo.test',
        'nadie@ejemplo.test',
        'ocupado@ejemplo.test',
        'tarde@ejemplo.test',
      ]);
      sink.rejectRecipient('nadie@ejemplo.test', 550);
      sink.rejectRecipient('ocupado@ejemplo.test', 450);
      sink.rejectRecipient('tarde@ejemplo.test', 451);
      const campaign = await draft(staff, base, 100, 'Primera');
      await staff.post(`/api/outreach/campaigns/${campaign.id}/start`);
      await sendAll(one, campaign.id);

      const rows = (await staff.get<{ items: LedgerRow[] }>(`/api/outreach/campaigns/${campaign.id}/ledger`))
        .body.items;
      const row = (email: string) => rows.find((r) => r.email === email)!;
      expect(row('bien@ejemplo.test')).toMatchObject({ status: 'sent', attempts: 1 });
      expect(row('nadie@ejemplo.test')).toMatchObject({ status: 'bounced', attempts: 1 });
      expect(row('nadie@ejemplo.test').lastError).toMatch(/550/);
      expect(row('ocupado@ejemplo.test')).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS });
      expect(row('tarde@ejemplo.test')).toMatchObject({ status: 'sent', attempts: 3 });
      expect(sink.rcptAttempts.get('nadie@ejemplo.test')).toBe(1);
      expect(sink.rcptAttempts.get('ocupado@ejemplo.test')).toBe(MAX_SEND_ATTEMPTS);
      const done = await campaignOf(staff, campaign.id);
      expect(done.status).toBe('sent');
      expect(done.progress).toMatchObject({ sent: 2, bounced: 1, failed: 1 });

      // An asynchronous bounce, pasted as text: the message to bien@ named by its Message-ID.
      const messageId = sink.received.find((m) => m.to[0] === 'bien@ejemplo.test')!.messageId;
      const dsn = [
        'From: MAILER-DAEMON@ejemplo.test',
        'Subject: Undelivered Mail Returned to Sender',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.ejemplo.test',
        '',
        'Final-Recipient: rfc822; bien@ejemplo.test',
        'Action: failed',
        'Status: 5.2.1',
        'Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried to reach is',
        '  disabled',
        '',
        '--b',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${messageId}`,
        '--b--',
      ].join('\r\n');
      const report = await staff.post<BounceReport>('/api/outreach/bounces', { dsn });
      expect(report.status).toBe(200);
      expect(report.body.recorded).toEqual([
        expect.objectContaining({ campaignId: campaign.id, recipient: 'bien@ejemplo.test', status: '5.2.1' }),
      ]);
      expect(report.body.recorded[0]!.emailInvalidated).toBe(false);
      const again = await staff.post<BounceReport>('/api/outreach/bounces', { dsn });
      expect(again.body.recorded).toEqual([]);
      expect(again.body.ignored[0]!.reason).toMatch(/ya estaba registrado/);
      const ledgerAfter = (
        await staff.get<{ items: LedgerRow[] }>(
          `/api/outreach/campaigns/${campaign.id}/ledger?status=bounced`,
        )
      ).body.items;
      expect(ledgerAfter.map((l) => l.email).sort()).toEqual(['bien@ejemplo.test', 'nadie@ejemplo.test']);
      expect(ledgerAfter.find((l) => l.email === 'bien@ejemplo.test')!.lastError).toMatch(
        /5\.2\.1.*disabled/,
      );

      // Bad input: not a DSN (400 with the field), a delay notice (ignored with its reason).
      const notDsn = await staff.post<{ code: string; fields: { path: string }[] }>('/api/outreach/bounces', {
        dsn: 'Hola, su correo no llegó.',
      });
      expect(notDsn.status).toBe(400);
      expect(notDsn.body.fields[0]!.path).toBe('dsn');
      const delay = await staff.post<BounceReport>('/api/outreach/bounces', {
        dsn: 'Final-Recipient: rfc822; tarde@ejemplo.test\nAction: delayed\nStatus: 4.4.7\n',
      });
      expect(delay.body.recorded).toEqual([]);
      expect(delay.body.ignored[0]!.reason).toMatch(/retraso/);

      // Second campaign: nadie@ bounces again at RCPT (second hard bounce: address flagged invalid);
      // a DSN for bien@ by address alone (second hard bounce: flagged too).
      const second = await draft(staff, base, 100, 'Segunda');
      await staff.post(`/api/outreach/campaigns/${second.id}/start`);
      await sendAll(one, second.id);
      const nadie = people.find((p) => p.email === 'nadie@ejemplo.test')!;
      const bien = people.find((p) => p.email === 'bien@ejemplo.test')!;
      expect((await staff.get<Contact>(`/api/outreach/contacts/${nadie.id}`)).body.emailInvalid).toBe(true);
      const byAddress = await staff.post<BounceReport>('/api/outreach/bounces', {
        dsn: 'Final-Recipient: rfc822;<BIEN@ejemplo.test>\nAction: failed\nStatus: 5.1.1\n',
      });
      expect(byAddress.body.recorded).toEqual([
        expect.objectContaining({ campaignId: second.id, emailInvalidated: true }),
      ]);
      expect((await staff.get<Contact>(`/api/outreach/contacts/${bien.id}`)).body.emailInvalid).toBe(true);

      // A third campaign leaves the invalid addresses out; a corrected address is eligible again.
      sink.rejectRecipient('ocupado@ejemplo.test', null);
      const third = await draft(staff, base, 100, 'Tercera');
      expect(
        (await staff.post<Campaign>(`/api/outreach/campaigns/${third.id}/start`)).body.progress.total,
      ).toBe(2);
      const fixed = await staff.patch<Contact>(`/api/outreach/contacts/${bien.id}`, {
        email: 'bien.nuevo@ejemplo.test',
      });
      expect(fixed.body.emailInvalid).toBe(false);
      const audit = await one.ctx.database.query<{ action: string; entity_id: string }>(
        "select action, entity_id from audit_entry where action in ('outreach.ledger.bounce', 'outreach.contact.email_invalid') order by seq",
      );
      expect(audit.filter((a) => a.action === 'outreach.ledger.bounce')).toHaveLength(2);
      expect(
        audit
          .filter((a) => a.action === 'outreach.contact.email_invalid')
          .map((a) => a.entity_id)
          .sort(),
      ).toEqual([bien.id, nadie.id].sort());
    },
  );

  it(
    'holds the organization rate when two instances send the same campaign',
    { timeout: 120_000 },
    async () => {
      const N = 30;
      const RATE = 10;
      const { base } = await audience(
        staff,
        'ritmo',
        Array.from({ length: N }, (_, i) => `ritmo${i}@ejemplo.test`),
      );
      const campaign = await draft(staff, base, RATE, 'Ritmo');
      await staff.post(`/api/outreach/campaigns/${campaign.id}/start`);
      const sentBy = [0, 0];
      const t0 = Date.now();
      await Promise.all(
        [one, two].map((app, i) =>
          sendAll(app, campaign.id, { batchSize: 3, onCommit: (rows) => (sentBy[i] = sentBy[i]! + rows) }),
        ),
      );
      const counts = byRecipient(sink, 'ritmo');
      expect(counts.size).toBe(N);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // Both instances sent part of it, and together they kept to one rate: the last message could
      // not leave before (N - 1) / RATE seconds after the start (a sender slot is never earlier).
      expect(sentBy[0]).toBeGreaterThan(0);
      expect(sentBy[1]).toBeGreaterThan(0);
      expect(sentBy[0]! + sentBy[1]!).toBe(N);
      const last = Math.max(
        ...sink.receivedAt.filter((_, i) => sink.received[i]!.to[0]!.startsWith('ritmo')),
      );
      expect(last - t0).toBeGreaterThanOrEqual(((N - 1) / RATE) * 1000 - 5);
    },
  );
});
