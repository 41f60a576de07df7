import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization } from '../platform/db/tenant';
import { user } from './schema';

/**
 * Acting for an absent person (encargo de despacho, suplencia; ADR 0035): during [starts_on,
 * ends_on], days in the organization's time zone, the acting user works the absent user's queue
 * on their behalf. It ends by itself after `ends_on` (no job: every read compares dates), or
 * earlier when an administrator ends it (`ended_at`).
 */
export const delegation = pgTable(
  'delegation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    absentUserId: text('absent_user_id')
      .notNull()
      .references(() => user.id),
    actingUserId: text('acting_user_id')
      .notNull()
      .references(() => user.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: text('ended_by'),
  },
  (t) => [
    index('delegation_acting_idx').on(t.organizationId, t.actingUserId, t.endsOn),
    index('delegation_absent_idx').on(t.organizationId, t.absentUserId, t.endsOn),
    check('delegation_period_ck', sql`${t.startsOn} <= ${t.endsOn}`),
    check('delegation_not_self_ck', sql`${t.absentUserId} <> ${t.actingUserId}`),
  ],
);
