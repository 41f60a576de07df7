/**
 * E-mail throughput of a campaign (issue 6): a 100,000-recipient campaign sent to a local SMTP
 * sink (smtp-server) through the campaign path — ledger claims, consent and opt-out checks,
 * rendering, marking sent — measured in the same run as a bare nodemailer loop sending the same
 * number of similar messages to the same sink, with the same number of SMTP connections. Then a
 * sender is killed with SIGKILL at a random point of a smaller campaign and restarted; the ledger
 * and the sink are checked for misses and repeats. Writes docs/PERFORMANCE.md (section outreach).
 *
 * BENCH_OUTREACH_N (default 100000), BENCH_OUTREACH_RESUME_N (default 10000),
 * BENCH_OUTREACH_CONNECTIONS (default 8). DATABASE_URL: PostgreSQL instead of embedded PGlite.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfig } from '../src/modules/platform/config/config';
import {
  createPglite,
  migrateDatabase,
  openDatabase,
  type Database,
} from '../src/modules/platform/db/client';
import { sendCampaign } from '../src/modules/outreach/send-campaign';
import { seedSendingCampaign } from '../tests/support/outreach-fixture';
import { startSmtpSink } from '../tests/support/smtp-sink';
import { writeSection } from './report';

const N = Number(process.env.BENCH_OUTREACH_N ?? 100_000);
const RESUME_N = Number(process.env.BENCH_OUTREACH_RESUME_N ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_OUTREACH_CONNECTIONS ?? 8);
const pgUrl = process.env.DATABASE_URL || undefined;

const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

function duplicates(received: { to: string[] }[]) {
  const seen = new Map<string, number>();
  for (const m of received) seen.set(m.to[0]!, (seen.get(m.to[0]!) ?? 0) + 1);
  return { unique: seen.size, repeated: [...seen.values()].filter((n) => n > 1).length };
}

async function bareLoop(port: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
    tls: { rejectUnauthorized: false },
  });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < N) {
      const i = ++next;
      await transport.sendMail({
        from: 'Difusión <difusion@iecm.test>',
        to: `bare${i}@ejemplo.test`,
        subject: `Invitación para Persona ${i}`,
        text: `Hola Persona ${i}: le invitamos a formar parte de la Red de Observación del IECM. http://vincula.test/baja/x${i}`,
        html: `<p>Hola Persona ${i}:</p><p>Le invitamos a formar parte de la <b>Red de Observación</b>.</p>`,
      });
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return seconds;
}

async function freshDatabase(dataDir?: string): Promise<Database> {
  if (pgUrl) {
    const db = await openDatabase({ databaseUrl: pgUrl });
    await migrateDatabase(db);
    await db.query(
      'truncate outreach_ledger, outreach_campaign_base, outreach_campaign, outreach_consent, outreach_membership, outreach_opt_out, outreach_manual_contact, outreach_arco_request, outreach_contact, outreach_base cascade',
    );
    return db;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  const db = await openDatabase(dataDir ? { dataDir } : { pglite: await createPglite() });
  await migrateDatabase(db);
  return db;
}

async function main() {
  const sink = await startSmtpSink({ keepRaw: false });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_FROM: 'Difusión <difusion@iecm.test>',
    VINCULA_PUBLIC_URL: 'http://vincula.test',
  });

  // 1. Bare nodemailer loop.
  const bareSeconds = await bareLoop(sink.port);
  const bare = duplicates(sink.received);
  const bareRate = N / bareSeconds;
  console.log(`bare loop: ${N} in ${bareSeconds.toFixed(1)} s = ${bareRate.toFixed(0)}/s`);
  sink.received.length = 0;

  // 2. The campaign path, over the database.
  const database = await freshDatabase();
  const seedStart = performance.now();
  const { campaignId } = await seedSendingCampaign(database.db, { recipients: N, label: 'BENCH' });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`seeded ${N} recipients and the ledger in ${seedSeconds.toFixed(1)} s`);
  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const started = performance.now();
  let outcome = await sendCampaign(database.db, config, campaignId, {
    concurrency: CONNECTIONS,
    maxRunMs: 3_600_000,
  });
  while (outcome.kind === 'again')
    outcome = await sendCampaign(database.db, config, campaignId, { concurrency: CONNECTIONS });
  const campaignSeconds = (performance.now() - started) / 1000;
  const campaignRate = N / campaignSeconds;
  const campaignDup = duplicates(sink.received);
  const [ledgerRow] = await database.query<{ sent: number; other: number }>(
    "select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other from outreach_ledger where campaign_id = $1",
    [campaignId],
  );
  console.log(
    `campaign: ${N} in ${campaignSeconds.toFixed(1)} s = ${campaignRate.toFixed(0)}/s; ledger sent ${ledgerRow!.sent}`,
  );
  await database.close();
  const peak = peakRss;
  sink.received.length = 0;

  // 3. Resumption after SIGKILL at a random point (a sender in its own process, file database).
  const dir = path.resolve('.tmp/bench-outreach-resume');
  const resumeDb = await freshDatabase(pgUrl ? undefined : dir);
  const resume = await seedSendingCampaign(resumeDb.db, { recipients: RESUME_N, label: 'RESUME' });
  if (!pgUrl) await resumeDb.close();
  const env = {
    ...process.env,
    ...(pgUrl ? { DATABASE_URL: pgUrl } : { VINCULA_DATA_DIR: dir }),
    SMTP_PORT: String(sink.port),
    CAMPAIGN_ID: resume.campaignId,
    CONCURRENCY: String(CONNECTIONS),
    LEASE_SECONDS: '10',
  };
  const run = () =>
    spawn(process.execPath, ['--import', 'tsx', 'tests/support/campaign-sender-child.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const killAt = Math.floor(RESUME_N * (0.2 + Math.random() * 0.6));
  const first = run();
  first.stdout!.resume();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (sink.received.length >= killAt) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  first.kill('SIGKILL');
  await new Promise((r) => first.on('exit', r));
  const receivedAtKill = sink.received.length;
  const second = run();
  second.stdout!.resume();
  const code = await new Promise<number | null>((r) => second.on('exit', r));
  const check = pgUrl ? resumeDb : await openDatabase({ dataDir: dir });
  const statuses = await check.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from outreach_ledger where campaign_id = $1 group by status order by status',
    [resume.campaignId],
  );
  await check.close();
  const resumeDup = duplicates(sink.received);
  const resumeSent = statuses.find((s) => s.status === 'sent')?.n ?? 0;
  console.log(
    `resume: killed after ${receivedAtKill}; exit ${code}; ledger ${JSON.stringify(statuses)}; sink unique ${resumeDup.unique}, repeated ${resumeDup.repeated}`,
  );
  if (!pgUrl) fs.rmSync(dir, { recursive: true, force: true });
  await sink.close();
  clearInterval(sampler);

  const ratio = campaignRate / bareRate;
  const db = pgUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : 'embedded PGlite (in memory for the throughput run, a data folder for resumption)';
  writeSection(
    'outreach',
    [
      `${N.toLocaleString('en-US')} recipients, ${CONNECTIONS} SMTP connections, local smtp-server sink on loopback; database: ${db}.`,
      'Campaign path: ledger rows claimed in batches of 500 (`FOR UPDATE SKIP LOCKED`), consent and opt-out re-checked per row,',
      'subject/text/HTML rendered with the unsubscribe link, `List-Unsubscribe` headers, rows marked sent every 20 messages or 50 ms.',
      '',
      '| Measure | Result |',
      '| --- | --- |',
      `| Bare nodemailer loop | ${bareRate.toFixed(0)} messages/s (${bareSeconds.toFixed(1)} s; ${bare.unique} recipients, ${bare.repeated} repeated) |`,
      `| Campaign path | ${campaignRate.toFixed(0)} messages/s (${campaignSeconds.toFixed(1)} s) — **${(ratio * 100).toFixed(0)} %** of the bare loop (target ≥ 80 %) |`,
      `| Duplicates (campaign) | ${campaignDup.repeated} repeated recipients; ${campaignDup.unique} distinct of ${N}; ledger: ${ledgerRow!.sent} sent, ${ledgerRow!.other} other |`,
      `| Peak resident memory (benchmark process: sender, database, sink) | ${mib(peak)} MiB (${mib(rssBefore)} MiB before sending) |`,
      `| Seeding ${N.toLocaleString('en-US')} contacts, consents and ledger rows | ${seedSeconds.toFixed(1)} s |`,
      `| Resumption: ${RESUME_N.toLocaleString('en-US')} recipients, sender killed (SIGKILL) after ${receivedAtKill} messages | restart exit ${code}; ledger ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}; ${resumeDup.unique} of ${RESUME_N} recipients reached (${resumeSent === RESUME_N && resumeDup.unique === RESUME_N ? 'none missed' : 'MISSED SOME'}); ${resumeDup.repeated} repeated (the at-least-once window, ADR 0014) |`,
    ].join('\n'),
  );
  process.exit(0);
}

void main();
