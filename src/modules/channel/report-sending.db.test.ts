import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../platform/audit/schema';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { todayInMexicoCity } from '../../shared/dates';
import type { HttpClient } from '../../../tests/support/http-client';
import { startSmtpSink } from '../../../tests/support/smtp-sink';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { ChannelReport } from './contract-reports';
import {
  ABANDONED_AFTER_HOURS,
  ABANDONED_MESSAGE,
  deliverReport,
  failAbandonedReports,
  FORTNIGHTLY_QUEUE,
  NO_SMTP_MESSAGE,
} from './report-jobs';
import { updateReport } from './report-repository';

/**
 * The daily pg-boss job that sends due fortnightly reports, over a real SMTP server (the test
 * sink on loopback): a report goes out once, a refusal leaves it failed with the server's answer,
 * a person sends it again; a transient failure is retried by the queue; without an SMTP server
 * nothing is marked sent.
 */

async function until<T>(check: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the daily check through the queue as if it were `today`, and waits for it to finish. */
async function runDailyCheck(t: TestApp, today: string): Promise<void> {
  const id = await t.ctx.jobs.send(FORTNIGHTLY_QUEUE, { today });
  await until(async () => {
    const job = await t.ctx.jobs.getJobById(FORTNIGHTLY_QUEUE, id!);
    if (job?.state === 'failed') throw new Error(`daily check failed: ${JSON.stringify(job.output)}`);
    return job?.state === 'completed';
  });
}

async function reportOf(c: HttpClient, periodFrom: string): Promise<ChannelReport | undefined> {
  const list = await c.get<ChannelReport[]>(`/api/channel/reports?year=${periodFrom.slice(0, 4)}`);
  return list.body.find((r) => r.periodFrom === periodFrom);
}

describe('the daily job that sends due fortnightly reports, over SMTP', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  let org: TestOrg;
  let liaison: HttpClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@oplz.test>',
    });
    await startBackgroundWork(t.ctx);
    org = await t.createOrg('OPLZ');
    liaison = await t.as(org, 'liaison_staff');
    for (const email of ['consejera@oplz.test', 'presidencia@oplz.test'])
      expect((await liaison.post('/api/channel/report-recipients', { email })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await stopBackgroundWork(t.ctx);
    await t.close();
    await sink.close();
  });

  it('sends the report of the fortnight just ended once, however often the check runs', async () => {
    // Thursday 1 February 2024: the second fortnight of January is due.
    await runDailyCheck(t, '2024-02-01');
    const sent = await until(async () => {
      const r = await reportOf(liaison, '2024-01-16');
      return r?.state === 'sent' && r;
    });
    expect(sent).toMatchObject({ number: 2, sentOn: todayInMexicoCity(), lastError: null });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to.sort()).toEqual(['consejera@oplz.test', 'presidencia@oplz.test']);
    expect(sink.received[0]!.raw).toContain('estadistica-canal-2024-01-2.pdf');

    await runDailyCheck(t, '2024-02-01');
    await runDailyCheck(t, '2024-02-02');
    expect(sink.received).toHaveLength(1);
    // Before the first weekday after a fortnight nothing is due: Saturday 16 March (due Monday 18th).
    await runDailyCheck(t, '2024-03-16');
    expect(await reportOf(liaison, '2024-03-01')).toBeUndefined();
  });

  it('records a refusal as a failed report with the server answer, and sends it when asked again', async () => {
    sink.refuse(550);
    // Friday 16 February 2024: the first fortnight of February is due.
    await runDailyCheck(t, '2024-02-16');
    const failed = await until(async () => {
      const r = await reportOf(liaison, '2024-02-01');
      return r?.state === 'failed' && r;
    });
    expect(failed.sentOn).toBeNull();
    expect(failed.lastError).toMatch(/^El servidor de correo rechazó el envío: 550 /);
    expect(sink.received).toHaveLength(1);
    const [audit] = await t.ctx.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, failed.id), eq(auditEntry.action, 'channel.report_send_failed')));
    expect(audit?.after).toMatchObject({ state: 'failed', attempts: 1 });

    // The daily check leaves a failed report to people: it is not regenerated nor resent.
    await runDailyCheck(t, '2024-02-16');
    expect((await reportOf(liaison, '2024-02-01'))!.state).toBe('failed');

    sink.refuse(null);
    const retry = await liaison.post<{ recipients: string[] }>(`/api/channel/reports/${failed.id}/send`);
    expect(retry.status).toBe(202);
    const sent = await until(async () => {
      const r = await reportOf(liaison, '2024-02-01');
      return r?.state === 'sent' && r;
    });
    expect(sent).toMatchObject({ sentOn: todayInMexicoCity(), lastError: null });
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]!.raw).toContain('estadistica-canal-2024-02-1.docx');
    expect((await liaison.post(`/api/channel/reports/${failed.id}/send`)).status).toBe(409);
  });

  it('keeps a report queued with the error while the queue retries a transient failure, then sends it once', async () => {
    sink.refuse(451);
    const made = await liaison.post<ChannelReport>('/api/channel/reports', {
      year: 2024,
      month: 2,
      half: 2,
      send: true,
    });
    expect(made.status).toBe(201);
    expect(made.body.state).toBe('queued');
    const waiting = await until(async () => {
      const r = await reportOf(liaison, '2024-02-16');
      return r?.lastError ? r : undefined;
    });
    expect(waiting.state).toBe('queued');
    expect(waiting.lastError).toMatch(/^Reintentando; último error: 451 /);
    sink.refuse(null);
    const sent = await until(async () => {
      const r = await reportOf(liaison, '2024-02-16');
      return r?.state === 'sent' && r;
    });
    expect(sent.lastError).toBeNull();
    expect(sink.received).toHaveLength(3);
  });

  it('marks a report failed when its last attempt fails', async () => {
    sink.refuse(421);
    const made = await liaison.post<ChannelReport>('/api/channel/reports', { year: 2024, month: 3, half: 1 });
    await updateReport(t.ctx.database.db, made.body.id, { state: 'queued', recipients: ['x@oplz.test'] });
    await expect(
      deliverReport(t.ctx.database.db, t.ctx.mailer, made.body.id, { retryCount: 0, retryLimit: 1 }),
    ).rejects.toThrow();
    expect((await reportOf(liaison, '2024-03-01'))!.state).toBe('queued');
    await deliverReport(t.ctx.database.db, t.ctx.mailer, made.body.id, { retryCount: 1, retryLimit: 1 });
    const failed = (await reportOf(liaison, '2024-03-01'))!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/^No se pudo enviar tras 2 intentos: 421 /);
    sink.refuse(null);
    expect(sink.received).toHaveLength(3);
  });
});

