import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * Takes the next number of a gap-free series (a module's folios of a year, a body's agreements of
 * a year, …). Call it inside the transaction that stores the numbered record: the counter row stays
 * locked until that transaction ends, so concurrent takers (on any app instance) queue, and a
 * rollback gives the number back.
 */
export async function nextNumber(tx: Db, organizationId: string, scope: string): Promise<number> {
  const result = await tx.execute(sql`
    insert into sequence_counter (organization_id, scope, last_value) values (${organizationId}, ${scope}, 1)
    on conflict (organization_id, scope) do update set last_value = sequence_counter.last_value + 1
    returning last_value`);
  const rows = (result as unknown as { rows: { last_value: number }[] }).rows;
  return Number(rows[0]!.last_value);
}

/**
 * Moves a series past numbers taken outside it (records imported with their own numbers), so the
 * next number taken follows the highest of them; a counter already beyond `value` stays as it is.
 * Call it in the transaction that stores those records.
 */
export async function raiseNumberTo(tx: Db, organizationId: string, scope: string, value: number) {
  await tx.execute(sql`
    insert into sequence_counter (organization_id, scope, last_value) values (${organizationId}, ${scope}, ${value})
    on conflict (organization_id, scope) do update set last_value = greatest(sequence_counter.last_value, excluded.last_value)`);
}
