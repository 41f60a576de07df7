import pino from 'pino';
import { createAuth } from '../modules/accounts/auth';
import { issueSetupLink } from '../modules/accounts/issue-setup-link';
import { resetLinkMailer } from '../modules/accounts/password-reset-mail';
import { registerPasswordResetJobs } from '../modules/accounts/request-password-reset';
import { existingAreaIds } from '../modules/directory';
import type { Config } from '../modules/platform/config/config';
import { migrateDatabase, openDatabase, type Database } from '../modules/platform/db/client';
import type { AppContext } from '../modules/platform/http/context';
import { noProgress, type Progress } from '../modules/platform/progress';
import { createJobQueue } from '../modules/platform/jobs/job-queue';
import { createMailer } from '../modules/platform/mail/mailer';
import { registerMailWorker } from '../modules/platform/mail/send-mail-job';
import { registerChannelJobs } from '../modules/channel/jobs';
import { registerAgreementsJobs } from '../modules/agreements/jobs';
import { registerChannelReminderJobs } from '../modules/channel/reminder-jobs';
import { registerOutreachJobs } from '../modules/outreach/jobs';
import { registerObserverJobs } from '../modules/outreach/observers/jobs';
import { registerChannelReportJobs } from '../modules/channel/report-jobs';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite) and migrates it. */
export async function openConfiguredDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  progress: Progress = noProgress,
): Promise<Database> {
  progress(
    config.databaseUrl ? 'Conectando con PostgreSQL…' : `Abriendo la base de datos en ${config.dataDir}…`,
  );
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const before = await appliedMigrations(database);
  progress('Aplicando migraciones…');
  await migrateDatabase(database);
  const after = await appliedMigrations(database);
  progress(
    after === before
      ? `Base de datos al día (${after} migraciones).`
      : `Migraciones aplicadas: ${after - before} nuevas, ${after} en total.`,
  );
  return database;
}

/** How many migrations the database records as applied (0 before the first). */
async function appliedMigrations(database: Database): Promise<number> {
  try {
    const [row] = await database.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    return row?.n ?? 0;
  } catch {
    return 0;
  }
}

export function createContext(config: Config, database: Database): AppContext {
  const logger = pino({ level: config.logLevel });
  const jobs = createJobQueue(database);
  return {
    config,
    database,
    auth: createAuth(database.db, config, resetLinkMailer(jobs, config.publicUrl)),
    areaIdsOf: existingAreaIds,
    jobs,
    mailer: createMailer(config, (msg, data) => logger.warn(data, msg)),
  };
}

/** Starts the job queue and every module's workers (each app instance runs its share). */
export async function startBackgroundWork(ctx: AppContext): Promise<void> {
  await ctx.jobs.start();
  await registerMailWorker(ctx.jobs, ctx.mailer);
  await registerPasswordResetJobs(ctx.jobs, { db: ctx.database.db, auth: ctx.auth });
  await registerChannelJobs(ctx.jobs, ctx.database.db);
  await registerAgreementsJobs(ctx.jobs, ctx.database.db, ctx.config.publicUrl);
  await registerChannelReminderJobs(ctx.jobs, ctx.database.db, ctx.config);
  await registerOutreachJobs(ctx.jobs, ctx.database.db, ctx.config);
  await registerObserverJobs(ctx.jobs, ctx.database.db, ctx.mailer, ctx.config);
  await registerChannelReportJobs(ctx.jobs, ctx.database.db, ctx.mailer);
}

export async function stopBackgroundWork(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop({ graceful: true, wait: true, timeout: 10_000 });
}

/**
 * On an installation without an operator, a new one-time setup link, written once to the log (the
 * caller prints it too); null once an operator exists.
 */
export async function announceSetupLink(
  ctx: AppContext,
  log: { warn: (data: object, msg: string) => void },
): Promise<string | null> {
  const link = await issueSetupLink(ctx.database.db, ctx.config.publicUrl);
  if (link) log.warn({ setupLink: link }, 'Vincula has no operator yet: open the setup link to create one');
  return link;
}