describe('a report whose sender was lost', () => {
  let t: TestApp;
  let liaison: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.createOrg('OPLV');
    liaison = await t.as(org, 'liaison_staff');
  }, 120_000);

  afterAll(() => t.close());

  it('becomes failed after hours in the queue, audited, and a recent one is left queued', async () => {
    const db = t.ctx.database.db;
    const old = await liaison.post<ChannelReport>('/api/channel/reports', { year: 2024, month: 4, half: 1 });
    const recent = await liaison.post<ChannelReport>('/api/channel/reports', {
      year: 2024,
      month: 4,
      half: 2,
    });
    const now = new Date('2024-04-20T18:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    await updateReport(db, old.body.id, { state: 'queued', queuedAt: hoursAgo(ABANDONED_AFTER_HOURS + 1) });
    await updateReport(db, recent.body.id, { state: 'queued', queuedAt: hoursAgo(1) });

    expect(await failAbandonedReports(db, now)).toBe(1);
    const failed = (await reportOf(liaison, '2024-04-01'))!;
    expect(failed).toMatchObject({ state: 'failed', lastError: ABANDONED_MESSAGE });
    expect((await reportOf(liaison, '2024-04-16'))!.state).toBe('queued');
    const [audit] = await db
      .select()
      .from(auditEntry)
      .where(
        and(eq(auditEntry.entityId, old.body.id), eq(auditEntry.action, 'channel.report_send_abandoned')),
      );
    expect(audit).toMatchObject({ entityType: 'channel_report' });
    // A second pass finds nothing more to do.
    expect(await failAbandonedReports(db, now)).toBe(0);
  });
});

describe('fortnightly reports without an SMTP server', () => {
  let t: TestApp;
  let liaison: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    await startBackgroundWork(t.ctx);
    const org = await t.createOrg('OPLW');
    liaison = await t.as(org, 'liaison_staff');
    expect((await liaison.post('/api/channel/report-recipients', { email: 'c@oplw.test' })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await stopBackgroundWork(t.ctx);
    await t.close();
  });

  it('refuses to send, says why, and the daily check leaves the report generated with the reason', async () => {
    const refused = await liaison.post<{ code: string; message: string; fields: { path: string }[] }>(
      '/api/channel/reports',
      { year: 2024, month: 1, half: 1, send: true },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.fields[0]!.path).toBe('smtp');
    expect(refused.body.message).toContain('SMTP_HOST');
    expect(await reportOf(liaison, '2024-01-01')).toBeUndefined();

    const made = await liaison.post<ChannelReport>('/api/channel/reports', { year: 2024, month: 1, half: 1 });
    const send = await liaison.post<{ code: string; fields: { path: string }[] }>(
      `/api/channel/reports/${made.body.id}/send`,
    );
    expect(send.status).toBe(409);
    expect(send.body).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'smtp' }] });
    expect((await reportOf(liaison, '2024-01-01'))!.state).toBe('generated');

    await runDailyCheck(t, '2024-02-01');
    expect(await reportOf(liaison, '2024-01-16')).toMatchObject({
      state: 'generated',
      sentOn: null,
      lastError: NO_SMTP_MESSAGE,
    });

    // A report queued before SMTP was removed from the configuration is failed, not "sent".
    await updateReport(t.ctx.database.db, made.body.id, { state: 'queued', recipients: ['c@oplw.test'] });
    await deliverReport(t.ctx.database.db, t.ctx.mailer, made.body.id);
    expect(await reportOf(liaison, '2024-01-01')).toMatchObject({
      state: 'failed',
      sentOn: null,
      lastError: NO_SMTP_MESSAGE,
    });
  });
});
