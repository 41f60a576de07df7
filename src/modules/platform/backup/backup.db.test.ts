import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/support/test-database';
import { startSmtpSink } from '../../../../tests/support/smtp-sink';
import { startTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { HttpClient } from '../../../../tests/support/http-client';
import type { Campaign } from '../../outreach/contract';
import type { CommunicationDetail, Mission } from '../../outreach/observers/contract';
import { startBackgroundWork, stopBackgroundWork } from '../../../server/runtime';
import { verifyAuditTrail } from '../../audit/verify-audit-trail';
import type { Database } from '../db/client';
import { loadConfig } from '../config/config';
import { withInstallationSecret } from '../config/installation-secret';
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

const unconfigured = loadConfig({ NODE_ENV: 'test' });

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

  it('restores into an installation that was only started, whose generated secret gives way', async () => {
    const source = await database();
    const sourceSecret = (await withInstallationSecret(unconfigured, source)).secret;
    await storeFile(source.db, Buffer.from('acta'), 'text/plain');
    const file = path.join(dir, 'started.vincula-backup');
    await backupTo(source, file);

    const target = await database();
    const generated = (await withInstallationSecret(unconfigured, target)).secret;
    expect(generated).not.toBe(sourceSecret);
    await restoreFrom(target, file);
    expect((await withInstallationSecret(unconfigured, target)).secret).toBe(sourceSecret);
  });

  it('refuses a file that is not a backup', async () => {
    const target = await database();
    const file = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(file, 'hola');
    await expect(restoreFrom(target, file)).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
  });
});

async function until<T>(check: () => Promise<T | undefined | false>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a restored copy keeps working', () => {
  // Rows keyed by sequences of any kind (identity, bigserial) must not collide with restored ones:
  // a campaign and a mission communication are sent over SMTP on the copy, after one of each was
  // sent on the original.
  it('sends a campaign and a mission communication after the restore', async () => {
    const sink = await startSmtpSink();
    const env = {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Vincula <vincula@iecm.test>',
      VINCULA_PUBLIC_URL: 'http://vincula.test',
    };
    const apps: TestApp[] = [];
    try {
      const source = await startTestApp(env);
      apps.push(source);
      await startBackgroundWork(source.ctx);
      const org = await source.createOrg('OPLRES');
      let staff = await source.as(org, 'liaison_staff');
      const mission = (
        await staff.post<Mission>('/api/observers/missions', {
          name: 'Misión del respaldo',
          process: 'PELO 2023-2024',
          electionDay: '2024-06-02',
          startsOn: '2024-06-01',
          endsOn: '2024-06-03',
        })
      ).body;
      for (const [fullName, email] of [
        ['Ana Respaldo', 'ana.respaldo@example.org'],
        ['Beto Respaldo', 'beto.respaldo@example.org'],
      ]) {
        const r = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
          kind: 'visitor',
          fullName,
          nationality: 'UY',
          email,
          consent: { givenOn: '2024-04-01', source: 'Formulario', privacyNoticeVersion: 'AP-1' },
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }

      const sendBoth = async (client: HttpClient, round: string) => {
        const before = sink.received.length;
        const campaign = await client.post<Campaign>('/api/outreach/campaigns', {
          topic: `Aviso ${round}`,
          channels: ['email'],
          month: '2024-03',
          baseIds: [mission.baseId],
          subject: `Aviso ${round} para {{nombre}}`,
          textTemplate: 'Hola {{nombre}}. Baja: {{enlace_baja}}',
          ratePerSecond: 50,
        });
        expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
        const started = await client.post(`/api/outreach/campaigns/${campaign.body.id}/start`);
        expect(started.status, JSON.stringify(started.body)).toBe(200);
        const communication = await client.post<CommunicationDetail>(
          `/api/observers/missions/${mission.id}/communications`,
          { subject: `Encuentro ${round}`, body: 'Hola {{nombre}}' },
        );
        expect(communication.status, JSON.stringify(communication.body)).toBe(201);
        await until(async () => {
          const c = (await client.get<Campaign>(`/api/outreach/campaigns/${campaign.body.id}`)).body;
          const m = (
            await client.get<CommunicationDetail>(`/api/observers/communications/${communication.body.id}`)
          ).body;
          return c.status === 'sent' && m.counts.sent === 2;
        });
        const subjects = sink.received
          .slice(before)
          .map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]?.trim())
          .sort();
        expect(subjects).toEqual([
          `Aviso ${round} para Ana Respaldo`,
          `Aviso ${round} para Beto Respaldo`,
          `Encuentro ${round}`,
          `Encuentro ${round}`,
        ]);
      };
      await sendBoth(staff, 'original');
      await stopBackgroundWork(source.ctx);
      const file = path.join(dir, 'sent.vincula-backup');
      await backupTo(source.ctx.database, file);

      const copy = await startTestApp(env);
      apps.push(copy);
      await restoreFrom(copy.ctx.database, file);
      await startBackgroundWork(copy.ctx);
      staff = await copy.as(org, 'liaison_staff');
      await sendBoth(staff, 'copia');
      await stopBackgroundWork(copy.ctx);
    } finally {
      for (const app of apps) await app.close();
      await sink.close();
    }
  }, 300_000);
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
