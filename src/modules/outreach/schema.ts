import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organization } from '../accounts/schema';
import { programObjective } from '../program/schema';
import {
  ARCO_KINDS,
  ARCO_STATUSES,
  BASE_KINDS,
  CAMPAIGN_STATUSES,
  CHANNELS,
  CONTACT_KINDS,
  LEDGER_STATUSES,
  MANUAL_OUTCOMES,
  OPT_OUT_SOURCES,
} from './contract';
import { orgId, stamps } from '../platform/db/columns';

// Outreach: contact bases, consent, opt-outs, ARCO requests, campaigns and their per-recipient
// ledger. Personal data lives only in `outreach_contact` (and the e-mail copied into the ledger
// row being sent); erasure blanks those columns and destroys the contact's `audit_salt`, which
// makes the digests kept in audit entries unlinkable (see ADR 0014).

/** A list of people and organizations the office writes to (observer network, citizens abroad…). */
export const contactBase = pgTable(
  'outreach_base',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: BASE_KINDS }).notNull(),
    description: text('description'),
    ...stamps,
  },
  (t) => [uniqueIndex('outreach_base_name_uq').on(t.organizationId, sql`lower(${t.name})`)],
);

/**
 * A person or organization of one or more bases. `emailKey`, `phoneKey` and `nameKey` are the
 * normalized forms used to detect duplicates. After erasure every personal column is null,
 * `erasedAt` is set and `auditSalt` is gone.
 */
export const contact = pgTable(
  'outreach_contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    fullName: text('full_name'),
    nameKey: text('name_key'),
    email: text('email'),
    emailKey: text('email_key'),
    phone: text('phone'),
    phoneKey: text('phone_key'),
    country: text('country'),
    city: text('city'),
    affiliation: text('affiliation'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text('notes'),
    /** Key of the HMAC digests of this contact's personal fields in audit entries. */
    auditSalt: text('audit_salt'),
    /** Set after repeated hard bounces of `email`: no campaign is sent to it until it changes. */
    emailInvalidAt: timestamp('email_invalid_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    index('outreach_contact_org_idx').on(t.organizationId, t.nameKey),
    uniqueIndex('outreach_contact_email_uq')
      .on(t.organizationId, t.emailKey)
      .where(sql`${t.emailKey} is not null`),
    index('outreach_contact_phone_idx').on(t.organizationId, t.phoneKey),
  ],
);

export const contactMembership = pgTable(
  'outreach_membership',
  {
    organizationId: orgId(),
    baseId: uuid('base_id')
      .notNull()
      .references(() => contactBase.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.baseId, t.contactId] }),
    index('outreach_membership_contact_idx').on(t.contactId),
  ],
);

/**
 * Consent with its evidence: for what purpose, when, how it was obtained and under which version
 * of the privacy notice. `baseId` null: for all of the organization's outreach. Withdrawal is a
 * date on the same row (the consent's history stays readable).
 */
export const consent = pgTable(
  'outreach_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    baseId: uuid('base_id').references(() => contactBase.id),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    privacyNoticeVersion: text('privacy_notice_version').notNull(),
    evidence: text('evidence'),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalSource: text('withdrawal_source'),
    ...stamps,
  },
  (t) => [index('outreach_consent_contact_idx').on(t.contactId)],
);

/** The contact asked not to be reached on one channel. */
export const optOut = pgTable(
  'outreach_opt_out',
  {
    organizationId: orgId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    source: text('source', { enum: OPT_OUT_SOURCES }).notNull(),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.channel] })],
);

/**
 * A request under personal-data law (access, rectification, cancellation, opposition), numbered
 * per organization and year, with its legal deadline in business days.
 */
export const arcoRequest = pgTable(
  'outreach_arco_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    contactId: uuid('contact_id').references(() => contact.id),
    kind: text('kind', { enum: ARCO_KINDS }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extendedOn: date('extended_on', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    status: text('status', { enum: ARCO_STATUSES }).notNull(),
    description: text('description'),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    resolution: text('resolution'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('outreach_arco_number_uq').on(t.organizationId, t.year, t.number),
    index('outreach_arco_contact_idx').on(t.contactId),
  ],
);

/**
 * A campaign on one topic. `month` places it in a period ("YYYY-MM"), `sentOn` is the day it went
 * out when known. `objectiveId` links it to the work program's objective.
 */
export const campaign = pgTable(
  'outreach_campaign',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    topic: text('topic').notNull(),
    channels: text('channels', { enum: CHANNELS }).array().notNull(),
    month: text('month').notNull(),
    sentOn: date('sent_on', { mode: 'string' }),
    objectiveId: uuid('objective_id').references(() => programObjective.id, { onDelete: 'set null' }),
    segmentTags: text('segment_tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subject: text('subject'),
    textTemplate: text('text_template'),
    htmlTemplate: text('html_template'),
    fromLabel: text('from_label'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    ratePerSecond: integer('rate_per_second').notNull().default(20),
    trackOpens: boolean('track_opens').notNull().default(false),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [index('outreach_campaign_org_month_idx').on(t.organizationId, t.month)],
);

export const campaignBase = pgTable(
  'outreach_campaign_base',
  {
    organizationId: orgId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    baseId: uuid('base_id')
      .notNull()
      .references(() => contactBase.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.baseId] })],
);

/**
 * The e-mail ledger: one row per (campaign, contact), created when the campaign starts. Senders
 * claim rows (status `sending` with a lease) and mark them sent; a row whose lease expired is
 * claimed again (the sender died).
 */
export const ledger = pgTable(
  'outreach_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: orgId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    email: text('email'),
    status: text('status', { enum: LEDGER_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('outreach_ledger_campaign_contact_uq').on(t.campaignId, t.contactId),
    index('outreach_ledger_claim_idx').on(t.campaignId, t.status, t.id),
    index('outreach_ledger_contact_idx').on(t.contactId),
  ],
);

/**
 * The organization's sending timeline, shared by every sender of every instance: a sender reserves
 * a run of send slots by moving `nextSlotAt` forward (one row update), so the organization's
 * campaigns never exceed the campaign rate together, however many instances send.
 */
export const sendPace = pgTable('outreach_send_pace', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organization.id),
  nextSlotAt: timestamp('next_slot_at', { withTimezone: true }).notNull(),
});

/** A WhatsApp message or phone call made by staff to one contact for a campaign. */
export const manualContact = pgTable(
  'outreach_manual_contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    outcome: text('outcome', { enum: MANUAL_OUTCOMES }).notNull(),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_manual_campaign_idx').on(t.campaignId, t.contactId)],
);
