import { sql } from 'drizzle-orm';
import { check, date, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organization } from '../db/tenant';

// The organization's working calendar; the official holidays are computed (mexican-holidays.ts).

/** The organization's own non-working days (Holy Week, December recess…). */
export const nonWorkingDay = pgTable(
  'non_working_day',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    day: date('day', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day] })],
);

/** Periods in which every day counts as a business day (declared by electoral law). */
export const everyDayCountsPeriod = pgTable(
  'every_day_counts_period',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [check('every_day_counts_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`)],
);
