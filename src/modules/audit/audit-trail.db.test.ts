import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/support/test-database';
import type { Database } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { recordAudit, recordAudits } from '../platform/audit/record-audit';
import { verifyAuditTrail } from './verify-audit-trail';

let database: Database & { dropCopy: () => Promise<void> };
afterEach(async () => {
  await database.close();
  await database.dropCopy();
});

const actor = { userId: 'u1', label: 'Persona <p@x.test>', organizationId: null };

async function trailOf(n: number) {
  database = await freshDatabase();
  for (let i = 1; i <= n; i++) {
    await inTransaction(database.db, (tx) =>
      recordAudit(tx, actor, {
        action: 'thing.update',
        entityType: 'thing',
        entityId: `t${i}`,
        before: { v: i - 1, nested: { a: [1, 2] } },
        after: { v: i },
      }),
    );
  }
}

/** What an attacker with direct database access could do: switch the guard off and edit. */
async function asAttacker(statements: string[]) {
  await database.query('alter table audit_entry disable trigger audit_entry_no_update');
  for (const s of statements) await database.query(s);
  await database.query('alter table audit_entry enable trigger audit_entry_no_update');
}

describe('audit trail', () => {
  it('verifies an untouched chain', async () => {
    await trailOf(5);
    expect(await verifyAuditTrail(database.db)).toEqual({ entries: 5, problems: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the database itself', async () => {
    await trailOf(2);
    await expect(database.query(`update audit_entry set action = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.query('delete from audit_entry where seq = 1')).rejects.toThrow(/append-only/);
    await expect(database.query('truncate audit_entry')).rejects.toThrow(/append-only/);
    expect((await verifyAuditTrail(database.db)).entries).toBe(2);
  });

  it('detects an edited entry', async () => {
    await trailOf(5);
    await asAttacker([`update audit_entry set after = '{"v": 99}' where seq = 3`]);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([{ seq: 3, problem: 'hash_mismatch' }]);
  });

  it('detects a rewritten actor name', async () => {
    await trailOf(3);
    await asAttacker([`update audit_entry set actor_label = 'Otra persona' where seq = 2`]);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([{ seq: 2, problem: 'hash_mismatch' }]);
  });

  it('detects a deleted entry', async () => {
    await trailOf(5);
    await asAttacker(['delete from audit_entry where seq = 2']);
    const { problems } = await verifyAuditTrail(database.db);
    expect(problems).toEqual([
      { seq: 3, problem: 'sequence_gap' },
      { seq: 3, problem: 'broken_link' },
    ]);
  });

  it('detects reordered entries', async () => {
    await trailOf(5);
    await asAttacker([
      'update audit_entry set seq = -1 where seq = 2',
      'update audit_entry set seq = 2 where seq = 4',
      'update audit_entry set seq = 4 where seq = -1',
    ]);
    const { problems } = await verifyAuditTrail(database.db);
    expect(problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 4]));
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a gap-free sequence when concurrent transactions append', async () => {
    database = await freshDatabase();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(database.db, (tx) =>
          recordAudit(tx, actor, { action: 'thing.create', entityType: 'thing', entityId: `c${i}` }),
        ),
      ),
    );
    expect(await verifyAuditTrail(database.db)).toEqual({ entries: 20, problems: [] });
  });

  it('rolls the entry back with the change it describes', async () => {
    database = await freshDatabase();
    await expect(
      inTransaction(database.db, async (tx) => {
        await recordAudit(tx, actor, { action: 'thing.create', entityType: 'thing' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verifyAuditTrail(database.db)).entries).toBe(0);
  });
});

describe('bulk append', () => {
  it('chains many entries written in one call', async () => {
    database = await freshDatabase();
    await inTransaction(database.db, (tx) =>
      recordAudit(tx, actor, { action: 'first', entityType: 'thing' }),
    );
    await inTransaction(database.db, (tx) =>
      recordAudits(
        tx,
        actor,
        Array.from({ length: 1200 }, (_, i) => ({
          action: 'thing.import',
          entityType: 'thing',
          entityId: `b${i}`,
        })),
      ),
    );
    expect(await verifyAuditTrail(database.db)).toEqual({ entries: 1201, problems: [] });
  });
});
