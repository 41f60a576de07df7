import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/modules/audit/verify-audit-trail';
import { inTransaction } from '../../src/modules/platform/db/transaction';
import { nextNumber } from '../../src/modules/platform/sequences/next-number';
import { startTestApp, type TestApp, type TestOrg } from '../support/test-app';

/**
 * Two app instances over one database, as in a scaled-out installation (on PostgreSQL each has its
 * own connection pool): sessions, numbering and the audit chain hold across them.
 */
let one: TestApp;
let two: TestApp;
let org: TestOrg;

beforeAll(async () => {
  one = await startTestApp();
  two = await startTestApp({}, { sameDatabaseAs: one });
  org = await one.createOrg('OPLM');
});
afterAll(async () => {
  await two.close();
  await one.close();
});

describe('several app instances on one database', () => {
  it('accepts on one instance a session opened on the other', async () => {
    const c = await one.as(org, 'liaison_staff');
    const me = await c.onInstance(two.url).get<{ email: string }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(org.users.liaison_staff);
  });

  it('keeps one valid audit chain under concurrent writes on both instances', async () => {
    const a = await one.as(org, 'liaison_staff');
    const b = await two.as(org, 'liaison_staff');
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? a : b).post('/api/institutions', {
          name: `Institución concurrente ${i}`,
          kind: 'university',
          level: 'local',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(201));
    const { problems, entries } = await verifyAuditTrail(one.ctx.database.db);
    expect(problems).toEqual([]);
    expect(entries).toBeGreaterThan(16);
  });

  it('numbers without gaps or duplicates when both instances take numbers and some roll back', async () => {
    const take = (app: TestApp, fail: boolean) =>
      inTransaction(app.ctx.database.db, async (tx) => {
        const n = await nextNumber(tx, org.id, 'test/2024');
        if (fail) throw new Error('rolled back');
        return n;
      }).catch(() => null);
    const taken = await Promise.all(
      Array.from({ length: 30 }, (_, i) => take(i % 2 ? one : two, i % 3 === 0)),
    );
    const committed = taken.filter((n): n is number => n !== null).sort((x, y) => x - y);
    expect(committed).toHaveLength(20);
    expect(committed).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
