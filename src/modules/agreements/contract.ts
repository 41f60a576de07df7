import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';

// The agreements register's API types (SISCOI): instruments, commitments, reviews, expiry alerts,
// opinions of pertinence and accompaniment of negotiations. Shared by the server and the web client.

export const INSTRUMENT_STATUSES = [
  'negotiation',
  'signature',
  'in_force',
  'to_renegotiate',
  'concluded',
  'terminated_early',
] as const;
export const VALIDITY_KINDS = ['dated', 'indefinite', 'parent'] as const;
export const LINK_PREPOSITIONS = ['a', 'de'] as const;
export const GRAMMATICAL_GENDERS = ['m', 'f'] as const;
export const REVIEW_DECISIONS = ['keep', 'renegotiate', 'conclude'] as const;
export const FILE_KINDS = ['signed', 'annex'] as const;
export const OPINION_STATUSES = ['requested', 'issued'] as const;

export const InstrumentStatusSchema = z.enum(INSTRUMENT_STATUSES);
export type InstrumentStatus = z.infer<typeof InstrumentStatusSchema>;
export const ValidityKindSchema = z.enum(VALIDITY_KINDS);
export const LinkPrepositionSchema = z.enum(LINK_PREPOSITIONS);
export const GrammaticalGenderSchema = z.enum(GRAMMATICAL_GENDERS);
export const ReviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export const FileKindSchema = z.enum(FILE_KINDS);
export const OpinionStatusSchema = z.enum(OPINION_STATUSES);

export const STATUS_LABELS: Record<InstrumentStatus, string> = {
  negotiation: 'En negociación',
  signature: 'En firma',
  in_force: 'Vigente',
  to_renegotiate: 'Por renegociar',
  concluded: 'Concluido',
  terminated_early: 'Terminado anticipadamente',
};

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  error: (issue) => (issue.input === '' ? 'Indique el mes' : 'Este mes no es válido'),
});

export const IdParamsSchema = z.object({ id: z.uuid() });

// ---- types

export const InstrumentTypeSchema = z
  .object({ id: z.uuid(), name: z.string(), gender: GrammaticalGenderSchema })
  .meta({ id: 'InstrumentType' });
export type InstrumentType = z.infer<typeof InstrumentTypeSchema>;
export const InstrumentTypeInputSchema = z.strictObject({
  name: text(200),
  gender: GrammaticalGenderSchema.default('m'),
});
export type InstrumentTypeInput = z.infer<typeof InstrumentTypeInputSchema>;

// ---- instruments

export const PartySchema = z.object({
  institutionId: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
});

export const AreaRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const InstrumentSchema = z
  .object({
    id: z.uuid(),
    typeId: z.uuid(),
    typeName: z.string(),
    parentId: z.uuid().nullable(),
    ordinal: z.number().int().nullable(),
    designation: z.string().nullable(),
    subject: z.string().nullable(),
    linkPreposition: LinkPrepositionSchema,
    /** The full title, derived from the chain of parents. */
    title: z.string(),
    organizationIsParty: z.boolean(),
    parties: z.array(PartySchema),
    areas: z.array(AreaRefSchema),
    object: z.string().nullable(),
    signedOn: LocalDateSchema.nullable(),
    validityKind: ValidityKindSchema,
    validFrom: LocalDateSchema.nullable(),
    validUntil: LocalDateSchema.nullable(),
    /** The current end after renewals, or the parent's when tied to it; null = indefinite. */
    effectiveEnd: LocalDateSchema.nullable(),
    renewalTerms: z.string().nullable(),
    status: InstrumentStatusSchema,
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Instrument' });
export type Instrument = z.infer<typeof InstrumentSchema>;

const instrumentFields = {
  typeId: z.uuid(),
  parentId: z.uuid().nullable().optional(),
  ordinal: z.number().int().min(1).max(999).nullable().optional(),
  designation: optionalText(500),
  subject: optionalText(1000),
  linkPreposition: LinkPrepositionSchema.default('a'),
  organizationIsParty: z.boolean().default(true),
  partyIds: z.array(z.uuid()).max(50),
  areaIds: z.array(z.uuid()).min(1, 'Indique al menos un área responsable').max(50),
  object: optionalText(10_000),
  signedOn: LocalDateSchema.nullable().optional(),
  validityKind: ValidityKindSchema.default('dated'),
  validFrom: LocalDateSchema.nullable().optional(),
  validUntil: LocalDateSchema.nullable().optional(),
  renewalTerms: optionalText(4000),
  notes: optionalText(4000),
};

type ValidityInput = {
  validityKind?: 'dated' | 'indefinite' | 'parent';
  validFrom?: string | null;
  validUntil?: string | null;
  parentId?: string | null;
};

/** Zod-level checks that need several fields: end not before start, "tied to parent" needs one. */
function refineValidity(v: ValidityInput, ctx: z.RefinementCtx) {
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['validUntil'],
      message: 'La vigencia no puede terminar antes de comenzar',
    });
  }
  if (v.validityKind && v.validityKind !== 'dated' && v.validUntil) {
    ctx.addIssue({
      code: 'custom',
      path: ['validUntil'],
      message: 'Una vigencia indefinida o ligada al instrumento principal no lleva fecha de término',
    });
  }
  if (v.validityKind === 'parent' && v.parentId === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['validityKind'],
      message: 'Solo un instrumento derivado puede tener la vigencia del instrumento principal',
    });
  }
}

