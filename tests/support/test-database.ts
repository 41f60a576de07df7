import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createPglite, openDatabase, type Database } from '../../src/modules/platform/db/client';
import { withDatabase } from './global-setup';

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function freshDatabase(): Promise<Database & { dropCopy: () => Promise<void> }> {
  const target = inject('database');
  if (target.kind === 'pglite') {
    const dump = new Blob([fs.readFileSync(target.dump)]);
    const database = await openDatabase({ pglite: await createPglite(undefined, dump) });
    return Object.assign(database, { dropCopy: async () => undefined });
  }
  const name = `vincula_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  // Two copies of one template cannot start at the same instant; retry briefly when they collide.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${target.template}`);
      break;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(target.url, name) });
  return Object.assign(database, {
    dropCopy: async () => {
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  });
}
