import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organization } from '../accounts/schema';
import { area } from '../directory/schema';
import { DOCUMENT_TYPES } from './contract';
import type { DueRule, MonthlyDueRule } from './contract-due-rules';
import { CHANNEL_MODULES, FOLIO_NATURES, FOLIO_STATUSES } from './contract-folio-status';
import { OCCURRENCE_STATUSES } from './occurrence-contract';
import { ROUTING_ROLES, ROUTING_STATES } from './routing-contract';
import { stamps } from '../platform/db/columns';

/** PostgreSQL's text-search document; written by the database only (generated columns). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What one side sends: a communication of the INE to one or many local bodies (follow_up), or of a
 * local body to the INE (consultation). `numberingOrgId` is the organization whose series gave the
 * number; null when the number was typed from an outside system.
 */
export const channelCommunication = pgTable(
  'channel_communication',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    module: text('module', { enum: CHANNEL_MODULES }).notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    numberingOrgId: uuid('numbering_org_id').references(() => organization.id),
    originOrgId: uuid('origin_org_id').references(() => organization.id),
    originLabel: text('origin_label').notNull(),
    documentType: text('document_type', { enum: DOCUMENT_TYPES }).notNull(),
    nature: text('nature', { enum: FOLIO_NATURES }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdBy: text('created_by'),
    // Search keys computed once per communication (migration 0018) and copied to each of its
    // folios (migration 0020), where lists search them.
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('vincula_es'::regconfig, subject || ' ' || body)`,
    ),
    subjectFolded: text('subject_folded').generatedAlwaysAs(sql`vincula_fold(subject)`),
    ...stamps,
  },
  (t) => [
    uniqueIndex('channel_communication_number_uq')
      .on(t.numberingOrgId, t.module, t.year, t.number)
      .where(sql`${t.numberingOrgId} is not null`),
    index('channel_communication_origin_idx').on(t.originOrgId, t.sentOn),
  ],
);

/**
 * One recipient's copy: the pair (communication, local body) with its own status, due date,
 * answers and history. Module, number and year are repeated from the communication so that lists,
 * statistics and the uniqueness of typed numbers need no join.
 */
export const channelFolio = pgTable(
  'channel_folio',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communicationId: uuid('communication_id')
      .notNull()
      .references(() => channelCommunication.id),
    localOrgId: uuid('local_org_id')
      .notNull()
      .references(() => organization.id),
    nationalOrgId: uuid('national_org_id').references(() => organization.id),
    module: text('module', { enum: CHANNEL_MODULES }).notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    status: text('status', { enum: FOLIO_STATUSES }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueRule: jsonb('due_rule').$type<DueRule>(),
    dueOn: date('due_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    // Kept by triggers (migration 0014), for statistics without joins or per-folio history lookups:
    // the communication's nature, the day of the folio's last event and of its first answer.
    nature: text('nature', { enum: FOLIO_NATURES }),
    lastEventOn: date('last_event_on', { mode: 'string' }),
    firstAnswerOn: date('first_answer_on', { mode: 'string' }),
    // The communication's search keys, copied by a trigger (migration 0020): a search then checks
    // the folio row it lists, without a join per candidate, and PostgreSQL can walk the display
    // order or use these GIN indexes as its estimates say.
    searchVector: tsvector('search_vector'),
    subjectFolded: text('subject_folded'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('channel_folio_recipient_uq').on(t.communicationId, t.localOrgId),
    index('channel_folio_search_idx').using('gin', t.searchVector),
    index('channel_folio_subject_folded_trgm').using('gin', t.subjectFolded.op('gin_trgm_ops')),
    uniqueIndex('channel_folio_number_uq').on(t.localOrgId, t.module, t.year, t.number),
    // Each side's folios by module and day of receipt, carrying what the monthly status table
    // reads (migration 0019), so that a year's table is an index-only scan instead of ~23,000
    // heap pages at a million folios.
    index('channel_folio_local_list_idx').on(
      t.localOrgId,
      t.module,
      t.receivedOn,
      t.nature,
      t.status,
      t.lastEventOn,
      t.id,
    ),
    index('channel_folio_national_list_idx').on(
      t.nationalOrgId,
      t.module,
      t.receivedOn,
      t.localOrgId,
      t.nature,
      t.status,
      t.lastEventOn,
      t.id,
    ),
    index('channel_folio_due_idx').on(t.localOrgId, t.status, t.dueOn),
    // Lists in their display order for each side (a page of a broad search walks the newest folios
    // first and stops after one page), and filtered by module and status with their count.
    index('channel_folio_local_order_idx').on(
      t.localOrgId,
      t.receivedOn.desc().nullsFirst(),
      t.year.desc().nullsFirst(),
      t.number.desc().nullsFirst(),
      t.id,
    ),
    index('channel_folio_national_order_idx').on(
      t.nationalOrgId,
      t.receivedOn.desc().nullsFirst(),
      t.year.desc().nullsFirst(),
      t.number.desc().nullsFirst(),
      t.id,
    ),
    index('channel_folio_local_status_idx').on(t.localOrgId, t.module, t.status, t.receivedOn),
    index('channel_folio_national_status_idx').on(t.nationalOrgId, t.module, t.status, t.receivedOn),
  ],
);

/** Every status change of a folio: who, when, from → to, why. */
export const channelFolioEvent = pgTable(
  'channel_folio_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    folioId: uuid('folio_id')
      .notNull()
      .references(() => channelFolio.id),
    organizationId: uuid('organization_id').references(() => organization.id),
    userId: text('user_id'),
    actorLabel: text('actor_label').notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status', { enum: FOLIO_STATUSES }),
    toStatus: text('to_status', { enum: FOLIO_STATUSES }).notNull(),
    reason: text('reason'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('channel_folio_event_folio_idx').on(t.folioId, t.id),
    // The status of a folio as of a day: the last event on or before it, read from the index alone.
    index('channel_folio_event_as_of_idx').on(t.folioId, t.occurredOn.desc(), t.id.desc(), t.toStatus),
  ],
);

/** An answer or a request for more, sent from one side to the other on a folio. */
export const channelMessage = pgTable(
  'channel_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    folioId: uuid('folio_id')
      .notNull()
      .references(() => channelFolio.id),
    fromSide: text('from_side', { enum: ['local', 'national'] }).notNull(),
    organizationId: uuid('organization_id').references(() => organization.id),
    text: text('text').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('channel_message_folio_idx').on(t.folioId, t.createdAt)],
);

/** Files attached to a communication, a message or an area's answer, by content hash. */
export const channelAttachment = pgTable(
  'channel_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    communicationId: uuid('communication_id').references(() => channelCommunication.id),
    messageId: uuid('message_id').references(() => channelMessage.id),
    routingId: uuid('routing_id').references((): AnyPgColumn => channelRouting.id),
    occurrenceId: uuid('occurrence_id').references((): AnyPgColumn => channelOccurrence.id),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: text('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('channel_attachment_communication_idx').on(t.communicationId),
    index('channel_attachment_message_idx').on(t.messageId),
    index('channel_attachment_routing_idx').on(t.routingId),
    index('channel_attachment_occurrence_idx').on(t.occurrenceId),
    check(
      'channel_attachment_owner_ck',
      sql`num_nonnulls(${t.communicationId}, ${t.messageId}, ${t.routingId}, ${t.occurrenceId}) = 1`,
    ),
  ],
);

/**
 * A routing slip (turno): the folio sent to an area of the organization, responsible or for
 * information, with instructions and an internal due date; the area answers or returns it.
 */
export const channelRouting = pgTable(
  'channel_routing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    folioId: uuid('folio_id')
      .notNull()
      .references(() => channelFolio.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id),
    role: text('role', { enum: ROUTING_ROLES }).notNull(),
    instructions: text('instructions').notNull().default(''),
    internalDueOn: date('internal_due_on', { mode: 'string' }),
    state: text('state', { enum: ROUTING_STATES }).notNull(),
    /** The slip this one replaced when the folio was reassigned. */
    previousId: uuid('previous_id').references((): AnyPgColumn => channelRouting.id),
    assignedBy: text('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    answerText: text('answer_text'),
    /** Why the area returned it, or why liaison staff withdrew it. */
    returnReason: text('return_reason'),
    closedBy: text('closed_by'),
    /** The absent user `closedBy` acted for (ADR 0035): the slip reads «A, por ausencia de B». */
    closedOnBehalfOf: text('closed_on_behalf_of'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * Made while the SE's instruction was required (ADR 0038): its area sees it only once instructed,
     * and never when it was withdrawn or sent back before that.
     */
    requiresInstruction: boolean('requires_instruction').notNull().default(false),
    /** The person of the Secretaría Ejecutiva who instructed a proposed routing. */
    instructedBy: text('instructed_by'),
    instructedAt: timestamp('instructed_at', { withTimezone: true }),
  },
  (t) => [
    index('channel_routing_folio_idx').on(t.folioId),
    index('channel_routing_area_queue_idx').on(t.organizationId, t.areaId, t.state),
  ],
);

/**
 * A recurring obligation carried by a folio ("informe mensual…"). `areaId` is the local body's area
 * that answers each month (its staff see the months in their queue); without it, liaison staff do.
 */
export const channelObligation = pgTable('channel_obligation', {
  id: uuid('id').primaryKey().defaultRandom(),
  folioId: uuid('folio_id')
    .notNull()
    .references(() => channelFolio.id),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organization.id),
  areaId: uuid('area_id').references(() => area.id),
  description: text('description').notNull(),
  frequency: text('frequency', { enum: ['monthly'] }).notNull(),
  dueRule: jsonb('due_rule').$type<MonthlyDueRule>().notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  ...stamps,
});

/**
 * One period of an obligation, with its own due date, answer and status: answered by the local body,
 * then accepted or returned (with the reason) by the national authority; a returned month is answered
 * again. Overdue is not stored: an unanswered month past its due date (occurrence-state.ts).
 */
export const channelOccurrence = pgTable(
  'channel_occurrence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => channelObligation.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    period: date('period', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: OCCURRENCE_STATUSES }).notNull(),
    answeredOn: date('answered_on', { mode: 'string' }),
    answerText: text('answer_text'),
    answeredBy: text('answered_by'),
    /** The national authority's decision on the last answer: its day, who, and why it was returned. */
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewedBy: text('reviewed_by'),
    returnReason: text('return_reason'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('channel_occurrence_period_uq').on(t.obligationId, t.period),
    index('channel_occurrence_due_idx').on(t.organizationId, t.status, t.dueOn),
  ],
);
