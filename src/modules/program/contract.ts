import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';
import { CADENCES, DATE_MODES, MODALITIES, PARTICIPANT_ROLES, TARGET_SOURCES } from './contract-constants';
import { DateSpecSchema, dateSpecProblems } from './contract-date-spec';

// The program module's API types, shared by the server (validation, OpenAPI) and the web client.

export * from './contract-constants';
export { DateSpecSchema, type DateSpec } from './contract-date-spec';

const text = (max: number) => z.string().trim().min(1, 'Este campo es obligatorio').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const IdParamsSchema = z.object({ id: z.uuid() });
export const FileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

/** A period asked about: both ends, inclusive, the end not before the start. */
export const PeriodQuerySchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema })
  .refine((p) => p.to >= p.from, {
    path: ['to'],
    message: 'El final del periodo es anterior a su inicio',
  });
export type PeriodQuery = z.infer<typeof PeriodQuerySchema>;

const RECORD_SOURCE = z.string().regex(/^[a-z]+\.[a-z_]+$/, 'Fuente de registros inválida');

// ---- program, lines, objectives

export const ProgramInputSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: text(300),
  approvedByAgreementId: z.uuid().nullable().optional(),
  approvedByText: optionalText(100),
  approvedOn: LocalDateSchema.nullable().optional(),
});
export type ProgramInput = z.infer<typeof ProgramInputSchema>;
export const ProgramPatchSchema = ProgramInputSchema.partial();
export type ProgramPatch = z.infer<typeof ProgramPatchSchema>;

export const ProgramSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    name: z.string(),
    approvedByAgreementId: z.uuid().nullable(),
    approvedByText: z.string().nullable(),
    /** The approving agreement's number ("CVOE/003/2024") or the text given. */
    approvedBy: z.string().nullable(),
    approvedOn: LocalDateSchema.nullable(),
  })
  .meta({ id: 'WorkProgram' });
export type Program = z.infer<typeof ProgramSchema>;

export const LineInputSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  title: text(1000),
  description: optionalText(4000),
  recordSources: z.array(RECORD_SOURCE).max(10).default([]),
});
export type LineInput = z.infer<typeof LineInputSchema>;
export const LinePatchSchema = LineInputSchema.partial();
export type LinePatch = z.infer<typeof LinePatchSchema>;

export const ObjectiveInputSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,2}$/, 'Use una o dos letras mayúsculas (A, B, …)'),
  title: text(1000),
  description: optionalText(4000),
  recordSources: z.array(RECORD_SOURCE).max(10).default([]),
});
export type ObjectiveInput = z.infer<typeof ObjectiveInputSchema>;
export const ObjectivePatchSchema = ObjectiveInputSchema.partial();
export type ObjectivePatch = z.infer<typeof ObjectivePatchSchema>;

export const TargetInputSchema = z
  .strictObject({
    lineId: z.uuid().optional(),
    objectiveId: z.uuid().nullable().optional(),
    description: text(1000),
    minimumCount: z.number().int().min(1).max(100_000),
    unit: text(100),
    periodStart: LocalDateSchema,
    periodEnd: LocalDateSchema,
    source: z.enum(TARGET_SOURCES),
    activityKind: z.string().max(40).nullable().optional(),
    seriesId: z.uuid().nullable().optional(),
    externalSource: RECORD_SOURCE.nullable().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.periodEnd < t.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'El periodo termina antes de empezar' });
    if (!t.lineId && !t.objectiveId)
      ctx.addIssue({ code: 'custom', path: ['objectiveId'], message: 'Indique el objetivo o la línea' });
    if (t.source === 'external' && !t.externalSource)
      ctx.addIssue({ code: 'custom', path: ['externalSource'], message: 'Indique la fuente de registros' });
  });
export type TargetInput = z.infer<typeof TargetInputSchema>;

export const TargetProgressSchema = z.object({
  count: z.number().int(),
  minimum: z.number().int(),
  met: z.boolean(),
  /** 0–100, capped. */
  percent: z.number(),
});
export type TargetProgress = z.infer<typeof TargetProgressSchema>;

