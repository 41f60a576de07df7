import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { loadConfig } from '../../src/modules/platform/config/config';
import { withInstallationSecret } from '../../src/modules/platform/config/installation-secret';
import { createPglite, openDatabase, type Database } from '../../src/modules/platform/db/client';
import { createContext } from '../../src/server/runtime';
import { demoDumpPath, demoTemplateName, withDatabase } from './global-setup';

export type FreshDatabase = Database & { dropCopy: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: a copy of the run's template. With `demo`, a copy
 * of the same template after `vincula demo` — seeded once per run by the first file that asks, so
 * the browser tests do not each spend the seeding time.
 */
export async function freshDatabase(options: { demo?: boolean } = {}): Promise<FreshDatabase> {
  const target = inject('database');
  if (target.kind === 'pglite') {
    const dumpFile = options.demo ? await pgliteDemoDump(target.dump) : target.dump;
    const dump = new Blob([fs.readFileSync(dumpFile)]);
    const database = await openDatabase({ pglite: await createPglite(undefined, dump) });
    return Object.assign(database, { dropCopy: async () => undefined });
  }
  const template = options.demo ? await postgresDemoTemplate(target.url, target.template) : target.template;
  return copyPostgresTemplate(target.url, template);
}

/**
 * A demo installation for a `vincula` child process, made from the run's demo template instead of
 * seeding it again (about half a minute a time): a data folder holding it, or a new database on the
 * test server. `drop` removes the database (a data folder goes with its temporary directory).
 */
export async function demoInstallation(
  name: string,
  tmpDir: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const target = inject('database');
  if (target.kind === 'pglite') {
    const dataDir = path.join(tmpDir, name);
    const dump = new Blob([fs.readFileSync(await pgliteDemoDump(target.dump))]);
    const pglite = await createPglite(dataDir, dump);
    await pglite.close();
    return { env: { VINCULA_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => undefined };
  }
  const copy = await copyPostgresTemplate(
    target.url,
    await postgresDemoTemplate(target.url, target.template),
  );
  const url = copy.url!;
  await copy.close();
  return { env: { DATABASE_URL: url }, drop: copy.dropCopy };
}

async function copyPostgresTemplate(url: string, template: string): Promise<FreshDatabase> {
  const name = `vincula_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await createFromTemplate(admin, name, template);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
  return Object.assign(database, {
    dropCopy: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  });
}

/** Two copies of one template cannot start at the same instant; retry briefly when they collide. */
async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

async function seed(database: Database): Promise<void> {
  const config = await withInstallationSecret(
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database,
  );
  await seedDemo(createContext(config, database));
}

/** The demo dump of this run, built under a lock directory by whichever worker gets there first. */
async function pgliteDemoDump(templateDump: string): Promise<string> {
  const file = demoDumpPath(templateDump);
  const lock = `${file}.lock`;
  const deadline = Date.now() + 15 * 60_000;
  while (!fs.existsSync(file)) {
    let owner = false;
    try {
      fs.mkdirSync(lock);
      owner = true;
    } catch {
      if (Date.now() > deadline) throw new Error(`Nadie terminó de preparar ${file} (¿quedó ${lock}?)`);
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (fs.existsSync(file)) break;
      const pglite = await createPglite(undefined, new Blob([fs.readFileSync(templateDump)]));
      const database = await openDatabase({ pglite });
      await seed(database);
      const dump = await pglite.dumpDataDir('gzip');
      await database.close();
      // Written aside and renamed, so that nobody reads half a file.
      fs.writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(`${file}.partial`, file);
    } finally {
      if (owner) fs.rmdirSync(lock);
    }
  }
  return file;
}

/** The demo template database of this run; an advisory lock makes one worker build it. */
async function postgresDemoTemplate(url: string, template: string): Promise<string> {
  const name = demoTemplateName(template);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      // Built under another name and renamed when complete: a crash leaves no half-seeded template.
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await createFromTemplate(admin, building, template);
      const database = await openDatabase({ databaseUrl: withDatabase(url, building) });
      try {
        await seed(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
    }
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
  } finally {
    await admin.end();
  }
  return name;
}
