import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLedgerToken } from '../../outreach/rules';
import { createPglite, migrateDatabase, openDatabase, type Database } from '../db/client';
import { startTestApp, type TestApp } from '../../../../tests/support/test-app';
import { freshDatabase } from '../../../../tests/support/test-database';
import { seedSendingCampaign } from '../../../../tests/support/outreach-fixture';
import { loadConfig, PUBLISHED_DEVELOPMENT_SECRET } from './config';
import { withInstallationSecret } from './installation-secret';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-secret-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const unconfigured = () => loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

/**
 * A place for an installation that can be closed and opened again: a data folder on PGlite (loaded
 * from the run's migrated template), a database of the test server on PostgreSQL.
 */
async function installation(): Promise<{ open: () => Promise<Database>; drop: () => Promise<void> }> {
  const target = inject('database');
  if (target.kind === 'postgres') {
    const copy = await freshDatabase();
    await copy.close();
    return { open: () => openDatabase({ databaseUrl: copy.url! }), drop: copy.dropCopy };
  }
  const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
  const loaded = await createPglite(dataDir, new Blob([fs.readFileSync(target.dump)]));
  await loaded.close();
  return {
    open: async () => {
      const database = await openDatabase({ dataDir });
      await migrateDatabase(database);
      return database;
    },
    drop: async () => undefined,
  };
}

describe('the installation secret', { timeout: 300_000 }, () => {
  it('is generated at random on first start and survives a restart', async () => {
    const place = await installation();
    const first = await place.open();
    const generated = (await withInstallationSecret(unconfigured(), first)).secret;
    await first.close();
    expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generated).not.toBe(PUBLISHED_DEVELOPMENT_SECRET);

    const again = await place.open();
    expect((await withInstallationSecret(unconfigured(), again)).secret).toBe(generated);
    await again.close();

    // Another installation gets its own.
    const other = await installation();
    const otherDb = await other.open();
    expect((await withInstallationSecret(unconfigured(), otherDb)).secret).not.toBe(generated);
    await otherDb.close();
    await other.drop();
    await place.drop();
  });

  it('is one secret for instances that start at the same time on one database', async () => {
    const place = await installation();
    // Instances on PostgreSQL have their own connections; on PGlite they share the process's one.
    const first = await place.open();
    const second = inject('database').kind === 'postgres' ? await place.open() : first;
    try {
      const secrets = await Promise.all(
        Array.from({ length: 8 }, (_, i) => withInstallationSecret(unconfigured(), i % 2 ? first : second)),
      );
      expect(new Set(secrets.map((c) => c.secret)).size).toBe(1);
    } finally {
      await first.close();
      if (second !== first) await second.close();
      await place.drop();
    }
  });

  it('gives way to a configured VINCULA_SECRET', async () => {
    const database = await freshDatabase();
    const configured = 'c'.repeat(40);
    const config = loadConfig({ NODE_ENV: 'test', VINCULA_SECRET: configured });
    expect((await withInstallationSecret(config, database)).secret).toBe(configured);
    await database.close();
    await database.dropCopy();
  });
});

describe('two app instances without a configured secret', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp({}, { sameDatabaseAs: one });
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('share the generated secret: signed links and session cookies hold across them', async () => {
    expect(one.ctx.config.secret).toBe(two.ctx.config.secret);
    expect(one.ctx.config.secret).not.toBe(PUBLISHED_DEVELOPMENT_SECRET);
    const org = await one.createOrg('OPLSEC');
    const c = await one.as(org, 'auditor');
    expect((await c.onInstance(two.url).get('/api/me')).status).toBe(200);
  });

  it('no longer accept an unsubscribe link signed with the published development secret', async () => {
    const { campaignId } = await seedSendingCampaign(one.ctx.database.db, { recipients: 3, label: 'OPLDEV' });
    const ids = (
      await one.ctx.database.query<{ id: string }>(
        'select id from outreach_ledger where campaign_id = $1 order by id',
        [campaignId],
      )
    ).map((r) => Number(r.id));
    expect(ids).toHaveLength(3);
    const anonymous = two.anonymous();
    for (const id of ids) {
      const forged = signLedgerToken(PUBLISHED_DEVELOPMENT_SECRET, 'unsubscribe', id);
      expect((await anonymous.get(`/api/public/outreach/unsubscribe/${forged}`)).status).toBe(404);
      expect((await anonymous.post(`/api/public/outreach/unsubscribe/${forged}`)).status).toBe(404);
    }
    // The installation's own link still works, on either instance.
    const genuine = signLedgerToken(one.ctx.config.secret, 'unsubscribe', ids[0]!);
    expect((await anonymous.get(`/api/public/outreach/unsubscribe/${genuine}`)).status).toBe(200);
  });
});