export const TargetSchema = z
  .object({
    id: z.uuid(),
    lineId: z.uuid(),
    objectiveId: z.uuid().nullable(),
    description: z.string(),
    minimumCount: z.number().int(),
    unit: z.string(),
    periodStart: LocalDateSchema,
    periodEnd: LocalDateSchema,
    source: z.enum(TARGET_SOURCES),
    activityKind: z.string().nullable(),
    seriesId: z.uuid().nullable(),
    externalSource: z.string().nullable(),
    progress: TargetProgressSchema,
  })
  .meta({ id: 'ProgramTarget' });
export type Target = z.infer<typeof TargetSchema>;

export const ObjectiveSchema = z
  .object({
    id: z.uuid(),
    lineId: z.uuid(),
    key: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    recordSources: z.array(z.string()),
    targets: z.array(TargetSchema),
  })
  .meta({ id: 'ProgramObjective' });
export type Objective = z.infer<typeof ObjectiveSchema>;

export const LineSchema = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    recordSources: z.array(z.string()),
    objectives: z.array(ObjectiveSchema),
    /** Targets of the line itself (not of one objective). */
    targets: z.array(TargetSchema),
  })
  .meta({ id: 'ProgramLine' });
export type Line = z.infer<typeof LineSchema>;

export const ProgramTreeSchema = ProgramSchema.extend({ lines: z.array(LineSchema) }).meta({
  id: 'WorkProgramTree',
});
export type ProgramTree = z.infer<typeof ProgramTreeSchema>;

export const ProgramListSchema = z.array(ProgramSchema);

export const ProgramTreeQuerySchema = z.object({
  /** Targets' progress counts the records of each target's own period. */
  at: LocalDateSchema.optional(),
});

// ---- reasons for no activity

export const ReasonInputSchema = z
  .strictObject({
    lineId: z.uuid().optional(),
    objectiveId: z.uuid().nullable().optional(),
    periodStart: LocalDateSchema,
    periodEnd: LocalDateSchema,
    reason: text(4000),
  })
  .superRefine((r, ctx) => {
    if (r.periodEnd < r.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'El periodo termina antes de empezar' });
    if (!r.lineId && !r.objectiveId)
      ctx.addIssue({ code: 'custom', path: ['objectiveId'], message: 'Indique el objetivo o la línea' });
  });
export type ReasonInput = z.infer<typeof ReasonInputSchema>;

export const ReasonSchema = z
  .object({
    id: z.uuid(),
    lineId: z.uuid(),
    objectiveId: z.uuid().nullable(),
    periodStart: LocalDateSchema,
    periodEnd: LocalDateSchema,
    reason: z.string(),
  })
  .meta({ id: 'ObjectiveReason' });
export type Reason = z.infer<typeof ReasonSchema>;

/** An objective (or a line without objectives) with no activity and no stated reason in a period. */
export const UnexplainedObjectiveSchema = z
  .object({
    lineId: z.uuid(),
    lineNumber: z.number().int(),
    objectiveId: z.uuid().nullable(),
    objectiveKey: z.string().nullable(),
    /** "3.E", or "5" for a line without objectives. */
    label: z.string(),
    title: z.string(),
  })
  .meta({ id: 'UnexplainedObjective' });
export type UnexplainedObjective = z.infer<typeof UnexplainedObjectiveSchema>;

// ---- activities

export const ActivityKindSchema = z
  .object({ code: z.string(), name: z.string(), builtIn: z.boolean() })
  .meta({ id: 'ActivityKind' });
export type ActivityKindItem = z.infer<typeof ActivityKindSchema>;
export const ActivityKindInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use minúsculas, dígitos y guiones bajos (2 a 40 caracteres)'),
  name: text(100),
});
export type ActivityKindInput = z.infer<typeof ActivityKindInputSchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: (issue) => (issue.input === '' ? 'Indique la hora' : 'Escriba la hora como 09:30 o 17:45'),
});

export const AgendaItemInputSchema = z.strictObject({
  day: LocalDateSchema,
  startTime: timeOfDay.nullable().optional(),
  title: text(1000),
  place: optionalText(300),
  city: optionalText(100),
});

