import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. `seq` orders the whole installation's entries; each entry's hash
 * covers its content and the previous entry's hash, so an edit, deletion or reordering breaks the
 * chain. A trigger (migration 0002) rejects UPDATE and DELETE.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    organizationId: uuid('organization_id'),
    actorUserId: text('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ipAddress: text('ip_address'),
    /** Acting for an absent person (ADR 0035): whom the actor stood in for, and their label then. */
    onBehalfOfUserId: text('on_behalf_of_user_id'),
    onBehalfOfLabel: text('on_behalf_of_label'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_org_seq_idx').on(t.organizationId, t.seq),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);
