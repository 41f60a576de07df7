/**
 * E-mail throughput of a campaign (issue 6): a 100,000-recipient campaign sent to a local SMTP
 * sink (smtp-server) through the campaign path — ledger claims, consent and opt-out checks,
 * rendering, marking sent — measured in the same run as a bare nodemailer loop sending the same
 * number of similar messages to the same sink, with the same number of SMTP connections (the
 * target), and as a second reference a bare loop of messages composed as MIME text by the same
 * code as the campaign's (`compose-message.ts`) and handed to nodemailer as `raw`. Then
 * senders are killed with SIGKILL at random points of a smaller campaign and restarted; the ledger
 * and the sink are checked for misses and repeats. Writes docs/PERFORMANCE.md (section outreach).
 *
 * BENCH_OUTREACH_N (default 100000), BENCH_OUTREACH_RESUME_N (default 10000),
 * BENCH_OUTREACH_CONNECTIONS (default 8), BENCH_OUTREACH_CHUNK (default 2000: the bare loops and
 * the campaign path alternate in chunks of this size, so all see the same machine load),
 * BENCH_OUTREACH_KILLS (default 3: senders killed in the resumption run). DATABASE_URL: PostgreSQL
 * instead of embedded PGlite (section outreach-postgres). Exits 1 on any repeated or missed recipient.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfig } from '../src/modules/platform/config/config';
import { withInstallationSecret } from '../src/modules/platform/config/installation-secret';
import {
  createPglite,
  migrateDatabase,
  openDatabase,
  type Database,
} from '../src/modules/platform/db/client';
import { IN_DOUBT_PER_CONNECTION, sendCampaign } from '../src/modules/outreach/send-campaign';
import { createComposer } from '../src/modules/outreach/compose-message';
import { seedSendingCampaign } from '../tests/support/outreach-fixture';
import { startSmtpSink } from '../tests/support/smtp-sink';
import { writeSection } from './report';

const N = Number(process.env.BENCH_OUTREACH_N ?? 100_000);
const RESUME_N = Number(process.env.BENCH_OUTREACH_RESUME_N ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_OUTREACH_CONNECTIONS ?? 8);
const CHUNK = Number(process.env.BENCH_OUTREACH_CHUNK ?? 2_000);
/** Messages in doubt at a crash, at most (ADR 0014): per connection, times the connections. */
const IN_DOUBT_BOUND = CONNECTIONS * IN_DOUBT_PER_CONNECTION;
const KILLS = Number(process.env.BENCH_OUTREACH_KILLS ?? 3);
const SECTION =
  process.env.BENCH_OUTREACH_SECTION ?? (process.env.DATABASE_URL ? 'outreach-postgres' : 'outreach');
const loadAvg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
const loadBefore = loadAvg();
const loadAfter = loadAvg;
const pgUrl = process.env.DATABASE_URL || undefined;

const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

function duplicates(received: { to: string[] }[]) {
  const seen = new Map<string, number>();
  for (const m of received) seen.set(m.to[0]!, (seen.get(m.to[0]!) ?? 0) + 1);
  return { unique: seen.size, repeated: [...seen.values()].filter((n) => n > 1).length };
}

/**
 * `count` messages through a bare pooled nodemailer transport, addresses bare<from+1>…; with `raw`,
 * composed as MIME text first (addresses raw<from+1>…), as the campaign path does.
 */
