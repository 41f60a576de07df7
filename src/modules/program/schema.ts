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
} from 'drizzle-orm/pg-core';
import { institution, person } from '../directory/schema';
import { agreement } from '../governance/schema';
import { storedFile } from '../platform/files/schema';
import { CADENCES, DATE_MODES, MODALITIES, PARTICIPANT_ROLES, TARGET_SOURCES } from './contract-constants';
import { day, orgId, stamps } from '../platform/db/columns';

/** The yearly work program (Programa Específico de Vinculación), approved by an agreement. */
export const workProgram = pgTable(
  'work_program',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** The approving agreement when it is in the system… */
    approvedByAgreementId: uuid('approved_by_agreement_id').references(() => agreement.id),
    /** …or its number as text when it is not (e.g. adopted by another body). */
    approvedByText: text('approved_by_text'),
    approvedOn: day('approved_on'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('work_program_year_uq').on(t.organizationId, t.year),
    check('work_program_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/** A numbered line of a program ("1. Seguimiento a la Vinculación con el INE"). */
export const programLine = pgTable(
  'program_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => workProgram.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Record sources of other modules that count as this line's activity (record-sources.ts). */
    recordSources: text('record_sources')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...stamps,
  },
  (t) => [
    uniqueIndex('program_line_number_uq').on(t.programId, t.number),
    check('program_line_number_ck', sql`${t.number} >= 1`),
  ],
);

/** A lettered objective of a line ("A) Seguimiento a las sesiones del INE"). */
export const programObjective = pgTable(
  'program_objective',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => programLine.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Record sources of other modules that count as this objective's activity. */
    recordSources: text('record_sources')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...stamps,
  },
  (t) => [
    uniqueIndex('program_objective_key_uq').on(t.lineId, t.key),
    check('program_objective_key_ck', sql`${t.key} ~ '^[A-Z]{1,2}$'`),
  ],
);

/** A measurable target of an objective (or of a line) for a period: "al menos 20 correos". */
export const programTarget = pgTable(
  'program_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => programLine.id, { onDelete: 'cascade' }),
    objectiveId: uuid('objective_id').references(() => programObjective.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    minimumCount: integer('minimum_count').notNull(),
    unit: text('unit').notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    source: text('source', { enum: TARGET_SOURCES }).notNull(),
    /** With source 'activities': only this kind counts (null: every kind). */
    activityKind: text('activity_kind'),
    /** With source 'publication_issues': only this series counts (null: every series). */
    seriesId: uuid('series_id').references(() => publicationSeries.id, { onDelete: 'set null' }),
    /** With source 'external': the record source's code. */
    externalSource: text('external_source'),
    ...stamps,
  },
  (t) => [
    index('program_target_line_idx').on(t.lineId),
    check('program_target_min_ck', sql`${t.minimumCount} >= 1`),
    check('program_target_period_ck', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** The stated reason why an objective (or a line without objectives) had no activity in a period. */
export const objectiveReason = pgTable(
  'objective_reason',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => programLine.id, { onDelete: 'cascade' }),
    objectiveId: uuid('objective_id').references(() => programObjective.id, { onDelete: 'cascade' }),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    reason: text('reason').notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('objective_reason_uq')
      .on(t.lineId, t.objectiveId, t.periodStart, t.periodEnd)
      .where(sql`${t.objectiveId} is not null`),
    uniqueIndex('objective_reason_line_uq')
      .on(t.lineId, t.periodStart, t.periodEnd)
      .where(sql`${t.objectiveId} is null`),
    check('objective_reason_period_ck', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Activity kinds an organization's administrators add to the built-in ones. */
export const activityKind = pgTable(
  'activity_kind',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('activity_kind_code_uq').on(t.organizationId, t.code),
    check('activity_kind_code_ck', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
  ],
);

/**
 * One thing the office did, recorded against a line and (when the line has objectives) one of its
 * objectives. startsOn/endsOn bound every date mode; a list's days are in activity_day.
 */
export const activity = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => programLine.id),
    objectiveId: uuid('objective_id').references(() => programObjective.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose'),
    dateMode: text('date_mode', { enum: DATE_MODES }).notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    modality: text('modality', { enum: MODALITIES }),
    tool: text('tool'),
    place: text('place'),
    notes: text('notes'),
    /** Tours abroad: the cities visited, in order. */
    route: text('route')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Partners not in the directory ("red de organizaciones migrantes aliadas"). */
    partners: text('partners')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Observation missions: who invited, where, which election. */
    invitingInstitutionId: uuid('inviting_institution_id').references(() => institution.id),
    country: text('country'),
    election: text('election'),
    /** A governance agreement the activity relates to (an approval, a signing). */
    agreementId: uuid('agreement_id').references(() => agreement.id),
    ...stamps,
  },
  (t) => [
    index('activity_org_dates_idx').on(t.organizationId, t.startsOn),
    index('activity_objective_idx').on(t.objectiveId),
    index('activity_line_idx').on(t.lineId),
    check('activity_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The days of an activity given as a list ("5, 12, 19 y 26 de enero"). */
export const activityDay = pgTable(
  'activity_day',
  {
    organizationId: orgId(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    day: day('day').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.day] }),
    index('activity_day_idx').on(t.organizationId, t.day),
  ],
);

/** Counterpart institutions of an activity, in the order given. */
export const activityInstitution = pgTable(
  'activity_institution',
  {
    organizationId: orgId(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.institutionId] })],
);

/** People who took part: the councillor in charge of a tour, a mission's representatives, guests. */
export const activityParticipant = pgTable(
  'activity_participant',
  {
    organizationId: orgId(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    role: text('role', { enum: PARTICIPANT_ROLES }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.personId] })],
);

/** The agenda of events within an activity (the events of a tour abroad). */
export const activityAgendaItem = pgTable(
  'activity_agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    day: day('day').notNull(),
    startTime: text('start_time'),
    title: text('title').notNull(),
    place: text('place'),
    city: text('city'),
    position: integer('position').notNull(),
  },
  (t) => [index('activity_agenda_idx').on(t.activityId, t.day)],
);

