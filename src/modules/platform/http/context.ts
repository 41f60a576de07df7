import type { Auth } from '../../accounts/auth';
import type { Config } from '../config/config';
import type { Database } from '../db/client';
import type { JobQueue } from '../jobs/job-queue';
import type { Mailer } from '../mail/mailer';

/** What every route and service may use: nothing here is per-request or per-instance state. */
export type AppContext = {
  config: Config;
  database: Database;
  auth: Auth;
  /** Durable jobs; started (workers running) only by `vincula serve` and tests that need them. */
  jobs: JobQueue;
  mailer: Mailer;
};
