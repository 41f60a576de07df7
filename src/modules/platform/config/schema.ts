import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Secrets an installation generates for itself when none is configured, one row per purpose. In the
 * database, so that every instance over it reads the same value and a restart keeps it; they
 * travel with backups, like the sessions and links they sign.
 */
export const installationSecret = pgTable('installation_secret', {
  purpose: text('purpose').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
