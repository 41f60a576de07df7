import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization } from '../accounts/schema';

// The fortnightly statistical report of the channel: who receives it and every report made.

/** The organization's distribution list of the fortnightly report (e.g. the Commission's councillors). */
export const channelReportRecipient = pgTable(
  'channel_report_recipient',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('channel_report_recipient_email_uq').on(t.organizationId, sql`lower(${t.email})`)],
);

/**
 * The ledger of fortnightly reports: the period (days 1–15 or 16–end of a month), the DOCX and PDF
 * generated (stored by SHA-256), and when and to whom it was sent.
 */
export const channelReport = pgTable(
  'channel_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The day whose statuses the report counts (normally the period's last day). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    docxSha256: text('docx_sha256').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    generatedBy: text('generated_by'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    state: text('state', { enum: ['generated', 'queued', 'sent', 'failed'] }).notNull(),
    /** The addresses it was (or is being) sent to: the list as it was when sending was asked. */
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** When it was last queued: a report queued for too long lost its sender (report-jobs.ts). */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    sentOn: date('sent_on', { mode: 'string' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('channel_report_period_uq').on(t.organizationId, t.periodFrom),
    index('channel_report_sent_idx').on(t.organizationId, t.sentOn),
    check('channel_report_period_ck', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);
