/**
 * Does the answer to "¿Olvidó su contraseña?" tell whether an account exists? (issue 17, ADR 0027)
 * Through the real HTTP server, with the job queue and the mail worker running in the same process
 * (as in production: the work the request queues competes for the same CPU), N requests for
 * existing active accounts (each a different one, so every request issues and mails a link) and N
 * for addresses without an account, interleaved so both see the same load. Reports each side's
 * median and 90th percentile, the difference of medians, and the load average before and after.
 * Writes docs/PERFORMANCE.md (section password-reset).
 *
 * BENCH_RESET_N (default 200). Exits 1 when the difference of medians reaches 10 ms.
 */
import fs from 'node:fs';
import { hashPassword } from 'better-auth/crypto';
import { createOrganization } from '../src/modules/accounts/create-organization';
import { insertUser } from '../src/modules/accounts/repository';
import { loadConfig } from '../src/modules/platform/config/config';
import { withInstallationSecret } from '../src/modules/platform/config/installation-secret';
import { createPglite, migrateDatabase, openDatabase } from '../src/modules/platform/db/client';
import { buildApp } from '../src/server/app';
import { createContext, startBackgroundWork, stopBackgroundWork } from '../src/server/runtime';
import { startSmtpSink } from '../tests/support/smtp-sink';
import { writeSection } from './report';

const N = Number(process.env.BENCH_RESET_N ?? 200);
const THRESHOLD_MS = 10;
const loadAvg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)]!;

async function main() {
  const sink = await startSmtpSink({ keepRaw: false });
  const database = await openDatabase({ pglite: await createPglite() });
  await migrateDatabase(database);
  const fromEnv = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    VINCULA_DATA_DIR: '.tmp/unused',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
  });
  const ctx = createContext(await withInstallationSecret(fromEnv, database), database);
  const server = await buildApp(ctx, { logger: { level: 'silent' } });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const app = { ctx, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  await startBackgroundWork(ctx);
  const org = await createOrganization(
    database.db,
    { userId: null, label: 'bench', organizationId: null },
    { name: 'Organismo de medición', acronym: 'BENCH', kind: 'local_body' },
  );
  const hash = await hashPassword('una frase que nadie sabe');
  const existing: string[] = [];
  for (let i = 0; i < N; i++) {
    const email = `persona${i}@bench.test`;
    await insertUser(app.ctx.database.db, {
      id: crypto.randomUUID(),
      organizationId: org.id,
      name: `Persona ${i}`,
      email,
      roles: ['area_staff'],
      passwordHash: hash,
    });
    existing.push(email);
  }
  const missing = existing.map((_, i) => `nadie${i}@bench.test`);

  const ask = async (email: string) => {
    const started = performance.now();
    const res = await fetch(`${app.url}/api/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ email }),
    });
    await res.text();
    if (res.status !== 204) throw new Error(`${email}: ${res.status}`);
    return performance.now() - started;
  };

  // Warm-up: the first requests compile and prepare what every later one reuses.
  for (let i = 0; i < 10; i++) await ask(`calentamiento${i}@bench.test`);

  const loadBefore = loadAvg();
  const times = { existing: [] as number[], missing: [] as number[] };
  for (let i = 0; i < N; i++) {
    // Alternate which side goes first so neither always follows the other's queued work.
    const pair: ['existing' | 'missing', string][] =
      i % 2 === 0
        ? [
            ['existing', existing[i]!],
            ['missing', missing[i]!],
          ]
        : [
            ['missing', missing[i]!],
            ['existing', existing[i]!],
          ];
    for (const [side, email] of pair) times[side].push(await ask(email));
  }
  const loadAfter = loadAvg();
  // Every existing account got its link: the requests did the work they claim to hide.
  const deadline = Date.now() + 120_000;
  while (sink.received.length < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

  const med = { existing: quantile(times.existing, 0.5), missing: quantile(times.missing, 0.5) };
  const p90 = { existing: quantile(times.existing, 0.9), missing: quantile(times.missing, 0.9) };
  const difference = Math.abs(med.existing - med.missing);
  const body = [
    `${N} requests for existing active accounts (each a different one) and ${N} for addresses without an`,
    'account, interleaved, through the HTTP server with the job queue and mail worker running in the same',
    `process; ${sink.received.length} of ${N} links had reached the SMTP sink two minutes after the last`,
    'request (the rest still queued: the worker takes one reset job at a time, after the answers).',
    '',
    '| Address | Median | 90th percentile |',
    '| --- | --- | --- |',
    `| Existing account | ${med.existing.toFixed(2)} ms | ${p90.existing.toFixed(2)} ms |`,
    `| No account | ${med.missing.toFixed(2)} ms | ${p90.missing.toFixed(2)} ms |`,
    '',
    `Difference of medians: **${difference.toFixed(2)} ms** (threshold ${THRESHOLD_MS} ms). Load average`,
    `before: ${loadBefore}; after: ${loadAfter}.`,
  ].join('\n');
  console.log(body);
  writeSection('password-reset', body);

  await stopBackgroundWork(ctx);
  await server.close();
  await database.close();
  await sink.close();
  if (difference >= THRESHOLD_MS) process.exit(1);
}

await main();
