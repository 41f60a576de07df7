import { z } from 'zod';
import { LocalDateSchema, checkPeriod } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';
import { CHANNEL_MODULES, FOLIO_NATURES, FOLIO_STATUSES, type FolioStatus } from './contract-folio-status';
import { OPEN_ROUTING_CHOICES } from './contract-open-routings';

// The channel's API types, shared by the server and the web client.

export const FOLLOW_UP_TYPES = ['circular', 'correo', 'informativo', 'invitacion', 'oficio'] as const;
export const CONSULTATION_TYPES = ['acuerdo', 'consulta', 'informativo', 'oficio', 'otro'] as const;
export const DOCUMENT_TYPES = [
  'circular',
  'correo',
  'informativo',
  'invitacion',
  'oficio',
  'acuerdo',
  'consulta',
  'otro',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const ChannelModuleSchema = z.enum(CHANNEL_MODULES);
export const FolioStatusSchema = z.enum(FOLIO_STATUSES);
export const FolioNatureSchema = z.enum(FOLIO_NATURES);
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export const OpenRoutingsChoiceSchema = z.enum(OPEN_ROUTING_CHOICES).meta({ label: 'turnos abiertos' });

const days = (max: number) => z.number().int().min(1).max(max);
export const DueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('business_days'), days: days(365) }),
  z.strictObject({ kind: z.literal('natural_days'), days: days(730) }),
  z.strictObject({ kind: z.literal('fixed_date'), date: LocalDateSchema }),
  z.strictObject({ kind: z.literal('last_business_day_of_month') }),
  z.strictObject({
    kind: z.literal('first_days_of_month'),
    days: days(31),
    count: z.enum(['business', 'natural']),
  }),
]);

const text = (max: number) => z.string().trim().min(1).max(max);

function typeFitsModule(v: { module: string; documentType: string }, ctx: z.RefinementCtx) {
  const allowed: readonly string[] = v.module === 'follow_up' ? FOLLOW_UP_TYPES : CONSULTATION_TYPES;
  if (!allowed.includes(v.documentType)) {
    ctx.addIssue({
      code: 'custom',
      path: ['documentType'],
      message:
        v.module === 'follow_up'
          ? 'Ese tipo de documento no se usa en el seguimiento; elija otro'
          : 'Ese tipo de documento no se usa en las consultas; elija otro',
    });
  }
}

/** The national authority sends a communication to local bodies of the installation. */
export const SendCommunicationInputSchema = z
  .strictObject({
    module: ChannelModuleSchema,
    documentType: DocumentTypeSchema,
    nature: FolioNatureSchema.default('for_attention'),
    subject: text(500),
    body: z.string().max(20_000).default(''),
    sentOn: LocalDateSchema,
    /** Local bodies addressed (follow-up); omitted with `toAll` true. Ignored for consultations. */
    recipientOrgIds: z.array(z.uuid()).max(100).default([]),
    toAll: z.boolean().default(false),
    dueRule: DueRuleSchema.nullable().default(null),
  })
  .superRefine(typeFitsModule);
export type SendCommunicationInput = z.infer<typeof SendCommunicationInputSchema>;

/** A local body registers a folio of an outside system, with the number that system gave it. */
export const RegisterFolioInputSchema = z
  .strictObject({
    module: ChannelModuleSchema,
    folio: z
      .string()
      .regex(/^\s*\d{1,6}\s*\/\s*\d{4}\s*$/, 'Escriba el folio como número/año, p. ej. 270/2023'),
    documentType: DocumentTypeSchema,
    nature: FolioNatureSchema.default('for_attention'),
    subject: text(500),
    body: z.string().max(20_000).default(''),
    sentOn: LocalDateSchema,
    receivedOn: LocalDateSchema,
    dueRule: DueRuleSchema.nullable().default(null),
    status: FolioStatusSchema.optional(),
    /** The day the folio reached `status` in the system it comes from (its reception by default). */
    statusOn: LocalDateSchema.optional(),
  })
  .superRefine(typeFitsModule)
  .superRefine((v, ctx) => {
    if (v.receivedOn < v.sentOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['receivedOn'],
        message: 'La recepción no puede ser anterior al envío',
      });
    }
    if (v.statusOn && !v.status) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'Escriba el estatus al que llegó el folio en esa fecha',
      });
    }
    if (v.statusOn && v.statusOn < v.receivedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['statusOn'],
        message: 'La fecha del estatus no puede ser anterior a la recepción',
      });
    }
  });
export type RegisterFolioInput = z.infer<typeof RegisterFolioInputSchema>;

export const FolioEventSchema = z.enum([
  'local_answers',
  'local_acknowledges',
  'national_concludes',
  'national_returns',
  'originator_cancels',
]);

export const ChangeFolioStatusInputSchema = z.strictObject({
  event: FolioEventSchema,
  /** The day it happened (today by default); the answer or observation, when there is one. */
  on: LocalDateSchema.optional(),
  text: z.string().trim().max(20_000).optional(),
  reason: z.string().trim().max(2000).optional(),
  /** Required when the folio stays open with routing slips still open (contract-open-routings.ts). */
  openRoutings: OpenRoutingsChoiceSchema.optional(),
});
export type ChangeFolioStatusInput = z.infer<typeof ChangeFolioStatusInputSchema>;