async function bareLoop(port: number, from: number, count: number, raw = false): Promise<number> {
  const composer = createComposer('Difusión <difusion@iecm.test>')!;
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
    tls: { rejectUnauthorized: false },
  });
  let next = from;
  const last = from + count;
  const started = performance.now();
  const worker = async () => {
    while (next < last) {
      const i = ++next;
      if (raw) {
        const to = `raw${i}@ejemplo.test`;
        await transport.sendMail({
          envelope: { from: composer.envelopeFrom, to: [to] },
          raw: composer.compose({
            to,
            subject: `Invitación para Persona ${i}`,
            text: `Hola Persona ${i}: le invitamos a formar parte de la Red de Observación del IECM. http://vincula.test/baja/x${i}`,
            html: `<p>Hola Persona ${i}:</p><p>Le invitamos a formar parte de la <b>Red de Observación</b>.</p>`,
            messageId: `<bare.${i}@vincula.test>`,
            headers: [],
          })!,
        });
        continue;
      }
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
      'truncate outreach_ledger, outreach_campaign_base, outreach_campaign, outreach_consent, outreach_membership, outreach_opt_out, outreach_manual_contact, outreach_arco_request, outreach_contact, outreach_base, outreach_send_pace cascade',
    );
    // An earlier run's organizations (the benchmark may run twice on one server).
    await db.query("delete from organization where acronym in ('BENCH', 'RESUME')");
    return db;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  const db = await openDatabase(dataDir ? { dataDir } : { pglite: await createPglite() });
  await migrateDatabase(db);
  return db;
}

