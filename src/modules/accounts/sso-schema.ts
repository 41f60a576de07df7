import { boolean, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization } from '../platform/db/tenant';

/**
 * An organization's single sign-on policy (ADR 0034): whether its people must enter with their
 * institutional account. No row means passwords work, as before.
 */
export const organizationSsoPolicy = pgTable('organization_sso_policy', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organization.id),
  required: boolean('required').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