export const InstrumentInputSchema = z
  .strictObject({
    ...instrumentFields,
    status: InstrumentStatusSchema.default('negotiation'),
    /** The day of the initial status; by default the signing date, else today. */
    statusOn: LocalDateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    refineValidity(v, ctx);
    if (v.validityKind === 'parent' && !v.parentId) {
      ctx.addIssue({
        code: 'custom',
        path: ['validityKind'],
        message: 'Solo un instrumento derivado puede tener la vigencia del instrumento principal',
      });
    }
  });
export type InstrumentInput = z.infer<typeof InstrumentInputSchema>;

export const InstrumentPatchSchema = z
  .strictObject({
    typeId: instrumentFields.typeId.optional(),
    parentId: instrumentFields.parentId,
    ordinal: instrumentFields.ordinal,
    designation: instrumentFields.designation,
    subject: instrumentFields.subject,
    linkPreposition: LinkPrepositionSchema.optional(),
    organizationIsParty: z.boolean().optional(),
    partyIds: instrumentFields.partyIds.optional(),
    areaIds: instrumentFields.areaIds.optional(),
    object: instrumentFields.object,
    signedOn: instrumentFields.signedOn,
    validityKind: ValidityKindSchema.optional(),
    validFrom: instrumentFields.validFrom,
    validUntil: instrumentFields.validUntil,
    renewalTerms: instrumentFields.renewalTerms,
    notes: instrumentFields.notes,
  })
  .superRefine(refineValidity);
export type InstrumentPatch = z.infer<typeof InstrumentPatchSchema>;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
    z.array(item).max(20).optional(),
  );

export const InstrumentListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  typeId: z.uuid().optional(),
  status: commaList(InstrumentStatusSchema),
  partyId: z.uuid().optional(),
  areaId: z.uuid().optional(),
  /** Only roots (true) or the direct children of `parentId`. */
  roots: z.enum(['true', 'false']).optional(),
  parentId: z.uuid().optional(),
  signedFrom: LocalDateSchema.optional(),
  signedTo: LocalDateSchema.optional(),
  /** In force (vigente or por renegociar) with an effective end within this many days of `on`. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  on: LocalDateSchema.optional(),
});
export type InstrumentListQuery = z.infer<typeof InstrumentListQuerySchema>;
export type InstrumentFilters = Omit<InstrumentListQuery, 'page' | 'pageSize'>;
export const InstrumentPageSchema = pageOf(InstrumentSchema);
export const ExportFormatSchema = z.enum(['csv', 'xlsx']);
export const InstrumentExportQuerySchema = InstrumentListQuerySchema.omit({
  page: true,
  pageSize: true,
}).extend({ format: ExportFormatSchema.default('csv') });

export const StatusChangeSchema = z.object({
  id: z.uuid(),
  fromStatus: InstrumentStatusSchema.nullable(),
  toStatus: InstrumentStatusSchema,
  changedOn: LocalDateSchema,
  note: z.string().nullable(),
});
export const StatusChangeInputSchema = z.strictObject({
  status: InstrumentStatusSchema,
  changedOn: LocalDateSchema,
  note: optionalText(2000),
});
export type StatusChangeInput = z.infer<typeof StatusChangeInputSchema>;

export const RenewalSchema = z.object({
  id: z.uuid(),
  renewedOn: LocalDateSchema,
  previousEnd: LocalDateSchema.nullable(),
  newEnd: LocalDateSchema,
  amendingInstrumentId: z.uuid().nullable(),
  note: z.string().nullable(),
});
export const RenewalInputSchema = z.strictObject({
  renewedOn: LocalDateSchema,
  newEnd: LocalDateSchema,
  amendingInstrumentId: z.uuid().nullable().optional(),
  note: optionalText(2000),
});
export type RenewalInput = z.infer<typeof RenewalInputSchema>;

export const CommitmentUpdateSchema = z.object({
  id: z.uuid(),
  updatedOn: LocalDateSchema,
  note: z.string(),
  fulfilled: z.boolean(),
});
export const CommitmentSchema = z
  .object({
    id: z.uuid(),
    instrumentId: z.uuid(),
    owedByAreaId: z.uuid().nullable(),
    owedByInstitutionId: z.uuid().nullable(),
    owedByName: z.string(),
    description: z.string(),
    dueOn: LocalDateSchema.nullable(),
    fulfilled: z.boolean(),
    updates: z.array(CommitmentUpdateSchema),
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof CommitmentSchema>;
export const CommitmentInputSchema = z
  .strictObject({
    owedByAreaId: z.uuid().nullable().optional(),
    owedByInstitutionId: z.uuid().nullable().optional(),
    description: text(4000).meta({ label: 'el compromiso' }),
    dueOn: LocalDateSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.owedByAreaId === !v.owedByInstitutionId) {
      ctx.addIssue({
        code: 'custom',
        path: ['owedByAreaId'],
        message: 'Indique quién debe cumplir: un área propia o una institución parte, no ambas',
      });
    }
  });
export type CommitmentInput = z.infer<typeof CommitmentInputSchema>;
export const CommitmentUpdateInputSchema = z.strictObject({
  updatedOn: LocalDateSchema,
  note: text(4000),
  fulfilled: z.boolean().default(false),
});
export type CommitmentUpdateInput = z.infer<typeof CommitmentUpdateInputSchema>;

export const InstrumentFileSchema = z.object({
  id: z.uuid(),
  kind: FileKindSchema,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type InstrumentFile = z.infer<typeof InstrumentFileSchema>;
export const FileUploadQuerySchema = z.object({ kind: FileKindSchema.default('annex') });
export const FileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

export const InstrumentDetailSchema = InstrumentSchema.extend({
  chain: z.array(z.object({ id: z.uuid(), title: z.string() })),
  children: z.array(z.object({ id: z.uuid(), title: z.string(), status: InstrumentStatusSchema })),
  statusHistory: z.array(StatusChangeSchema),
  renewals: z.array(RenewalSchema),
  commitments: z.array(CommitmentSchema),
  files: z.array(InstrumentFileSchema),
  /** The next expiry alert if nobody acts (null: indefinite, not in force, or already answered). */
  nextAlertOn: LocalDateSchema.nullable(),
}).meta({ id: 'InstrumentDetail' });
export type InstrumentDetail = z.infer<typeof InstrumentDetailSchema>;

