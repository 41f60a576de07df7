import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Gap-free counters (folio numbers, agreement numbers, opinion numbers). A number is taken inside
 * the transaction that uses it, so a rollback returns it and concurrent takers queue on the row.
 */
export const sequenceCounter = pgTable(
  'sequence_counter',
  {
    organizationId: uuid('organization_id').notNull(),
    scope: text('scope').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.scope] })],
);
