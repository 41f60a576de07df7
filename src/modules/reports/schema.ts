import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  date,
} from 'drizzle-orm/pg-core';
import { organization } from '../accounts/schema';
import { agreement, governingBody } from '../governance/schema';
import type { PendingItem, PresentationLayout, ReportDocument } from './contract';
import { REPORT_STATUSES } from './contract';

// A report of a collegiate body for a period: a draft regenerated from the records as many times
// as needed (each generation a numbered version), with the narrative staff rewrote and the pending
// items they added; once approved by an agreement, its last version is frozen.

export const report = pgTable(
  'report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governingBody.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    /** Paragraph key → the text staff wrote in place of the generated one. */
    narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default({}),
    /** The Presentación's highlights as staff arranged them: order, removals, each edit's basis. */
    presentation: jsonb('presentation').$type<PresentationLayout>().notNull().default({}),
    pendingItems: jsonb('pending_items').$type<PendingItem[]>().notNull().default([]),
    approvedByAgreementId: uuid('approved_by_agreement_id').references(() => agreement.id),
    approvedOn: date('approved_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_period_uq').on(t.organizationId, t.bodyId, t.periodFrom, t.periodTo)],
);

/** One generation of a report: the document tree as it was rendered, kept whole. */
export const reportVersion = pgTable(
  'report_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => report.id),
    number: integer('number').notNull(),
    document: jsonb('document').$type<ReportDocument>().notNull(),
    generatedBy: text('generated_by').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_version_number_uq').on(t.reportId, t.number),
    index('report_version_org_idx').on(t.organizationId),
  ],
);