/** Evidence of an activity (photos, lists of attendance, minutes), stored in stored_file. */
export const activityFile = pgTable(
  'activity_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFile.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_file_idx').on(t.activityId)],
);

/**
 * A review of the INE's electoral process plan (the report's SSPELO) or a similar follow-up system:
 * a dated entry with what changed; several on one day keep their entry order.
 */
export const planReview = pgTable(
  'plan_review',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => programLine.id),
    objectiveId: uuid('objective_id').references(() => programObjective.id),
    system: text('system').notNull(),
    reviewedOn: day('reviewed_on').notNull(),
    changes: text('changes').notNull(),
    informedTo: text('informed_to'),
    entry: integer('entry').generatedAlwaysAsIdentity(),
    ...stamps,
  },
  (t) => [index('plan_review_org_idx').on(t.organizationId, t.reviewedOn, t.entry)],
);

/** A recurring publication (Boletín Electoral, weekly calendar of INE sessions, newsletters…). */
export const publicationSeries = pgTable(
  'publication_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => programLine.id),
    objectiveId: uuid('objective_id').references(() => programObjective.id),
    name: text('name').notNull(),
    cadence: text('cadence', { enum: CADENCES }).notNull(),
    /** Issues are expected from this day on (null: from the start of any period asked). */
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    audience: text('audience'),
    distribution: text('distribution'),
    /** The report lists the issues' dates month by month ("5, 12, 19 y 26 de enero de 2024"). */
    datesByMonth: boolean('dates_by_month').notNull().default(false),
    /**
     * Declared sent every week between its dates without each issue being recorded: the report says
     * the weekly sending continued, and no week counts as missing (issue 23 item 7).
     */
    sentWeekly: boolean('sent_weekly').notNull().default(false),
    ...stamps,
  },
  (t) => [
    uniqueIndex('publication_series_name_uq').on(t.organizationId, t.name),
    check(
      'publication_series_dates_ck',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
  ],
);

/** One issue of a series: date, title, file and distribution. */
export const publicationIssue = pgTable(
  'publication_issue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => publicationSeries.id, { onDelete: 'cascade' }),
    publishedOn: day('published_on').notNull(),
    title: text('title').notNull(),
    number: integer('number'),
    distribution: text('distribution'),
    fileSha256: text('file_sha256').references(() => storedFile.sha256),
    filename: text('filename'),
    mediaType: text('media_type'),
    size: integer('size'),
    entry: integer('entry').generatedAlwaysAsIdentity(),
    ...stamps,
  },
  (t) => [
    index('publication_issue_series_idx').on(t.seriesId, t.publishedOn, t.entry),
    index('publication_issue_org_idx').on(t.organizationId, t.publishedOn),
  ],
);