export const FolioSchema = z
  .object({
    id: z.uuid(),
    communicationId: z.uuid(),
    folio: z.string(),
    module: ChannelModuleSchema,
    number: z.number().int(),
    year: z.number().int(),
    documentType: DocumentTypeSchema,
    nature: FolioNatureSchema,
    subject: z.string(),
    originLabel: z.string(),
    localOrganization: z.object({ id: z.uuid(), acronym: z.string(), name: z.string() }),
    nationalOrgId: z.uuid().nullable(),
    status: FolioStatusSchema,
    sentOn: LocalDateSchema,
    receivedOn: LocalDateSchema,
    dueOn: LocalDateSchema.nullable(),
    closedOn: LocalDateSchema.nullable(),
    /** Derived against today in Mexico City: open and past its due date / due within 3 business days. */
    overdue: z.boolean(),
    dueSoon: z.boolean(),
    /** The viewing organization's areas the folio is routed to (slips not withdrawn), responsible first. */
    areas: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['responsible', 'informed']) })),
  })
  .meta({ id: 'Folio' });
export type Folio = z.infer<typeof FolioSchema>;

export const FolioHistoryEntrySchema = z.object({
  event: z.string(),
  fromStatus: FolioStatusSchema.nullable(),
  toStatus: FolioStatusSchema,
  actorLabel: z.string(),
  reason: z.string().nullable(),
  occurredOn: LocalDateSchema,
  occurredAt: z.string(),
});

export const FolioMessageSchema = z.object({
  id: z.uuid(),
  fromSide: z.enum(['local', 'national']),
  text: z.string(),
  sentOn: LocalDateSchema,
});

export const FolioDetailSchema = FolioSchema.extend({
  body: z.string(),
  dueRule: DueRuleSchema.nullable(),
  history: z.array(FolioHistoryEntrySchema),
  messages: z.array(FolioMessageSchema),
}).meta({ id: 'FolioDetail' });
export type FolioDetail = z.infer<typeof FolioDetailSchema>;

export const FolioListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  module: ChannelModuleSchema.optional(),
  documentType: DocumentTypeSchema.optional(),
  nature: FolioNatureSchema.optional(),
  status: FolioStatusSchema.optional(),
  receivedFrom: LocalDateSchema.optional(),
  receivedTo: LocalDateSchema.optional(),
  /** Folios routed to this area of the viewing organization (responsible or for information). */
  areaId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type FolioListQuery = z.infer<typeof FolioListQuerySchema>;
export const FolioPageSchema = pageOf(FolioSchema).extend({
  /**
   * True when there are more matches than `total`: a list counts up to 1,000 matches (or one page
   * past the page asked for), and a broad search then says "más de 1 000".
   */
  totalIsLowerBound: z.boolean(),
});

export const CommunicationSummarySchema = z
  .object({
    communicationId: z.uuid(),
    folio: z.string(),
    recipients: z.number().int(),
    // An object with one property per status rather than a record keyed by the enum: the same
    // value, which OpenAPI can describe (a record's keys are not properties to it).
    byStatus: z.object(
      Object.fromEntries(FOLIO_STATUSES.map((s) => [s, z.number().int()])) as Record<
        FolioStatus,
        z.ZodNumber
      >,
    ),
  })
  .meta({ id: 'CommunicationSummary' });
export type CommunicationSummary = z.infer<typeof CommunicationSummarySchema>;

export const MonthlyStatusQuerySchema = z
  .object({
    module: ChannelModuleSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    /** The day whose statuses are counted (the report's "al 31 de marzo"); defaults to `to`. */
    asOf: LocalDateSchema.optional(),
  })
  .superRefine(checkPeriod('from', 'to', 'asOf'));

const StatusCountsSchema = z.object({
  pending_local: z.number().int(),
  in_process_national: z.number().int(),
  cancelled: z.number().int(),
  concluded: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

/** Folios received per month, by their status as of a day: the reference's annex tables. */
export const MonthlyStatusTableSchema = z
  .object({
    module: ChannelModuleSchema,
    asOf: LocalDateSchema,
    months: z.array(StatusCountsSchema.extend({ month: z.string().describe('AAAA-MM') })),
    totals: StatusCountsSchema,
    byNature: z.object({ for_information: z.number().int(), for_attention: z.number().int() }),
  })
  .meta({ id: 'MonthlyStatusTable' });
export type MonthlyStatusTable = z.infer<typeof MonthlyStatusTableSchema>;

/** Who is at the other end of the channel in this installation (names only). */
export const CounterpartsSchema = z
  .object({
    national: z.object({ id: z.uuid(), name: z.string(), acronym: z.string() }).nullable(),
    localBodies: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string() })),
  })
  .meta({ id: 'ChannelCounterparts' });
export type Counterparts = z.infer<typeof CounterpartsSchema>;

/** Monthly due rules: the day within each month an occurrence of an obligation is due. */
export const MonthlyDueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('last_business_day_of_month') }),
  z.strictObject({
    kind: z.literal('first_days_of_month'),
    days: days(31),
    count: z.enum(['business', 'natural']),
  }),
]);

export const ObligationInputSchema = z
  .strictObject({
    description: text(500),
    dueRule: MonthlyDueRuleSchema,
    /** First and (optionally) last month, as any day of that month. */
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema.nullable().default(null),
    /** The local body's area that answers each month; none: liaison staff answer. */
    areaId: z.uuid().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn.slice(0, 7) < v.startsOn.slice(0, 7)) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'El último mes es anterior al primero' });
    }
  });
export type ObligationInput = z.infer<typeof ObligationInputSchema>;

/** A recurring obligation still running, as the quarterly report's pending list names it. */
export type RecurringObligation = {
  folio: string;
  subject: string;
  description: string;
  rule: string;
};
