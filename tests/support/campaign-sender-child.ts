// A campaign sender in its own process, for the interrupted-campaign test and the benchmark:
// runs sendCampaign (as the job would) until the campaign is done, printing "flushed N" after each
// ledger flush. Killed with SIGKILL by the parent at will.
import { loadConfig } from '../../src/modules/platform/config/config';
import { withInstallationSecret } from '../../src/modules/platform/config/installation-secret';
import { openDatabase } from '../../src/modules/platform/db/client';
import { sendCampaign } from '../../src/modules/outreach/send-campaign';

const env = process.env;
const database = await openDatabase(
  env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.VINCULA_DATA_DIR! },
);
const config = await withInstallationSecret(
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    VINCULA_DATA_DIR: env.VINCULA_DATA_DIR ?? '.tmp/unused',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: env.SMTP_PORT!,
    SMTP_FROM: 'Difusión <difusion@iecm.test>',
    VINCULA_PUBLIC_URL: 'http://vincula.test',
  }),
  database,
);
let total = 0;
for (;;) {
  const outcome = await sendCampaign(database.db, config, env.CAMPAIGN_ID!, {
    leaseSeconds: Number(env.LEASE_SECONDS ?? 120),
    concurrency: Number(env.CONCURRENCY ?? 8),
    batchSize: Number(env.BATCH_SIZE ?? 500),
    onFlush: (n) => process.stdout.write(`flushed ${total + n}\n`),
  });
  const [row] = await database.query<{ n: number }>(
    "select count(*)::int as n from outreach_ledger where campaign_id = $1 and status = 'sent'",
    [env.CAMPAIGN_ID],
  );
  total = Number(row?.n ?? 0);
  if (outcome.kind !== 'again') break;
  await new Promise((r) => setTimeout(r, Math.max(50, outcome.at.getTime() - Date.now() + 50)));
}
process.stdout.write('done\n');
await database.close();
process.exit(0);
