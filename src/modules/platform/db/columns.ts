import { date, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization } from './tenant';

// Column shapes every module's tables share.

/** The organization a row belongs to: every repository filters by it (tenant isolation). */
export const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organization.id);

/** When a row was created and last changed. */
export const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A calendar day: SQL `date`, read and written as 'YYYY-MM-DD' (never a midnight timestamp). */
export const day = (name: string) => date(name, { mode: 'string' });
