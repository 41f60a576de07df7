import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { AREA_KINDS, HEAD_KINDS, INSTITUTION_KINDS, INSTITUTION_LEVELS } from './contract';
import { orgId, stamps } from '../platform/db/columns';

/** An outside body the organization deals with: the INE, an OPLE, a university, a consulate… */
export const institution = pgTable(
  'institution',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: text('kind', { enum: INSTITUTION_KINDS }).notNull(),
    country: text('country').notNull(),
    level: text('level', { enum: INSTITUTION_LEVELS }).notNull(),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    address: text('address'),
    notes: text('notes'),
    ...stamps,
  },
  (t) => [index('institution_org_idx').on(t.organizationId, t.name)],
);

/** One of the organization's own internal units (SE, DVOE, a Dirección Ejecutiva, an office…). */
export const area = pgTable(
  'area',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: text('kind', { enum: AREA_KINDS }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => area.id),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...stamps,
  },
  (t) => [index('area_org_idx').on(t.organizationId, t.name)],
);

/** A person with one identity across every record: councillor, staff member, outside contact. */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    fullName: text('full_name').notNull(),
    honorific: text('honorific'),
    gender: text('gender', { enum: ['female', 'male', 'unspecified'] })
      .notNull()
      .default('unspecified'),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    ...stamps,
  },
  (t) => [index('person_org_idx').on(t.organizationId, t.fullName)],
);

/**
 * A position a person held from one date to another: in one of the organization's areas (and, with
 * headKind, as its head: titular or encargado de despacho) or at an outside institution.
 */
export const position = pgTable(
  'position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    title: text('title').notNull(),
    areaId: uuid('area_id').references(() => area.id),
    institutionId: uuid('institution_id').references(() => institution.id),
    headKind: text('head_kind', { enum: HEAD_KINDS }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    ...stamps,
  },
  (t) => [
    index('position_person_idx').on(t.personId),
    index('position_area_idx').on(t.areaId),
    check('position_dates_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('position_head_in_area_ck', sql`${t.headKind} is null or ${t.areaId} is not null`),
  ],
);
