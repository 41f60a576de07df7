import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { freshDatabase } from '../../../tests/support/test-database';
import { startSmtpSink } from '../../../tests/support/smtp-sink';
import { seedSendingCampaign } from '../../../tests/support/outreach-fixture';
import type { HttpClient } from '../../../tests/support/http-client';
import type { Campaign, Contact, LedgerRow } from './contract';
import { IN_DOUBT_PER_CONNECTION } from './send-campaign';

// Campaign e-mail really leaves over SMTP (smtp-server on loopback) through the job queue, and a
// sender killed with SIGKILL in the middle of a campaign resumes with nobody missed or repeated.

async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a campaign sent over SMTP through the job queue', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  let org: TestOrg;
  let staff: HttpClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@iecm.test>',
      VINCULA_PUBLIC_URL: 'http://vincula.test',
    });
    await startBackgroundWork(t.ctx);
    org = await t.createOrg('OPLM');
    staff = await t.as(org, 'liaison_staff');
  });
  afterAll(async () => {
    await stopBackgroundWork(t.ctx);
    await t.close();
    await sink.close();
  });

  it('sends once to each consenting contact, with unsubscribe link and headers; skips the others', async () => {
    const base = (
      await staff.post<{ id: string }>('/api/outreach/bases', { name: 'Red', kind: 'observer_network' })
    ).body.id;
    const people: Record<string, Contact> = {};
    for (const [name, email] of [
      ['Ana Sánchez', 'ana@ejemplo.test'],
      ['Beto Ruiz', 'beto@ejemplo.test'],
      ['Carla Díaz', 'carla@ejemplo.test'],
      ['Sin Consentimiento', 'sin@ejemplo.test'],
      ['Dada de Baja', 'baja@ejemplo.test'],
    ] as const) {
      people[name] = (
        await staff.post<Contact>('/api/outreach/contacts', { fullName: name, email, baseIds: [base] })
      ).body;
      if (name !== 'Sin Consentimiento')
        await staff.post(`/api/outreach/contacts/${people[name].id}/consents`, {
          purpose: 'Difusión',
          givenOn: '2024-01-02',
          source: 'Registro',
          privacyNoticeVersion: 'AP-1',
        });
    }
    await staff.put(`/api/outreach/contacts/${people['Dada de Baja']!.id}/opt-outs`, {
      email: true,
      whatsapp: false,
      phone: false,
    });
    const campaign = (
      await staff.post<Campaign>('/api/outreach/campaigns', {
        topic: 'Invitación a la Red de Observación del IECM',
        channels: ['email'],
        month: '2024-03',
        baseIds: [base],
        subject: 'Invitación para {{nombre}}',
        textTemplate: 'Hola {{nombre}}: le invitamos. Baja: {{enlace_baja}}',
        htmlTemplate: '<p>Hola {{nombre}}</p>',
        trackOpens: true,
        ratePerSecond: 50,
      })
    ).body;
    const started = await staff.post<Campaign>(`/api/outreach/campaigns/${campaign.id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('sending');
    expect(started.body.progress.total).toBe(3);

    const done = await until(async () => {
      const c = (await staff.get<Campaign>(`/api/outreach/campaigns/${campaign.id}`)).body;
      return c.status === 'sent' ? c : undefined;
    });
    expect(done.progress).toMatchObject({ total: 3, sent: 3, queued: 0, sending: 0 });
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual([
      'ana@ejemplo.test',
      'beto@ejemplo.test',
      'carla@ejemplo.test',
    ]);
    const ana = sink.received.find((m) => m.to[0] === 'ana@ejemplo.test')!;
    const head = ana.raw.replace(/\r\n[ \t]+/g, ' ');
    expect(ana.raw).toContain('Hola Ana');
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const oneClick = /^List-Unsubscribe: <([^>]+)>\r?$/m.exec(head)![1]!;
    expect(oneClick).toMatch(/^http:\/\/vincula\.test\/api\/public\/outreach\/unsubscribe\/[A-Za-z0-9_-]+$/);
    expect(ana.messageId).toMatch(/^<outreach\.\d+@vincula\.test>$/);

    // The ledger names each recipient once; a second start is refused.
    const ledger = (await staff.get<{ items: LedgerRow[] }>(`/api/outreach/campaigns/${campaign.id}/ledger`))
      .body.items;
    expect(ledger.map((l) => [l.email, l.status])).toHaveLength(3);
    expect(ledger.every((l) => l.status === 'sent' && l.attempts === 1)).toBe(true);
    expect((await staff.post(`/api/outreach/campaigns/${campaign.id}/start`)).status).toBe(409);

    // One-click unsubscribe (RFC 8058) without a session; the public page then says so.
    const token = oneClick.split('/').pop()!;
    const anonymous = t.anonymous();
    const click = await anonymous.request(
      'POST',
      `/api/public/outreach/unsubscribe/${token}`,
      'List-Unsubscribe=One-Click',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(click.status).toBe(200);
    const info = await anonymous.get<{ maskedEmail: string; optedOut: boolean; organization: string }>(
      `/api/public/outreach/unsubscribe/${token}`,
    );
    expect(info.body).toEqual({
      maskedEmail: 'a***@ejemplo.test',
      optedOut: true,
      organization: 'Organismo OPLM',
    });
    expect(
      (await staff.get<Contact>(`/api/outreach/contacts/${people['Ana Sánchez']!.id}`)).body.optedOut,
    ).toEqual(['email']);
    // A token one character off (never the same character: a token ending in "x" made this flaky).
    const tampered = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    expect((await anonymous.get(`/api/public/outreach/unsubscribe/${tampered}`)).status).toBe(404);

    // Opening is tracked by the image in the HTML part.
    const pixel = /\/api\/public\/outreach\/open\/([A-Za-z0-9_-]+)/.exec(ana.raw.replace(/=\r\n/g, ''))![1]!;
    expect((await anonymous.get(`/api/public/outreach/open/${pixel}`)).status).toBe(200);
    expect((await staff.get<Campaign>(`/api/outreach/campaigns/${campaign.id}`)).body.progress.opened).toBe(
      1,
    );
  });
});

describe('an interrupted campaign', () => {
  const RECIPIENTS = 240;
  const HOLD_AFTER = 90;
  let database: Database & { dropCopy?: () => Promise<void> };
  let env: Record<string, string>;
  let dir: string | undefined;

  beforeAll(async () => {
    const target = inject('database');
    if (target.kind === 'pglite') {
      dir = path.resolve(`.tmp/outreach-interrupt-${process.pid}`);
      fs.rmSync(dir, { recursive: true, force: true });
      database = await openDatabase({ dataDir: dir });
      await migrateDatabase(database);
      env = { VINCULA_DATA_DIR: dir };
    } else {
      database = await freshDatabase();
      env = { DATABASE_URL: database.url! };
    }
  }, 300_000);
  afterAll(async () => {
    await database.close().catch(() => undefined);
    await database.dropCopy?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function sender(extra: Record<string, string>): {
    child: ChildProcess;
    flushed: () => number;
    exited: Promise<number | null>;
  } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/campaign-sender-child.ts'], {
      env: { ...process.env, ...env, ...extra },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let flushed = 0;
    child.stdout!.on('data', (d: Buffer) => {
      if (process.env.OUTREACH_TEST_DEBUG) process.stderr.write(`[sender] ${d.toString()}`);
      for (const m of d.toString().matchAll(/flushed (\d+)/g)) flushed = Math.max(flushed, Number(m[1]));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, flushed: () => flushed, exited };
  }

  it('resumes after kill -9 with every recipient sent exactly once', { timeout: 400_000 }, async () => {
    const { campaignId } = await seedSendingCampaign(database.db, {
      recipients: RECIPIENTS,
      ratePerSecond: 1000,
    });
    if (dir) await database.close(); // PGlite: one process at a time owns the data folder
    const sink = await startSmtpSink({ keepRaw: false });
    try {
      // The sink stops acknowledging after HOLD_AFTER messages; once the sender has recorded all of
      // them as sent, it is killed while its next messages wait for an answer that never comes.
      const originalLength = sink.received.push.bind(sink.received);
      sink.received.push = (...items) => {
        const n = originalLength(...items);
        if (n === HOLD_AFTER) sink.hold();
        return n;
      };
      const common = {
        SMTP_PORT: String(sink.port),
        CAMPAIGN_ID: campaignId,
        CONCURRENCY: '4',
        BATCH_SIZE: '50',
      };
      const first = sender({ ...common, LEASE_SECONDS: '2' });
      await until(() => (first.flushed() >= HOLD_AFTER ? true : undefined), 300_000);
      expect(sink.received).toHaveLength(HOLD_AFTER);
      first.child.kill('SIGKILL');
      await first.exited;

      sink.release();
      const second = sender({ ...common, LEASE_SECONDS: '2' });
      expect(await second.exited).toBe(0);

      const byRecipient = new Map<string, number>();
      for (const m of sink.received) byRecipient.set(m.to[0]!, (byRecipient.get(m.to[0]!) ?? 0) + 1);
      expect(byRecipient.size).toBe(RECIPIENTS);
      expect([...byRecipient.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(RECIPIENTS);

      const check = dir ? await openDatabase({ dataDir: dir }) : database;
      const counts = await check.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from outreach_ledger where campaign_id = $1 group by status',
        [campaignId],
      );
      expect(counts.map((c) => [c.status, Number(c.n)])).toEqual([['sent', RECIPIENTS]]);
      const [campaign] = await check.query<{ status: string }>(
        'select status from outreach_campaign where id = $1',
        [campaignId],
      );
      expect(campaign!.status).toBe('sent');
      if (dir) database = check;
    } finally {
      await sink.close();
    }
  });

  it(
    'after kill -9 at a random point, repeats only the messages in doubt (accepted, not yet committed)',
    { timeout: 400_000 },
    async () => {
      const N = 300;
      const CONCURRENCY = 4;
      const { campaignId } = await seedSendingCampaign(database.db, {
        recipients: N,
        ratePerSecond: 1000,
        label: 'AZAR',
      });
      if (dir) await database.close();
      const sink = await startSmtpSink({ keepRaw: false });
      try {
        const common = {
          SMTP_PORT: String(sink.port),
          CAMPAIGN_ID: campaignId,
          CONCURRENCY: String(CONCURRENCY),
          BATCH_SIZE: '50',
          LEASE_SECONDS: '2',
        };
        const first = sender(common);
        const killAt = 30 + Math.floor(Math.random() * 150);
        await until(() => (sink.received.length >= killAt ? true : undefined), 300_000);
        await new Promise((r) => setTimeout(r, Math.random() * 50));
        first.child.kill('SIGKILL');
        await first.exited;

        // In doubt: rows the dead sender left `sending` whose message the server already has.
        const look = dir ? await openDatabase({ dataDir: dir }) : database;
        const held = await look.query<{ email: string }>(
          "select email from outreach_ledger where campaign_id = $1 and status = 'sending'",
          [campaignId],
        );
        if (dir) await look.close();
        const atSink = new Set(sink.received.map((m) => m.to[0]!));
        const inDoubt = held.map((h) => h.email).filter((e) => atSink.has(e));
        expect(inDoubt.length).toBeLessThanOrEqual(CONCURRENCY * IN_DOUBT_PER_CONNECTION);

        const second = sender(common);
        expect(await second.exited).toBe(0);
        const counts = new Map<string, number>();
        for (const m of sink.received) counts.set(m.to[0]!, (counts.get(m.to[0]!) ?? 0) + 1);
        expect(counts.size).toBe(N); // nobody missed
        const repeated = [...counts].filter(([, n]) => n > 1).map(([to]) => to);
        expect(repeated.sort()).toEqual(inDoubt.sort()); // nobody else repeated
        expect([...counts.values()].every((n) => n <= 2)).toBe(true);

        const check = dir ? await openDatabase({ dataDir: dir }) : database;
        const statuses = await check.query<{ status: string; n: number }>(
          'select status, count(*)::int as n from outreach_ledger where campaign_id = $1 group by status',
          [campaignId],
        );
        expect(statuses.map((c) => [c.status, Number(c.n)])).toEqual([['sent', N]]);
        if (dir) database = check;
      } finally {
        await sink.close();
      }
    },
  );
});
