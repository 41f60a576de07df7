import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Tenants. Each organization sees only its own records; the national authority (INE) and the local
 * bodies (OPLEs) are all organizations of one installation. The table is the platform's because
 * every module's rows point at it (`orgId` in columns.ts); accounts manages its rows.
 */
export const organization = pgTable(
  'organization',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    acronym: text('acronym').notNull().unique(),
    // 'installation' is the one tenant of the installation's operators (accounts, ADR 0023): it holds
    // no records, so an operator scoped to it finds nothing of the bodies they manage.
    kind: text('kind', { enum: ['national_authority', 'local_body', 'installation'] }).notNull(),
    state: text('state'),
    timeZone: text('time_zone').notNull().default('America/Mexico_City'),
    /** A suspended organization's users cannot sign in; its records stay as they were. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organization_one_installation')
      .on(t.kind)
      .where(sql`kind = 'installation'`),
  ],
);