// ---- expiry alerts

export const AlertQuerySchema = z.object({ on: LocalDateSchema.optional() });
export const DueAlertSchema = z.object({
  instrumentId: z.uuid(),
  title: z.string(),
  effectiveEnd: LocalDateSchema,
  firstAlertOn: LocalDateSchema,
  alertOn: LocalDateSchema,
  areas: z.array(AreaRefSchema),
});
export const SentAlertSchema = z
  .object({
    id: z.uuid(),
    instrumentId: z.uuid(),
    title: z.string(),
    effectiveEnd: LocalDateSchema,
    /** The schedule step this alert answers. */
    dueOn: LocalDateSchema,
    /** The day the daily job recorded and queued it (later than dueOn if a run was missed). */
    sentOn: LocalDateSchema,
    /** E-mail addresses of the areas' current position holders; empty = nobody to notify. */
    recipients: z.array(z.string()),
  })
  .meta({ id: 'SentAlert' });
export type SentAlert = z.infer<typeof SentAlertSchema>;
export const SentAlertQuerySchema = PageQuerySchema.extend({ instrumentId: z.uuid().optional() });
export const SentAlertPageSchema = pageOf(SentAlertSchema);
export const DueAlertListSchema = z.object({
  on: LocalDateSchema,
  leadDays: z.number().int(),
  repeatEveryDays: z.number().int(),
  items: z.array(DueAlertSchema),
});

// ---- reviews

export const ReviewSchema = z
  .object({
    id: z.uuid(),
    period: z.string(),
    title: z.string(),
    openedOn: LocalDateSchema,
    decisions: z.number().int(),
    countsByMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'Review' });
