import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { area } from '../directory/schema';
import { organization } from '../accounts/schema';
import { channelOccurrence, channelRouting } from './schema';

/**
 * The ledger of due-date reminders sent to an area about a routing slip or a month of a recurring
 * obligation it answers: one row per (slip or month, kind, due date). A reminder is queued only by the instance whose insert created the row, so each goes
 * once however many instances run the daily job.
 */
export const channelReminder = pgTable(
  'channel_reminder',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    routingId: uuid('routing_id').references(() => channelRouting.id),
    occurrenceId: uuid('occurrence_id').references(() => channelOccurrence.id),
    kind: text('kind', { enum: ['before', 'due'] }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channel_reminder_once_uq').on(t.routingId, t.kind, t.dueOn),
    uniqueIndex('channel_reminder_occurrence_once_uq').on(t.occurrenceId, t.kind, t.dueOn),
    check('channel_reminder_owner_ck', sql`num_nonnulls(${t.routingId}, ${t.occurrenceId}) = 1`),
  ],
);

/**
 * Whether the organization's routings need the Secretaría Ejecutiva's instruction before the areas
 * see them (ADR 0038): the area whose staff instruct them. No row, or no area, means they do not.
 */
export const channelRoutingPolicy = pgTable('channel_routing_policy', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organization.id),
  instructingAreaId: uuid('instructing_area_id').references(() => area.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
