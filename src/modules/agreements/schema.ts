import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organization } from '../accounts/schema';
import { area, institution } from '../directory/schema';
import { storedFile } from '../platform/files/schema';
import {
  FILE_KINDS,
  GRAMMATICAL_GENDERS,
  INSTRUMENT_STATUSES,
  LINK_PREPOSITIONS,
  OPINION_STATUSES,
  REVIEW_DECISIONS,
  VALIDITY_KINDS,
} from './contract';
import { day, orgId } from '../platform/db/columns';

// The agreements register (SISCOI). See docs/decisions/0012-agreements-model.md.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Per-organization settings: the opinions' number prefix and the expiry alert schedule. */
export const agreementSettings = pgTable('agreement_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organization.id),
  opinionPrefix: text('opinion_prefix').notNull(),
  alertLeadDays: integer('alert_lead_days').notNull().default(60),
  alertRepeatDays: integer('alert_repeat_days').notNull().default(7),
});

/** Kinds of legal instrument (Convenio General…, Adenda, Anexo Técnico…); administrators add more. */
export const instrumentType = pgTable(
  'instrument_type',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    gender: text('gender', { enum: GRAMMATICAL_GENDERS }).notNull().default('m'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('instrument_type_org_name_uq').on(t.organizationId, t.name)],
);

/** A legal instrument; children (annexes, addenda, specific agreements) point at their parent. */
export const instrument = pgTable(
  'instrument',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => instrumentType.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => instrument.id),
    ordinal: integer('ordinal'),
    designation: text('designation'),
    subject: text('subject'),
    linkPreposition: text('link_preposition', { enum: LINK_PREPOSITIONS }).notNull().default('a'),
    organizationIsParty: boolean('organization_is_party').notNull().default(true),
    object: text('object'),
    signedOn: day('signed_on'),
    validityKind: text('validity_kind', { enum: VALIDITY_KINDS }).notNull().default('dated'),
    validFrom: day('valid_from'),
    validUntil: day('valid_until'),
    renewalTerms: text('renewal_terms'),
    status: text('status', { enum: INSTRUMENT_STATUSES }).notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('instrument_org_idx').on(t.organizationId, t.status),
    index('instrument_parent_idx').on(t.parentId),
    check(
      'instrument_validity_ck',
      sql`${t.validUntil} is null or ${t.validFrom} is null or ${t.validUntil} >= ${t.validFrom}`,
    ),
    check('instrument_not_own_parent_ck', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/** Outside parties (directory institutions), in the order the title names them. */
export const instrumentParty = pgTable(
  'instrument_party',
  {
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    organizationId: orgId(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentId, t.institutionId] }),
    index('instrument_party_institution_idx').on(t.institutionId),
  ],
);

/** The organization's areas responsible for an instrument. */
export const instrumentArea = pgTable(
  'instrument_area',
  {
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id),
    organizationId: orgId(),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentId, t.areaId] }),
    index('instrument_area_area_idx').on(t.areaId),
  ],
);

export const instrumentStatusChange = pgTable(
  'instrument_status_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    fromStatus: text('from_status', { enum: INSTRUMENT_STATUSES }),
    toStatus: text('to_status', { enum: INSTRUMENT_STATUSES }).notNull(),
    changedOn: day('changed_on').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('instrument_status_change_idx').on(t.instrumentId, t.changedOn)],
);

/** A renewal or an amendment that moved the end of validity; `valid_until` holds the current end. */
export const instrumentRenewal = pgTable(
  'instrument_renewal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    renewedOn: day('renewed_on').notNull(),
    previousEnd: day('previous_end'),
    newEnd: day('new_end').notNull(),
    amendingInstrumentId: uuid('amending_instrument_id').references(() => instrument.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('instrument_renewal_idx').on(t.instrumentId, t.renewedOn)],
);

export const instrumentFile = pgTable(
  'instrument_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    kind: text('kind', { enum: FILE_KINDS }).notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFile.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedAt: createdAt(),
  },
  (t) => [index('instrument_file_idx').on(t.instrumentId)],
);

/** Who owes what, by when, under an instrument. */
export const commitment = pgTable(
  'commitment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    owedByAreaId: uuid('owed_by_area_id').references(() => area.id),
    owedByInstitutionId: uuid('owed_by_institution_id').references(() => institution.id),
    description: text('description').notNull(),
    dueOn: day('due_on'),
    fulfilled: boolean('fulfilled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('commitment_instrument_idx').on(t.instrumentId),
    check('commitment_owed_by_ck', sql`(${t.owedByAreaId} is null) <> (${t.owedByInstitutionId} is null)`),
  ],
);

export const commitmentUpdate = pgTable(
  'commitment_update',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitment.id),
    updatedOn: day('updated_on').notNull(),
    note: text('note').notNull(),
    fulfilled: boolean('fulfilled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('commitment_update_idx').on(t.commitmentId, t.updatedOn)],
);

/** A periodic review of the instruments in force (keep / renegotiate / conclude). */
export const review = pgTable(
  'review',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    period: text('period').notNull(),
    title: text('title').notNull(),
    openedOn: day('opened_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('review_org_period_uq').on(t.organizationId, t.period)],
);

export const reviewDecision = pgTable(
  'review_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => review.id),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    decision: text('decision', { enum: REVIEW_DECISIONS }).notNull(),
    decidedOn: day('decided_on').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('review_decision_uq').on(t.reviewId, t.instrumentId),
    index('review_decision_instrument_idx').on(t.instrumentId),
  ],
);

/** An opinion of pertinence on a draft instrument, numbered `<prefix>/NN/YYYY` when issued. */
export const opinion = pgTable(
  'opinion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    status: text('status', { enum: OPINION_STATUSES }).notNull().default('requested'),
    requestedOn: day('requested_on').notNull(),
    issuedOn: day('issued_on'),
    year: integer('year'),
    sequence: integer('sequence'),
    number: text('number'),
    content: text('content'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('opinion_org_number_uq').on(t.organizationId, t.number),
    uniqueIndex('opinion_org_year_seq_uq').on(t.organizationId, t.year, t.sequence),
    index('opinion_instrument_idx').on(t.instrumentId),
    check(
      'opinion_issued_ck',
      sql`(${t.status} = 'issued') = (${t.number} is not null and ${t.issuedOn} is not null)`,
    ),
  ],
);

/** The areas that requested an opinion. */
export const opinionArea = pgTable(
  'opinion_area',
  {
    opinionId: uuid('opinion_id')
      .notNull()
      .references(() => opinion.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id),
    organizationId: orgId(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.areaId] })],
);

/** Liaison staff accompanying an area in the negotiation of an instrument with an institution. */
export const accompanimentActivity = pgTable(
  'accompaniment_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    occurredOn: day('occurred_on').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    instrumentId: uuid('instrument_id').references(() => instrument.id),
    description: text('description').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('accompaniment_org_idx').on(t.organizationId, t.occurredOn)],
);

/**
 * The expiry-alert ledger: one row per instrument, current end and due step of its schedule. The
 * unique key makes each alert go out once even when several app instances run the daily job; a
 * renewal moves the end, so the new schedule's steps are new rows.
 */
export const instrumentAlert = pgTable(
  'instrument_alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrument.id),
    effectiveEnd: day('effective_end').notNull(),
    dueOn: day('due_on').notNull(),
    sentOn: day('sent_on').notNull(),
    recipients: text('recipients')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('instrument_alert_step_uq').on(t.instrumentId, t.effectiveEnd, t.dueOn),
    index('instrument_alert_org_idx').on(t.organizationId, t.sentOn),
  ],
);
