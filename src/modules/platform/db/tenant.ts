import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Tenants. Each organization sees only its own records; the national authority (INE) and the local
 * bodies (OPLEs) are all organizations of one installation. The table is the platform's because
 * every module's rows point at it (`orgId` in columns.ts); accounts manages its rows.
 */
export const organization = pgTable('organization', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  acronym: text('acronym').notNull().unique(),
  kind: text('kind', { enum: ['national_authority', 'local_body'] }).notNull(),
  state: text('state'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
