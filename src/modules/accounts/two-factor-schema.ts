import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization } from '../platform/db/tenant';
import { user } from './schema';

/**
 * better-auth's twoFactor plugin table (ADR 0028): the TOTP secret and the recovery codes, both
 * encrypted with the installation secret; `verified` stays false until the first code confirms
 * the enrolment. The plugin counts failed codes per account and locks it for a while.
 */
export const twoFactor = pgTable('two_factor', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .unique()
    .references(() => user.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  backupCodes: text('backup_codes').notNull(),
  verified: boolean('verified').notNull().default(true),
  failedVerificationCount: integer('failed_verification_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * Codes that already opened a session or confirmed an enrolment: a code is good for its 30
 * seconds (and the neighbouring ones, for clock drift), so each is claimed once. Rows older than
 * a few minutes are useless and pruned.
 */
export const twoFactorUsedCode = pgTable(
  'two_factor_used_code',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

/** An organization's second-factor policy: the roles that must use two-factor authentication. */
export const organizationTwoFactorPolicy = pgTable('organization_two_factor_policy', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organization.id),
  requiredRoles: text('required_roles').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
