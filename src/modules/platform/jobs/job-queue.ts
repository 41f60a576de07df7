import PgBoss from 'pg-boss';
import type { Database } from '../db/client';

/**
 * The durable job queue (pg-boss), kept in the same database as the records — PGlite or
 * PostgreSQL — in its own schema. Jobs survive restarts; several app instances share the work
 * (each job is fetched by one worker with SKIP LOCKED). Queues are created by the modules that
 * use them.
 */
export type JobQueue = PgBoss;

export function createJobQueue(database: Database): JobQueue {
  return new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Finished jobs are kept a week for inspection.
    deleteAfterDays: 7,
  });
}
