import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/modules/platform/db/client';
import { withDatabase } from '../support/global-setup';
import { demoInstallation } from '../support/test-database';

/**
 * The `vincula` command as an operator runs it, in a child process, on an embedded data folder
 * (or, in the PostgreSQL run, on empty databases of the test server).
 */
const run = promisify(execFile);
const bin = path.resolve('bin/vincula.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-cli-'));
const target = inject('database');
const created: string[] = [];
const dropAfter: (() => Promise<void>)[] = [];

/** An empty place for an installation: a data folder, or a new database on the server. */
async function emptyInstallation(name: string): Promise<Record<string, string>> {
  if (target.kind === 'pglite') return { VINCULA_DATA_DIR: path.join(tmp, name), DATABASE_URL: '' };
  const db = `vincula_cli_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`drop database if exists ${db} with (force)`);
  await admin.query(`create database ${db}`);
  await admin.end();
  created.push(db);
  return { DATABASE_URL: withDatabase(target.url, db) };
}

async function vincula(env: Record<string, string>, ...args: string[]) {
  const cleanEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env };
  if (!cleanEnv.DATABASE_URL) delete cleanEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: cleanEnv,
      timeout: 600_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** `vincula` with `input` piped to its standard input (not a terminal: the password is read from it). */
function vinculaWithInput(env: Record<string, string>, input: string, ...args: string[]) {
  const cleanEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env };
  if (!cleanEnv.DATABASE_URL) delete cleanEnv.DATABASE_URL;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function withDb<T>(
  env: Record<string, string>,
  work: (q: (sql: string) => Promise<unknown[]>) => Promise<T>,
) {
  const database = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.VINCULA_DATA_DIR! },
  );
  try {
    return await work((sql) => database.query(sql));
  } finally {
    await database.close();
  }
}

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const drop of dropAfter) await drop();
  if (target.kind === 'postgres') {
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    for (const db of created) await admin.query(`drop database if exists ${db} with (force)`);
    await admin.end();
  }
});

// Each step starts a process that boots the database and, for demo, seeds every module.
describe('vincula CLI', { timeout: 300_000 }, () => {
  it('demo is idempotent, audit verify passes, and detects tampering', async () => {
    const env = await emptyInstallation('demo');
    const first = await vincula(env, 'demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('7 usuarios nuevos');
    // The steps are reported as they run, the long ones with counts.
    const lines = first.stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Aplicando migraciones…',
        expect.stringMatching(/^Migraciones aplicadas: (\d+) nuevas, \1 en total\.$/),
        'Creando datos de demostración: directorio…',
        expect.stringMatching(/^Creando datos de demostración: canal \d{3} folios…$/),
        expect.stringMatching(/^Creando datos de demostración: canal 100 de \d{3} folios…$/),
      ]),
    );
    const second = await vincula(env, 'demo');
    expect(second.stdout).toContain('0 usuarios nuevos');
    expect(second.stdout).toMatch(/^Base de datos al día \(\d+ migraciones\)\.$/m);
    const counts = await withDb(env, (q) =>
      q('select (select count(*) from person)::int as people, (select count(*) from area)::int as areas'),
    );
    // The directory demo's 18 people and the 2 guests the program demo names.
    expect(counts).toEqual([{ people: 20, areas: 15 }]);

    const ok = await vincula(env, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Bitácora íntegra: \d+ entradas/);

    await withDb(env, async (q) => {
      await q('alter table audit_entry disable trigger audit_entry_no_update');
      await q(`update audit_entry set actor_label = 'nadie' where seq = 5`);
      await q('alter table audit_entry enable trigger audit_entry_no_update');
    });
    const tampered = await vincula(env, 'audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('entrada 5: hash_mismatch');
  });

  it('backs up one installation and restores it into an empty one', async () => {
    // The demo installation comes from the run's demo template: seeding is the test above's subject.
    const demo = await demoInstallation('source', tmp);
    dropAfter.push(demo.drop);
    const source = demo.env;
    const file = path.join(tmp, 'respaldo.vincula');
    const backup = await vincula(source, 'backup', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const target2 = await emptyInstallation('target');
    const restore = await vincula(target2, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const snapshot = (q: (sql: string) => Promise<unknown[]>) =>
      q(`select (select string_agg(row_to_json(p)::text, '|' order by id) from person p) as people,
                (select count(*)::int from audit_entry) as audit, (select count(*)::int from "user") as users`);
    expect(await withDb(target2, snapshot)).toEqual(await withDb(source, snapshot));
    expect((await vincula(target2, 'audit', 'verify')).code).toBe(0);
    // Restoring again would mix two installations: refused.
    const again = await vincula(target2, 'restore', file);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('no está vacía');
  }, 900_000);

  it('setup creates the first operator once, with the password read from standard input', async () => {
    const env = await emptyInstallation('setup');
    const args = ['setup', '--email', 'TI@Instalacion.mx', '--name', 'Mesa de ayuda'];
    const short = await vinculaWithInput(env, 'corta\n', ...args);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('al menos 12 caracteres');

    const first = await vinculaWithInput(env, 'una frase larga de operación\n', ...args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Cuenta de operación creada: ti@instalacion.mx');
    const rows = await withDb(env, (q) =>
      q(`select u.email, o.kind, (select count(*)::int from audit_entry where action = 'installation.first_operator') as audited
         from "user" u join organization o on o.id = u.organization_id`),
    );
    expect(rows).toEqual([{ email: 'ti@instalacion.mx', kind: 'installation', audited: 1 }]);

    const second = await vinculaWithInput(
      env,
      'otra frase larga de operación\n',
      'setup',
      '--email',
      'otra@x.mx',
      '--name',
      'Otra',
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('ya tiene una cuenta de operación');
  }, 300_000);

  it('fails fast with a clear message on bad configuration', async () => {
    const res = await vincula({ PORT: 'setenta', DATABASE_URL: '' }, 'migrate');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Configuración inválida');
    expect(res.stderr).toContain('PORT');
  });
});