export const ParticipantInputSchema = z.strictObject({
  personId: z.uuid(),
  role: z.enum(PARTICIPANT_ROLES).default('participant'),
});

export const ActivityInputSchema = z
  .strictObject({
    lineId: z.uuid().optional(),
    objectiveId: z.uuid().nullable().optional(),
    kind: z.string().trim().min(1, 'Indique el tipo de actividad').max(40),
    title: text(2000),
    purpose: optionalText(4000),
    dates: DateSpecSchema,
    modality: z.enum(MODALITIES).nullable().optional(),
    tool: optionalText(100),
    place: optionalText(500),
    notes: optionalText(4000),
    institutionIds: z.array(z.uuid()).max(50).default([]),
    participants: z.array(ParticipantInputSchema).max(100).default([]),
    route: z.array(text(100)).max(30).default([]),
    partners: z.array(text(300)).max(30).default([]),
    invitingInstitutionId: z.uuid().nullable().optional(),
    country: optionalText(100),
    election: optionalText(300),
    agreementId: z.uuid().nullable().optional(),
    agenda: z.array(AgendaItemInputSchema).max(200).default([]),
  })
  .superRefine((a, ctx) => {
    for (const p of dateSpecProblems(a.dates, '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['dates', ...p.path.split('.').filter(Boolean)],
        message: p.message,
      });
    }
    if (!a.lineId && !a.objectiveId)
      ctx.addIssue({ code: 'custom', path: ['objectiveId'], message: 'Indique el objetivo del programa' });
    const ids = new Set<string>();
    a.institutionIds.forEach((id, i) => {
      if (ids.has(id))
        ctx.addIssue({ code: 'custom', path: ['institutionIds', i], message: 'Institución repetida' });
      ids.add(id);
    });
    const people = new Set<string>();
    a.participants.forEach((p, i) => {
      if (people.has(p.personId))
        ctx.addIssue({ code: 'custom', path: ['participants', i, 'personId'], message: 'Persona repetida' });
      people.add(p.personId);
    });
  });
export type ActivityInput = z.infer<typeof ActivityInputSchema>;

export const ActivityFileSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

export const ActivitySchema = z
  .object({
    id: z.uuid(),
    lineId: z.uuid(),
    lineNumber: z.number().int(),
    objectiveId: z.uuid().nullable(),
    objectiveKey: z.string().nullable(),
    kind: z.string(),
    kindName: z.string(),
    title: z.string(),
    purpose: z.string().nullable(),
    dates: DateSpecSchema,
    dateMode: z.enum(DATE_MODES),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    /** The dates in Spanish ("5, 12, 19 y 26 de enero de 2024"). */
    datesText: z.string(),
    modality: z.enum(MODALITIES).nullable(),
    tool: z.string().nullable(),
    place: z.string().nullable(),
    notes: z.string().nullable(),
    institutions: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() })),
    participants: z.array(
      z.object({ personId: z.uuid(), fullName: z.string(), role: z.enum(PARTICIPANT_ROLES) }),
    ),
    route: z.array(z.string()),
    partners: z.array(z.string()),
    invitingInstitution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    country: z.string().nullable(),
    election: z.string().nullable(),
    agreementId: z.uuid().nullable(),
    /** The related agreement's number ("CVOE/006/2024"). */
    agreementNumber: z.string().nullable(),
    agenda: z.array(
      z.object({
        id: z.uuid(),
        day: LocalDateSchema,
        startTime: z.string().nullable(),
        title: z.string(),
        place: z.string().nullable(),
        city: z.string().nullable(),
      }),
    ),
    files: z.array(ActivityFileSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityFiltersSchema = z.object({
  programId: z.uuid().optional(),
  lineId: z.uuid().optional(),
  objectiveId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ActivityFilters = z.infer<typeof ActivityFiltersSchema>;
export const ActivityListQuerySchema = PageQuerySchema.extend(ActivityFiltersSchema.shape);
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;
export const ActivityPageSchema = pageOf(ActivitySchema);
export const ActivityExportQuerySchema = ActivityFiltersSchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

// ---- plan reviews (SSPELO)

export const PlanReviewInputSchema = z
  .strictObject({
    lineId: z.uuid().optional(),
    objectiveId: z.uuid().nullable().optional(),
    system: text(500),
    reviewedOn: LocalDateSchema,
    changes: text(4000),
    informedTo: optionalText(1000),
  })
  .superRefine((r, ctx) => {
    if (!r.lineId && !r.objectiveId)
      ctx.addIssue({ code: 'custom', path: ['objectiveId'], message: 'Indique el objetivo o la línea' });
  });
export type PlanReviewInput = z.infer<typeof PlanReviewInputSchema>;

export const PlanReviewSchema = z
  .object({
    id: z.uuid(),
    lineId: z.uuid(),
    objectiveId: z.uuid().nullable(),
    system: z.string(),
    reviewedOn: LocalDateSchema,
    changes: z.string(),
    informedTo: z.string().nullable(),
  })
  .meta({ id: 'PlanReview' });
export type PlanReview = z.infer<typeof PlanReviewSchema>;
export const PlanReviewQuerySchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});

// ---- publications

export const SeriesInputSchema = z
  .strictObject({
    lineId: z.uuid().optional(),
    objectiveId: z.uuid().nullable().optional(),
    name: text(300),
    cadence: z.enum(CADENCES),
    startsOn: LocalDateSchema.nullable().optional(),
    endsOn: LocalDateSchema.nullable().optional(),
    audience: optionalText(1000),
    distribution: optionalText(1000),
    /** The report lists the dates month by month. */
    datesByMonth: z.boolean().optional(),
    /** Sent every week between its dates, issues not recorded one by one. */
    sentWeekly: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.sentWeekly && s.cadence !== 'weekly')
      ctx.addIssue({
        code: 'custom',
        path: ['sentWeekly'],
        message: 'Solo una serie semanal se declara enviada cada semana',
      });
    if (s.startsOn && s.endsOn && s.endsOn < s.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'La serie termina antes de empezar' });
    if (!s.lineId && !s.objectiveId)
      ctx.addIssue({ code: 'custom', path: ['objectiveId'], message: 'Indique el objetivo o la línea' });
  });
