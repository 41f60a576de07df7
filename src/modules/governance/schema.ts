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
import { user } from '../accounts/schema';
import { area, institution, person } from '../directory/schema';
import { storedFile } from '../platform/files/schema';
import {
  ATTENDANCE_ROLES,
  BODY_KINDS,
  HEAD_KINDS_SNAPSHOT,
  MANDATE_STATUSES,
  MEMBERSHIP_ROLES,
  NOTICE_RESPONSES,
  OPINION_KINDS,
  SESSION_KINDS,
  SESSION_MODALITIES,
  VOTE_KINDS,
  VOTES,
} from './contract';
import { day, orgId, stamps } from '../platform/db/columns';
import { organization } from '../platform/db/tenant';

/** The Consejo General or one of its committees. */
export const governingBody = pgTable(
  'governing_body',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    acronym: text('acronym').notNull(),
    kind: text('kind', { enum: BODY_KINDS }).notNull(),
    /** Agreement numbers read `prefix + NNN + /YYYY`: "CVOE/" or "IECM/ACU-CG-". */
    agreementPrefix: text('agreement_prefix').notNull(),
    /** The agreement that created the body, often another body's ("IECM/ACU-CG-077/2023"). */
    createdByAgreement: text('created_by_agreement'),
    createdOn: day('created_on').notNull(),
    endedOn: day('ended_on'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('governing_body_acronym_uq').on(t.organizationId, t.acronym),
    check('governing_body_dates_ck', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.createdOn}`),
  ],
);

/** A meeting of a body. Its number within year and kind is derived, never stored. */
export const bodySession = pgTable(
  'body_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governingBody.id),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    heldOn: day('held_on').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    modality: text('modality', { enum: SESSION_MODALITIES }).notNull(),
    convokedOn: day('convoked_on'),
    place: text('place'),
    minutesText: text('minutes_text'),
    minutesApprovedBy: uuid('minutes_approved_by').references((): AnyPgColumn => agreement.id),
    /** A cancelled session keeps its row (it was convened) with the day and reason of its cancellation. */
    cancelledOn: day('cancelled_on'),
    cancellationReason: text('cancellation_reason'),
    ...stamps,
  },
  (t) => [
    index('body_session_body_idx').on(t.organizationId, t.bodyId, t.heldOn),
    check('body_session_convoked_ck', sql`${t.convokedOn} is null or ${t.convokedOn} <= ${t.heldOn}`),
    check(
      'body_session_cancellation_ck',
      sql`(${t.cancelledOn} is null) = (${t.cancellationReason} is null)`,
    ),
  ],
);

/**
 * A role in a body over time: a member, the technical secretary, or a standing invitee (a party's
 * representation, an area whose head attends, another person), tied to the agreement that made it.
 */
export const bodyMembership = pgTable(
  'body_membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governingBody.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    personId: uuid('person_id').references(() => person.id),
    institutionId: uuid('institution_id').references(() => institution.id),
    areaId: uuid('area_id').references(() => area.id),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on'),
    agreementId: uuid('agreement_id').references((): AnyPgColumn => agreement.id),
    agreementReference: text('agreement_reference'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...stamps,
  },
  (t) => [
    index('body_membership_body_idx').on(t.organizationId, t.bodyId),
    check('body_membership_dates_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check(
      'body_membership_holder_ck',
      sql`(${t.role} = 'party_representation' and ${t.institutionId} is not null and ${t.areaId} is null)
        or (${t.role} = 'area_invitee' and ${t.areaId} is not null and ${t.institutionId} is null and ${t.personId} is null)
        or (${t.role} in ('president', 'member', 'technical_secretary', 'invitee') and ${t.personId} is not null and ${t.institutionId} is null and ${t.areaId} is null)`,
    ),
  ],
);

/** One item of a session's orden del día. */
export const agendaItem = pgTable(
  'agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySession.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    ...stamps,
  },
  (t) => [uniqueIndex('agenda_item_position_uq').on(t.sessionId, t.position)],
);

/** A document presented under an agenda item, stored by SHA-256. */
export const agendaDocument = pgTable(
  'agenda_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => storedFile.sha256),
    filename: text('filename').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_document_item_idx').on(t.agendaItemId)],
);

/** Who attended a session, in the role held that day (snapshotted from the roster). */
export const attendance = pgTable(
  'attendance',
  {
    organizationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySession.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => bodyMembership.id),
    role: text('role', { enum: ATTENDANCE_ROLES }).notNull(),
    personId: uuid('person_id').references(() => person.id),
    institutionId: uuid('institution_id').references(() => institution.id),
    headKind: text('head_kind', { enum: HEAD_KINDS_SNAPSHOT }),
    present: boolean('present').notNull(),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.membershipId] })],
);

/** A numbered decision of a body: `prefix + NNN + /YYYY`, gap-free per body and year. */
export const agreement = pgTable(
  'agreement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governingBody.id),
    sessionId: uuid('session_id').references((): AnyPgColumn => bodySession.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    adoptedOn: day('adopted_on').notNull(),
    voteKind: text('vote_kind', { enum: VOTE_KINDS }).notNull(),
    /** Adopted before the system: recorded with the number it already had. */
    historical: boolean('historical').notNull().default(false),
    ...stamps,
  },
  (t) => [
    uniqueIndex('agreement_number_uq').on(t.organizationId, t.bodyId, t.year, t.number),
    index('agreement_session_idx').on(t.sessionId),
    check('agreement_number_ck', sql`${t.number} >= 1`),
  ],
);

/** A voting member's vote on an agreement adopted by recorded vote. */
export const agreementVote = pgTable(
  'agreement_vote',
  {
    organizationId: orgId(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => bodyMembership.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    vote: text('vote', { enum: VOTES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.membershipId] })],
);

/** A mandate of a Consejo General agreement to one or more areas, followed up in the SSSCG. */
export const mandate = pgTable(
  'mandate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreement.id),
    description: text('description').notNull(),
    dueOn: day('due_on'),
    status: text('status', { enum: MANDATE_STATUSES }).notNull().default('pending'),
    ...stamps,
  },
  (t) => [index('mandate_org_idx').on(t.organizationId, t.dueOn)],
);

export const mandateArea = pgTable(
  'mandate_area',
  {
    organizationId: orgId(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandate.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id),
  },
  (t) => [primaryKey({ columns: [t.mandateId, t.areaId] })],
);

/** A dated progress update of a mandate; several on one day are kept in entry order. */
export const mandateUpdate = pgTable(
  'mandate_update',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandate.id, { onDelete: 'cascade' }),
    occurredOn: day('occurred_on').notNull(),
    note: text('note').notNull(),
    /** Entry order: several updates of one day (even in one transaction) keep the order given. */
    entry: integer('entry').generatedAlwaysAsIdentity(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mandate_update_mandate_idx').on(t.mandateId, t.occurredOn, t.entry)],
);

/**
 * A secret calendar-feed address of one user: the sessions of one body (or of all bodies when
 * `body_id` is null) for calendar apps that cannot sign in. Only the SHA-256 of the secret is kept;
 * a revoked token answers 404.
 */
export const calendarFeedToken = pgTable(
  'calendar_feed_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id').references(() => governingBody.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_token_hash_uq').on(t.tokenHash),
    index('calendar_feed_token_user_idx').on(t.organizationId, t.userId),
  ],
);

/**
 * How many hours before its start a session of each kind must be convened (the law's defaults:
 * ordinary 72, extraordinary 24; urgent sessions have no minimum). No row: the defaults.
 */
export const governanceSettings = pgTable(
  'governance_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organization.id),
    ordinaryNoticeHours: integer('ordinary_notice_hours').notNull().default(72),
    extraordinaryNoticeHours: integer('extraordinary_notice_hours').notNull().default(24),
    urgentNoticeHours: integer('urgent_notice_hours').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'governance_settings_hours_ck',
      sql`${t.ordinaryNoticeHours} between 0 and 720 and ${t.extraordinaryNoticeHours} between 0 and 720 and ${t.urgentNoticeHours} between 0 and 720`,
    ),
  ],
);

/**
 * The convocatoria of a session: sent once, then re-sent as an update (same iCal UID, higher
 * `sequence`) when the session moves, and as a cancellation when it is cancelled.
 */
export const sessionConvocation = pgTable('session_convocation', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => bodySession.id, { onDelete: 'cascade' }),
  organizationId: orgId(),
  /** The iCalendar SEQUENCE of the last notice sent: 0 the first, one more per update or cancellation. */
  sequence: integer('sequence').notNull().default(0),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
  /** The notice the organization requires for the session's kind, and the notice actually given. */
  requiredHours: integer('required_hours').notNull(),
  givenHours: integer('given_hours').notNull(),
  /** Sent with less notice than required, confirmed by the person who sent it. */
  late: boolean('late').notNull().default(false),
  message: text('message'),
});

/** A person the convocatoria was addressed to: a member or an invitee of the body that day. */
export const convocationRecipient = pgTable(
  'convocation_recipient',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessionConvocation.sessionId, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => bodyMembership.id),
    name: text('name').notNull(),
    roleLabel: text('role_label').notNull(),
    voting: boolean('voting').notNull(),
    /** null: no e-mail in the directory, nothing was sent (shown on the session page). */
    email: text('email'),
    /** When the recipient first opened the convocatoria's link (acuse de recibo). */
    receivedAt: timestamp('received_at', { withTimezone: true }),
    response: text('response', { enum: NOTICE_RESPONSES }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** The staff user who recorded the response in the app (by phone, in person); null: the recipient. */
    respondedBy: text('responded_by'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('convocation_recipient_uq').on(t.sessionId, t.membershipId)],
);

/** A voto particular or concurrente: a voting member's written opinion on an agreement, as a document. */
export const agreementOpinion = pgTable(
  'agreement_opinion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => bodyMembership.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    kind: text('kind', { enum: OPINION_KINDS }).notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => storedFile.sha256),
    filename: text('filename').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_opinion_agreement_idx').on(t.agreementId)],
);
