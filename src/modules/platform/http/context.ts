import type { Config } from '../config/config';
import type { Database } from '../db/client';
import type { JobQueue } from '../jobs/job-queue';
import type { Mailer } from '../mail/mailer';

/**
 * Services a domain module adds to the context, by declaration merging (accounts adds `auth`), so
 * the platform names no module; the composition root (`src/server/runtime.ts`) builds them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleServices {}

/** What every route and service may use: nothing here is per-request or per-instance state. */
export type AppContext = ModuleServices & {
  config: Config;
  database: Database;
  /** Durable jobs; started (workers running) only by `vincula serve` and tests that need them. */
  jobs: JobQueue;
  mailer: Mailer;
};