export type SeriesInput = z.infer<typeof SeriesInputSchema>;

export const IssueInputSchema = z.strictObject({
  publishedOn: LocalDateSchema,
  title: text(1000),
  number: z.number().int().min(1).max(100_000).nullable().optional(),
  distribution: optionalText(1000),
});
export type IssueInput = z.infer<typeof IssueInputSchema>;
/** Corrects an issue: any of its fields, or moves it to another series (the file comes apart). */
export const IssuePatchSchema = IssueInputSchema.extend({ seriesId: z.uuid() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Indique al menos un dato' });
export type IssuePatch = z.infer<typeof IssuePatchSchema>;

export const IssueSchema = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    publishedOn: LocalDateSchema,
    title: z.string(),
    number: z.number().int().nullable(),
    distribution: z.string().nullable(),
    file: z.object({ filename: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
  })
  .meta({ id: 'PublicationIssue' });
export type Issue = z.infer<typeof IssueSchema>;

export const MissingSlotSchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  /** "semana del 4 al 10 de marzo de 2024", "enero de 2024". */
  label: z.string(),
});
export type MissingSlot = z.infer<typeof MissingSlotSchema>;

export const SeriesSchema = z
  .object({
    id: z.uuid(),
    lineId: z.uuid(),
    lineNumber: z.number().int(),
    objectiveId: z.uuid().nullable(),
    objectiveKey: z.string().nullable(),
    name: z.string(),
    cadence: z.enum(CADENCES),
    startsOn: LocalDateSchema.nullable(),
    endsOn: LocalDateSchema.nullable(),
    audience: z.string().nullable(),
    distribution: z.string().nullable(),
    datesByMonth: z.boolean(),
    sentWeekly: z.boolean(),
    /** Issues within the period asked (all when none was asked). */
    issues: z.array(IssueSchema),
    /** Weeks or months of the period asked with no issue (none for irregular series). */
    missing: z.array(MissingSlotSchema),
  })
  .meta({ id: 'PublicationSeries' });
export type Series = z.infer<typeof SeriesSchema>;
export const SeriesQuerySchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});
