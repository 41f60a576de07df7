import PgBoss from 'pg-boss';
import type { Database, Db } from '../db/client';

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

/**
 * pg-boss connection options that run its statements inside the drizzle transaction `tx`: a job sent
 * with them exists only if the transaction commits (an outbox without a second table).
 */
export function withinTransaction(tx: Db): {
  db: { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };
} {
  const { client } = (
    tx as unknown as {
      session: { client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } };
    }
  ).session;
  return { db: { executeSql: (text, values) => client.query(text, values) } };
}
