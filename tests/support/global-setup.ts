import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createPglite, migrateDatabase, openDatabase } from '../../src/modules/platform/db/client';

/**
 * Migrates a template database once per run; every test file then works on its own copy (see
 * test-database.ts). PGlite: a dump of the migrated data folder. PostgreSQL (DATABASE_URL): a
 * template database on the server, copied with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `vincula_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, template) });
    await migrateDatabase(database);
    await database.close();
    project.provide('database', { kind: 'postgres', url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`).catch(() => undefined);
      await admin
        .query(`drop database if exists ${demoTemplateName(template)} with (force)`)
        .catch(() => undefined);
      await admin.end();
    };
  }
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar.gz`);
  const pglite = await createPglite();
  const database = await openDatabase({ pglite });
  await migrateDatabase(database);
  const dump = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('database', { kind: 'pglite', dump: file });
  return () => {
    fs.rmSync(file, { force: true });
    fs.rmSync(demoDumpPath(file), { force: true });
  };
}

/** Where the run's demo-seeded copy of the template lives (built on first use: test-database.ts). */
export const demoDumpPath = (templateDump: string) => templateDump.replace(/\.tar\.gz$/, '-demo.tar.gz');
export const demoTemplateName = (template: string) => `${template}_demo`;

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    database: { kind: 'pglite'; dump: string } | { kind: 'postgres'; url: string; template: string };
  }
}
