import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';
import { WebUrlSchema } from '../../shared/web-url';

// The directory's API types, shared by the server (validation, OpenAPI) and the web client.

export const INSTITUTION_KINDS = [
  'national_electoral_authority',
  'local_electoral_body',
  'university',
  'civil_society',
  'company_or_chamber',
  'government_agency',
  'judiciary',
  'international_body',
  'foreign_electoral_body',
  'consulate',
  'migrant_organization',
  'political_party',
] as const;
export const INSTITUTION_LEVELS = ['local', 'national', 'international'] as const;
export const AREA_KINDS = [
  'executive_secretariat',
  'administrative_secretariat',
  'internal_comptroller',
  'executive_directorate',
  'technical_unit',
  'directorate',
  'councillor_office',
  'other',
] as const;
export const HEAD_KINDS = ['titular', 'encargado_de_despacho'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use el código de país de dos letras (ISO 3166-1), p. ej. MX');

export const InstitutionKindSchema = z.enum(INSTITUTION_KINDS);
export const InstitutionLevelSchema = z.enum(INSTITUTION_LEVELS);

export const InstitutionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string().nullable(),
    kind: InstitutionKindSchema,
    country: z.string(),
    level: InstitutionLevelSchema,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Institution' });
export type Institution = z.infer<typeof InstitutionSchema>;

export const InstitutionInputSchema = z.strictObject({
  name: text(300),
  acronym: optionalText(40),
  kind: InstitutionKindSchema.meta({ label: 'el tipo de institución' }),
  country: countryCode.default('MX'),
  level: InstitutionLevelSchema,
  email: z.email().max(200).nullable().optional(),
  phone: optionalText(60),
  website: WebUrlSchema.nullable().optional(),
  address: optionalText(500),
  notes: optionalText(4000),
});
export type InstitutionInput = z.infer<typeof InstitutionInputSchema>;
export const InstitutionPatchSchema = InstitutionInputSchema.partial();
export type InstitutionPatch = z.infer<typeof InstitutionPatchSchema>;

export const InstitutionListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  kind: InstitutionKindSchema.optional(),
  level: InstitutionLevelSchema.optional(),
  country: countryCode.optional(),
});
export type InstitutionListQuery = z.infer<typeof InstitutionListQuerySchema>;
export const InstitutionPageSchema = pageOf(InstitutionSchema);

export const AreaKindSchema = z.enum(AREA_KINDS);
export const HeadKindSchema = z.enum(HEAD_KINDS);

export const AreaHeadSchema = z.object({
  positionId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  headKind: HeadKindSchema,
  title: z.string(),
  startsOn: LocalDateSchema,
  endsOn: LocalDateSchema.nullable(),
});
export type AreaHead = z.infer<typeof AreaHeadSchema>;

export const AreaSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string().nullable(),
    kind: AreaKindSchema,
    parentId: z.uuid().nullable(),
    aliases: z.array(z.string()),
    currentHead: AreaHeadSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof AreaSchema>;

export const AreaInputSchema = z.strictObject({
  name: text(300),
  acronym: optionalText(40),
  kind: AreaKindSchema.meta({ label: 'el tipo de área' }),
  parentId: z.uuid().nullable().optional(),
  aliases: z.array(text(300)).max(20).default([]),
});
export type AreaInput = z.infer<typeof AreaInputSchema>;
export const AreaPatchSchema = AreaInputSchema.partial();
export type AreaPatch = z.infer<typeof AreaPatchSchema>;

export const AreaListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  kind: AreaKindSchema.optional(),
});
export type AreaListQuery = z.infer<typeof AreaListQuerySchema>;
export const AreaPageSchema = pageOf(AreaSchema);

export const AreaDetailSchema = AreaSchema.extend({ heads: z.array(AreaHeadSchema) }).meta({
  id: 'AreaDetail',
});
export type AreaDetail = z.infer<typeof AreaDetailSchema>;

export const GenderSchema = z.enum(['female', 'male', 'unspecified']);

export const PositionSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    title: z.string(),
    areaId: z.uuid().nullable(),
    areaName: z.string().nullable(),
    institutionId: z.uuid().nullable(),
    institutionName: z.string().nullable(),
    headKind: HeadKindSchema.nullable(),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema.nullable(),
  })
  .meta({ id: 'Position' });
export type Position = z.infer<typeof PositionSchema>;

export const PositionInputSchema = z
  .strictObject({
    title: text(300).meta({ label: 'el cargo' }),
    areaId: z.uuid().nullable().optional(),
    institutionId: z.uuid().nullable().optional(),
    headKind: HeadKindSchema.nullable().optional(),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'La fecha de término es anterior a la de inicio',
      });
    }
    if (v.headKind && !v.areaId) {
      ctx.addIssue({
        code: 'custom',
        path: ['areaId'],
        message: 'Para ser titular o encargado(a) de despacho indique el área',
      });
    }
    if (v.areaId && v.institutionId) {
      ctx.addIssue({
        code: 'custom',
        path: ['institutionId'],
        message: 'Un cargo es en un área propia o en una institución externa, no en ambas',
      });
    }
  });
export type PositionInput = z.infer<typeof PositionInputSchema>;

export const PersonSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    honorific: z.string().nullable(),
    gender: GenderSchema,
    aliases: z.array(z.string()),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    currentPositions: z.array(PositionSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;
export const PersonDetailSchema = PersonSchema.extend({ positions: z.array(PositionSchema) }).meta({
  id: 'PersonDetail',
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const PersonInputSchema = z.strictObject({
  fullName: text(200),
  honorific: optionalText(60),
  gender: GenderSchema.default('unspecified'),
  aliases: z.array(text(200)).max(20).default([]),
  email: z.email().max(200).nullable().optional(),
  phone: optionalText(60),
  notes: optionalText(4000),
});
export type PersonInput = z.infer<typeof PersonInputSchema>;
export const PersonPatchSchema = PersonInputSchema.partial();
export type PersonPatch = z.infer<typeof PersonPatchSchema>;

export const PersonListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  areaId: z.uuid().optional(),
  institutionId: z.uuid().optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuerySchema>;
export const PersonPageSchema = pageOf(PersonSchema);

// The generic `:id` params are shared by every module's routes.
export { IdParamsSchema } from '../../shared/ids';
export const PositionParamsSchema = z.object({ id: z.uuid(), positionId: z.uuid() });

// ---- import and export (CSV, XLSX)

export const ExportFormatSchema = z.enum(['csv', 'xlsx']);
export const ImportQuerySchema = z.object({
  /** With true, valid rows are imported and invalid ones reported; by default one bad row stops all. */
  skipInvalid: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const ImportReportSchema = z
  .object({
    imported: z.number().int(),
    skipped: z.number().int(),
    problems: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;
