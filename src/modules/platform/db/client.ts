import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
/**
 * A database handle or an open transaction: both run queries the same way. Queries name their tables
 * (the query builder, not Drizzle's relational `db.query`), so the handle needs no schema and the
 * platform names no module's tables; the table index for migrations is `src/server/schema.ts`.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  kind: 'pglite' | 'postgres';
  /** The connection string, for PostgreSQL. */
  url?: string;
  db: Db;
  /** Runs raw SQL with parameters and returns rows (one statement). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs raw SQL; without parameters it may hold several statements (the job queue's adapter). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../drizzle',
);

// A SQL date is a calendar day, not an instant: keep it as "YYYY-MM-DD" (type 1082 = date).
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

export type DatabaseTarget = { databaseUrl: string } | { dataDir: string } | { pglite: PGlite };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // An idle connection dropped by the server is discarded by the pool; the next query reconnects.
    pool.on('error', () => undefined);
    const db = drizzleNodePg(pool, { casing: 'snake_case' }) as unknown as Db;
    return {
      kind: 'postgres',
      url: target.databaseUrl,
      db,
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      executeSql: async (text, values) => pool.query(text, values?.length ? values : undefined),
      close: () => pool.end(),
    };
  }
  // A data folder is this process's alone until closed (see data-dir-lock.ts).
  const lock = 'dataDir' in target ? lockDataDir(target.dataDir) : undefined;
  let client: PGlite;
  try {
    client = 'pglite' in target ? target.pglite : await createPglite(target.dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    executeSql: async (text, values) => {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export async function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { unaccent, pg_trgm },
    parsers: { [DATE_OID]: (v: string) => v },
  });
}

// Several app instances may start at once against one PostgreSQL; one migrates, the others wait.
const MIGRATION_LOCK = 724_310_001;

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, config);
    return;
  }
  const lock = new pg.Client({ connectionString: databaseUrlOf(database) });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePg(database.db as never, config);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

function databaseUrlOf(database: Database): string {
  if (!database.url) throw new Error('PostgreSQL database without a connection string');
  return database.url;
}
