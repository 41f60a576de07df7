import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../accounts/schema';
import { person } from '../../directory/schema';
import { contact, contactBase } from '../schema';
import { ACCREDITATION_STATUSES, AGENDA_KINDS, DELIVERY_STATUSES, REGISTRANT_KINDS } from './contract';
import { orgId, stamps } from '../../platform/db/columns';

// The accompaniment mission for foreign observers and visitors (a sub-module of outreach). A
// registrant's personal data (name, e-mail, phone, organization) lives in its outreach contact, and
// its consent is an outreach consent for the mission's contact base, so access requests (export)
// and erasure cover it with the rest of outreach (ADR 0014, ADR 0016).

/**
 * An accompaniment mission of one electoral process, approved by an agreement. Its registrants
 * are the members of `baseId`, a contact base of outreach created with the mission.
 */
export const observerMission = pgTable(
  'observers_mission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    process: text('process').notNull(),
    electionDay: date('election_day', { mode: 'string' }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    agreementRef: text('agreement_ref'),
    approvedOn: date('approved_on', { mode: 'string' }),
    baseId: uuid('base_id')
      .notNull()
      .references(() => contactBase.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('observers_mission_name_uq').on(t.organizationId, sql`lower(${t.name})`),
    check(
      'observers_mission_days_ck',
      sql`${t.startsOn} <= ${t.electionDay} and ${t.electionDay} <= ${t.endsOn}`,
    ),
  ],
);

/** A group of registrants that moves together (and follows its own route on election day). */
export const observerGroup = pgTable(
  'observers_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => observerMission.id),
    name: text('name').notNull(),
    description: text('description'),
    ...stamps,
  },
  (t) => [uniqueIndex('observers_group_name_uq').on(t.missionId, sql`lower(${t.name})`)],
);

/**
 * A foreign observer or visitor registered for a mission. `contactId` holds the person (outreach
 * contact). The accreditation number is required once accredited and unique within the mission;
 * erasure blanks it and `notes` and sets `erasedAt`.
 */
export const observerRegistrant = pgTable(
  'observers_registrant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => observerMission.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    kind: text('kind', { enum: REGISTRANT_KINDS }).notNull(),
    nationality: text('nationality').notNull(),
    accreditationStatus: text('accreditation_status', { enum: ACCREDITATION_STATUSES }).notNull(),
    accreditationNumber: text('accreditation_number'),
    groupId: uuid('group_id').references(() => observerGroup.id),
    notes: text('notes'),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('observers_registrant_contact_uq').on(t.missionId, t.contactId),
    uniqueIndex('observers_registrant_accreditation_uq')
      .on(t.missionId, sql`upper(${t.accreditationNumber})`)
      .where(sql`${t.accreditationNumber} is not null`),
    index('observers_registrant_group_idx').on(t.groupId),
    index('observers_registrant_contact_idx').on(t.contactId),
    check(
      'observers_registrant_accredited_ck',
      sql`${t.accreditationStatus} <> 'accredited' or ${t.accreditationNumber} is not null or ${t.erasedAt} is not null`,
    ),
  ],
);

/**
 * An item of the mission's agenda: an activity, or (on election day) a route through polling
 * stations whose stops are `observers_route_stop`. `groupId` null: for the whole mission.
 */
export const observerAgendaItem = pgTable(
  'observers_agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => observerMission.id),
    groupId: uuid('group_id').references(() => observerGroup.id),
    kind: text('kind', { enum: AGENDA_KINDS }).notNull(),
    title: text('title').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    place: text('place'),
    description: text('description'),
    ...stamps,
  },
  (t) => [
    index('observers_agenda_mission_idx').on(t.missionId, t.day, t.startTime),
    check('observers_agenda_times_ck', sql`${t.startTime} < ${t.endTime}`),
  ],
);

/** A stop of a route at a polling station (casilla: section and type), in order, with its times. */
export const observerRouteStop = pgTable(
  'observers_route_stop',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => observerAgendaItem.id),
    position: integer('position').notNull(),
    section: integer('section').notNull(),
    casillaType: text('casilla_type').notNull(),
    address: text('address').notNull(),
    arrivalTime: text('arrival_time').notNull(),
    departureTime: text('departure_time').notNull(),
    notes: text('notes'),
  },
  (t) => [
    uniqueIndex('observers_route_stop_position_uq').on(t.agendaItemId, t.position),
    check('observers_route_stop_times_ck', sql`${t.arrivalTime} <= ${t.departureTime}`),
  ],
);

/**
 * A member of staff (a user of the organization or a person of its directory) assigned to an
 * agenda item, a group, or both, with a role ("enlace", "intérprete"…).
 */
export const observerAssignment = pgTable(
  'observers_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => observerMission.id),
    agendaItemId: uuid('agenda_item_id').references(() => observerAgendaItem.id),
    groupId: uuid('group_id').references(() => observerGroup.id),
    userId: text('user_id').references(() => user.id),
    personId: uuid('person_id').references(() => person.id),
    role: text('role').notNull(),
    notes: text('notes'),
    ...stamps,
  },
  (t) => [
    index('observers_assignment_mission_idx').on(t.missionId),
    uniqueIndex('observers_assignment_uq').on(
      t.missionId,
      sql`coalesce(${t.agendaItemId}::text, '')`,
      sql`coalesce(${t.groupId}::text, '')`,
      sql`coalesce(${t.userId}, ${t.personId}::text)`,
    ),
    check('observers_assignment_target_ck', sql`num_nonnulls(${t.agendaItemId}, ${t.groupId}) >= 1`),
    check('observers_assignment_staff_ck', sql`num_nonnulls(${t.userId}, ${t.personId}) = 1`),
  ],
);

/** A message to the mission's registrants (all, or one group), sent by e-mail to those with consent. */
export const observerCommunication = pgTable(
  'observers_communication',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => observerMission.id),
    groupId: uuid('group_id').references(() => observerGroup.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    sentBy: text('sent_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('observers_communication_mission_idx').on(t.missionId, t.createdAt)],
);

/**
 * One e-mail of a communication to one registrant: queued in the transaction that creates the
 * communication (with its job), then sent, failed or skipped (consent withdrawn meanwhile).
 */
export const observerDelivery = pgTable(
  'observers_delivery',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: orgId(),
    communicationId: uuid('communication_id')
      .notNull()
      .references(() => observerCommunication.id),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => observerRegistrant.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    email: text('email'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('observers_delivery_uq').on(t.communicationId, t.registrantId),
    index('observers_delivery_contact_idx').on(t.contactId),
  ],
);
