import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/support/test-database';
import { verifyAuditTrail } from '../../audit/verify-audit-trail';
import type { Database } from '../db/client';
import { storeFile } from '../files/store-file';
import { backupTo, restoreFrom } from './backup';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-backup-'));
const opened: (Database & { dropCopy: () => Promise<void> })[] = [];
afterAll(async () => {
  for (const d of opened) {
    await d.close();
    await d.dropCopy();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh database; with `demo`, holding what `vincula demo` writes (seeded once per test run). */
async function database(options: { demo?: boolean } = {}) {
  const d = await freshDatabase(options);
  opened.push(d);
  return d;
}

/** Every row of every application table, in a stable order, as PostgreSQL renders it. */
async function everything(d: Database): Promise<Record<string, string[]>> {
  const tables = await d.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await d.query<{ r: string }>(`select row_to_json(t)::text as r from "${name}" t`);
    out[name] = rows.map((x) => x.r).sort();
  }
  return out;
}

describe('backup and restore', () => {
  it('restores the demo installation, stored files included, record for record', async () => {
    const source = await database({ demo: true });
    const pdf = Buffer.from('%PDF-1.4 firma del convenio');
    const sha = await storeFile(source.db, pdf, 'application/pdf');
    const file = path.join(dir, 'demo.vincula-backup');
    const written = await backupTo(source, file);
    expect(written.rows).toBeGreaterThan(100);

    const target = await database();
    const restored = await restoreFrom(target, file);
    expect(restored.rows).toBe(written.rows);
    expect(await everything(target)).toEqual(await everything(source));
    expect((await verifyAuditTrail(target.db)).problems).toEqual([]);
    const [copy] = await target.query<{ content: Buffer | Uint8Array }>(
      'select content from stored_file where sha256 = $1',
      [sha],
    );
    expect(Buffer.from(copy!.content).equals(pdf)).toBe(true);
    // Backing up and restoring the whole demo grows with every module and with the machine's load.
  }, 600_000);

  it('refuses to restore over existing data, and leaves it untouched', async () => {
    const source = await database({ demo: true });
    const file = path.join(dir, 'again.vincula-backup');
    await backupTo(source, file);
    const before = await everything(source);
    await expect(restoreFrom(source, file)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await everything(source)).toEqual(before);
  }, 600_000);

  it('refuses a file that is not a backup', async () => {
    const target = await database();
    const file = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(file, 'hola');
    await expect(restoreFrom(target, file)).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
  });
});

describe('schema rules that restore relies on', () => {
  it('every foreign key is deferrable (new migrations must keep it: see migration 0006)', async () => {
    const d = await database();
    const rows = await d.query<{ name: string }>(
      `select t.relname || '.' || c.conname as name from pg_constraint c
       join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
       where c.contype = 'f' and n.nspname = 'public' and not c.condeferrable order by 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });
});