export const ReviewInputSchema = z.strictObject({
  period: YearMonthSchema,
  title: text(300),
  openedOn: LocalDateSchema,
});
export type ReviewInput = z.infer<typeof ReviewInputSchema>;
export const ReviewListSchema = z.object({ items: z.array(ReviewSchema) });
export const ReviewItemSchema = z.object({
  instrumentId: z.uuid(),
  title: z.string(),
  status: InstrumentStatusSchema,
  effectiveEnd: LocalDateSchema.nullable(),
  decision: ReviewDecisionSchema.nullable(),
  decidedOn: LocalDateSchema.nullable(),
  note: z.string().nullable(),
});
export const ReviewDetailSchema = ReviewSchema.extend({ items: z.array(ReviewItemSchema) });
export const DecisionParamsSchema = z.object({ id: z.uuid(), instrumentId: z.uuid() });
export const DecisionInputSchema = z.strictObject({
  decision: ReviewDecisionSchema,
  decidedOn: LocalDateSchema,
  note: optionalText(2000),
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

// ---- opinions of pertinence

export const OpinionSchema = z
  .object({
    id: z.uuid(),
    number: z.string().nullable(),
    year: z.number().int().nullable(),
    sequence: z.number().int().nullable(),
    status: OpinionStatusSchema,
    instrumentId: z.uuid(),
    instrumentTitle: z.string(),
    areas: z.array(AreaRefSchema),
    requestedOn: LocalDateSchema,
    issuedOn: LocalDateSchema.nullable(),
    content: z.string().nullable(),
  })
  .meta({ id: 'Opinion' });
export type Opinion = z.infer<typeof OpinionSchema>;
export const OpinionInputSchema = z.strictObject({
  instrumentId: z.uuid(),
  areaIds: z.array(z.uuid()).min(1, 'Indique al menos un área solicitante').max(20),
  requestedOn: LocalDateSchema,
  content: optionalText(50_000),
});
export type OpinionInput = z.infer<typeof OpinionInputSchema>;
export const OpinionDocumentQuerySchema = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });
export const OpinionDraftSchema = z.strictObject({ content: text(50_000) });
export const OpinionIssueSchema = z.strictObject({
  issuedOn: LocalDateSchema,
  content: optionalText(50_000),
});
export type OpinionIssue = z.infer<typeof OpinionIssueSchema>;
export const OpinionListQuerySchema = PageQuerySchema.extend({
  status: OpinionStatusSchema.optional(),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  instrumentId: z.uuid().optional(),
  areaId: z.uuid().optional(),
});
export type OpinionListQuery = z.infer<typeof OpinionListQuerySchema>;
export const OpinionPageSchema = pageOf(OpinionSchema);

// ---- accompaniment of negotiations

export const AccompanimentSchema = z
  .object({
    id: z.uuid(),
    occurredOn: LocalDateSchema,
    areaId: z.uuid(),
    areaName: z.string(),
    institutionId: z.uuid(),
    institutionName: z.string(),
    instrumentId: z.uuid().nullable(),
    description: z.string(),
  })
  .meta({ id: 'Accompaniment' });
export type Accompaniment = z.infer<typeof AccompanimentSchema>;
export const AccompanimentInputSchema = z.strictObject({
  occurredOn: LocalDateSchema,
  areaId: z.uuid(),
  institutionId: z.uuid(),
  instrumentId: z.uuid().nullable().optional(),
  description: text(4000),
});
export type AccompanimentInput = z.infer<typeof AccompanimentInputSchema>;
export const PeriodQuerySchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});
export const AccompanimentListSchema = z.object({
  items: z.array(AccompanimentSchema),
  activities: z.number().int(),
  institutions: z.number().int(),
});

// ---- settings

export const AgreementSettingsSchema = z
  .object({
    opinionPrefix: z.string(),
    alertLeadDays: z.number().int(),
    alertRepeatDays: z.number().int(),
  })
  .meta({ id: 'AgreementSettings' });
export type AgreementSettings = z.infer<typeof AgreementSettingsSchema>;
export const AgreementSettingsInputSchema = z.strictObject({
  opinionPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9ÁÉÍÓÚÑáéíóúñ]+(\/[A-Za-z0-9ÁÉÍÓÚÑáéíóúñ]+)*$/, 'Use segmentos separados por "/"')
    .max(60)
    .optional(),
  alertLeadDays: z.number().int().min(1).max(730).optional(),
  alertRepeatDays: z.number().int().min(1).max(365).optional(),
});
export type AgreementSettingsInput = z.infer<typeof AgreementSettingsInputSchema>;

// ---- the quarterly report's tables (sections IV.1.F–H and annex VI.1.B)

export const ReportTablesQuerySchema = z.object({ from: LocalDateSchema, to: LocalDateSchema });
export const ReportTablesSchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    signed: z.array(z.object({ n: z.number().int(), instrument: z.string(), signedOn: z.string() })),
    negotiation: z.object({
      activities: z.number().int(),
      institutions: z.number().int(),
      areasAccompanied: z.array(z.string()),
      rows: z.array(
        z.object({
          n: z.number().int(),
          instrument: z.string(),
          object: z.string(),
          areas: z.string(),
          status: z.string(),
        }),
      ),
    }),
    opinions: z.array(
      z.object({ n: z.number().int(), number: z.string(), instrument: z.string(), areas: z.string() }),
    ),
    reviewUpdates: z.array(z.object({ month: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'AgreementReportTables' });
export type ReportTables = z.infer<typeof ReportTablesSchema>;