async function main() {
  const sink = await startSmtpSink({ keepRaw: false });
  const fromEnv = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_FROM: 'Difusión <difusion@iecm.test>',
    VINCULA_PUBLIC_URL: 'http://vincula.test',
  });

  // 1 + 2. The bare loop and the campaign path, interleaved in chunks (CHUNK bare, CHUNK campaign,
  // …): on a shared machine both see the same load over the run.
  const database = await freshDatabase();
  const config = await withInstallationSecret(fromEnv, database);
  const seedStart = performance.now();
  const { campaignId } = await seedSendingCampaign(database.db, { recipients: N, label: 'BENCH' });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`seeded ${N} recipients and the ledger in ${seedSeconds.toFixed(1)} s`);
  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  let bareSeconds = 0;
  let rawSeconds = 0;
  let campaignSeconds = 0;
  let campaignSent = 0;
  let commits = 0;
  const commitMs: number[] = [];
  const chunkRatios: number[] = [];
  for (let done = 0; done < N; done += CHUNK) {
    const k = Math.min(CHUNK, N - done);
    const b = await bareLoop(sink.port, done, k);
    bareSeconds += b;
    rawSeconds += await bareLoop(sink.port, done, k, true);
    const started = performance.now();
    let sent = 0;
    const outcome = await sendCampaign(database.db, config, campaignId, {
      concurrency: CONNECTIONS,
      maxRunMs: 3_600_000,
      maxMessages: k,
      onFlush: (n) => (sent = n),
      onCommit: (rows, ms) => {
        commits++;
        commitMs.push(ms);
      },
    });
    const c = (performance.now() - started) / 1000;
    campaignSeconds += c;
    campaignSent += sent;
    chunkRatios.push(sent / c / (k / b));
    console.log(
      `chunk ${done / CHUNK + 1}: bare ${(k / b).toFixed(0)}/s, campaign ${(sent / c).toFixed(0)}/s (${sent}, ${outcome.kind})`,
    );
  }
  const bareRate = N / bareSeconds;
  const rawRate = N / rawSeconds;
  const campaignRate = campaignSent / campaignSeconds;
  const ofBare = (prefix: string) => sink.received.filter((m) => m.to[0]!.startsWith(prefix));
  const bare = duplicates(ofBare('bare'));
  const rawDup = duplicates(ofBare('raw'));
  const campaignDup = duplicates(ofBare('persona'));
  const [ledgerRow] = await database.query<{ sent: number; other: number }>(
    "select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other from outreach_ledger where campaign_id = $1",
    [campaignId],
  );
  console.log(
    `bare ${bareRate.toFixed(0)}/s; raw ${rawRate.toFixed(0)}/s; campaign ${campaignSent} in ${campaignSeconds.toFixed(1)} s = ${campaignRate.toFixed(0)}/s; ledger sent ${ledgerRow!.sent}`,
  );
  await database.close();
  const peak = peakRss;
  sink.received.length = 0;
  commitMs.sort((x, y) => x - y);
  const pct = (q: number) => commitMs[Math.min(commitMs.length - 1, Math.floor(q * commitMs.length))] ?? 0;
  chunkRatios.sort((x, y) => x - y);

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
  // KILLS times: a sender is killed with SIGKILL at a random point and another one started. After
  // each kill, before the restart, the rows the dead sender left `sending` that the sink already
  // has are the messages in doubt (accepted by the server, "sent" not committed): exactly these,
  // and nothing else, may be repeated.
  const killedAfter: number[] = [];
  const inDoubt = new Set<string>();
  const inDoubtPerKill: number[] = [];
  let from = 0;
  let code: number | null = null;
  for (let kill = 0; kill <= KILLS; kill++) {
    const child = run();
    child.stdout!.resume();
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    if (kill === KILLS) {
      code = await exited;
      break;
    }
    const left = RESUME_N - from;
    const killAt = from + Math.floor(left * (0.1 + Math.random() * 0.5) * (1 / (KILLS - kill)));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (sink.received.length >= killAt) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    // A random moment, not the instant a message was accepted.
    await new Promise((r) => setTimeout(r, Math.random() * 100));
    child.kill('SIGKILL');
    await exited;
    from = sink.received.length;
    killedAfter.push(from);
    const look = pgUrl ? resumeDb : await openDatabase({ dataDir: dir });
    const held = await look.query<{ email: string }>(
      "select email from outreach_ledger where campaign_id = $1 and status = 'sending'",
      [resume.campaignId],
    );
    if (!pgUrl) await look.close();
    const atSink = new Set(sink.received.map((m) => m.to[0]!));
    // Rows an earlier dead sender left in doubt and nobody has claimed again since count at that kill.
    const doubtful = held.filter((h) => atSink.has(h.email) && !inDoubt.has(h.email));
    inDoubtPerKill.push(doubtful.length);
    for (const h of doubtful) inDoubt.add(h.email);
  }
  const receivedAtKill = killedAfter.join(', ');
  const check = pgUrl ? resumeDb : await openDatabase({ dataDir: dir });
  const statuses = await check.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from outreach_ledger where campaign_id = $1 group by status order by status',
    [resume.campaignId],
  );
  await check.close();
  const resumeDup = duplicates(sink.received);
  const repeatedSet = new Set<string>();
  const counted = new Map<string, number>();
  for (const m of sink.received) counted.set(m.to[0]!, (counted.get(m.to[0]!) ?? 0) + 1);
  for (const [to, n] of counted) if (n > 1) repeatedSet.add(to);
  const onlyInDoubt = repeatedSet.size === inDoubt.size && [...repeatedSet].every((to) => inDoubt.has(to));
  const withinBound = inDoubtPerKill.every((n) => n <= IN_DOUBT_BOUND);
  const resumeSent = statuses.find((s) => s.status === 'sent')?.n ?? 0;
  console.log(
    `resume: killed after ${receivedAtKill}; exit ${code}; ledger ${JSON.stringify(statuses)}; sink unique ${resumeDup.unique}, repeated ${resumeDup.repeated}`,
  );
  if (!pgUrl) fs.rmSync(dir, { recursive: true, force: true });
  await sink.close();
  clearInterval(sampler);

  const ratio = campaignRate / bareRate;
  const repeats = campaignDup.repeated;
  const missed = resumeSent !== RESUME_N || resumeDup.unique !== RESUME_N || campaignDup.unique !== N;
  const db = pgUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : 'embedded PGlite (in memory for the throughput run, a data folder for resumption)';
  const avgRows = campaignSent / Math.max(1, commits);
  writeSection(
    SECTION,
    [
      `${N.toLocaleString('en-US')} recipients, ${CONNECTIONS} SMTP connections, local smtp-server sink on loopback; database: ${db}.`,
      `The three loops ran interleaved in chunks of ${CHUNK.toLocaleString('en-US')} (bare, bare raw, campaign, bare, …) so all saw the same machine load;`,
      `load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter()}.`,
      'Campaign path: ledger rows claimed in batches of 500 (`FOR UPDATE SKIP LOCKED`) with consent, opt-out and address validity checked in the claim,',
      'subject/text/HTML rendered with the unsubscribe link, `List-Unsubscribe` headers, composed as MIME text (`compose-message.ts`), paced on the shared organization timeline,',
      `each row committed as sent right after the server's 250 (grouped with the other answers read in the same turn of the event loop); a connection sends its next message only after that commit: at most ${IN_DOUBT_PER_CONNECTION} message per connection, ${IN_DOUBT_BOUND} in all, in doubt at a crash.`,
      '',
      '| Measure | Result |',
      '| --- | --- |',
      `| Bare nodemailer loop (message objects, nodemailer composes them) | ${bareRate.toFixed(0)} messages/s (${bareSeconds.toFixed(1)} s; ${bare.unique} recipients, ${bare.repeated} repeated) |`,
      `| Bare nodemailer loop, messages composed as MIME text (\`raw\`, same composer as the campaign) | ${rawRate.toFixed(0)} messages/s (${rawSeconds.toFixed(1)} s; ${rawDup.unique} recipients, ${rawDup.repeated} repeated) |`,
      `| Campaign path | ${campaignRate.toFixed(0)} messages/s (${campaignSeconds.toFixed(1)} s) — **${(ratio * 100).toFixed(0)} %** of the bare loop (target ≥ 80 %; per chunk ${(chunkRatios[0]! * 100).toFixed(0)}–${(chunkRatios[chunkRatios.length - 1]! * 100).toFixed(0)} %); ${((campaignRate / rawRate) * 100).toFixed(0)} % of the raw bare loop |`,
      `| Commits of "sent" after the 250 | ${commits.toLocaleString('en-US')} UPDATE statements for ${campaignSent.toLocaleString('en-US')} rows (${avgRows.toFixed(2)} rows each); duration p50 ${pct(0.5).toFixed(2)} ms, p99 ${pct(0.99).toFixed(2)} ms, max ${pct(1).toFixed(1)} ms |`,
      `| Duplicates (campaign) | ${campaignDup.repeated} repeated recipients; ${campaignDup.unique} distinct of ${N}; ledger: ${ledgerRow!.sent} sent, ${ledgerRow!.other} other |`,
      `| Peak resident memory (benchmark process: sender, database, sink) | ${mib(peak)} MiB (${mib(rssBefore)} MiB before sending) |`,
      `| Seeding ${N.toLocaleString('en-US')} contacts, consents and ledger rows | ${seedSeconds.toFixed(1)} s |`,
      `| Resumption: ${RESUME_N.toLocaleString('en-US')} recipients, ${KILLS} senders killed (SIGKILL) at random points, after ${receivedAtKill} messages received | last restart exit ${code}; ledger ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}; ${resumeDup.unique} of ${RESUME_N} recipients reached (${missed ? 'MISSED SOME' : 'none missed'}); **${resumeDup.repeated} repeated**; in doubt at the kills (left \`sending\` by the dead sender but already at the sink): ${inDoubtPerKill.join(', ')} (bound ${IN_DOUBT_BOUND} per kill: ${withinBound ? 'held' : 'EXCEEDED'}) — the repeats are ${onlyInDoubt ? 'exactly these' : 'NOT exactly these'} |`,
    ].join('\n'),
  );
  if (repeats || missed || !onlyInDoubt || !withinBound || rawDup.repeated || bare.repeated) {
    console.error(
      `FAILED: ${repeats} repeated in the throughput run, missed: ${missed}, repeats only the in-doubt ones: ${onlyInDoubt}, in doubt per kill ${inDoubtPerKill.join(', ')} (bound ${IN_DOUBT_BOUND})`,
    );
    process.exit(1);
  }
  process.exit(0);
}

void main();
