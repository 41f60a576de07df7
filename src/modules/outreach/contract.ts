import { z } from 'zod';
import { InstantSchema, LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';

// Outreach's API types, shared by the server (validation, OpenAPI) and the web client.

export const BASE_KINDS = ['observer_network', 'citizens_abroad', 'staff', 'other'] as const;
export const CONTACT_KINDS = ['person', 'organization'] as const;
export const CHANNELS = ['email', 'whatsapp', 'phone'] as const;
export const OPT_OUT_SOURCES = ['unsubscribe_link', 'staff', 'arco_opposition'] as const;
export const ARCO_KINDS = ['access', 'rectification', 'cancellation', 'opposition'] as const;
export const ARCO_STATUSES = ['pending', 'extended', 'granted', 'denied'] as const;
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
  'recorded',
] as const;
export const LEDGER_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'bounced',
  'skipped',
  'cancelled',
] as const;
export const MANUAL_OUTCOMES = ['delivered', 'no_answer', 'refused', 'wrong_number'] as const;

export const BaseKindSchema = z.enum(BASE_KINDS);
export const ContactKindSchema = z.enum(CONTACT_KINDS);
export const ChannelSchema = z.enum(CHANNELS);
export const ArcoKindSchema = z.enum(ARCO_KINDS);
export const ArcoStatusSchema = z.enum(ARCO_STATUSES);
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export const LedgerStatusSchema = z.enum(LEDGER_STATUSES);
export const ManualOutcomeSchema = z.enum(MANUAL_OUTCOMES);
export type Channel = z.infer<typeof ChannelSchema>;
export type ArcoKind = z.infer<typeof ArcoKindSchema>;
export type LedgerStatus = z.infer<typeof LedgerStatusSchema>;

const text = (max: number) => z.string().trim().min(1, 'Este dato es obligatorio').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  error: (issue) => (issue.input === '' ? 'Indique el mes' : 'Este mes no es válido'),
});
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use el código de país de dos letras (ISO 3166-1), p. ej. MX');

export const IdParamsSchema = z.object({ id: z.uuid({ error: 'Identificador inválido' }) });
export const TokenParamsSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, 'Enlace inválido'),
});

// ---- bases

export const BaseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: BaseKindSchema,
    description: z.string().nullable(),
    contacts: z.number().int(),
    consenting: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'OutreachBase' });
export type Base = z.infer<typeof BaseSchema>;

export const BaseInputSchema = z.strictObject({
  name: text(200),
  kind: BaseKindSchema,
  description: optionalText(2000),
});
export type BaseInput = z.infer<typeof BaseInputSchema>;
export const BasePatchSchema = BaseInputSchema.partial();

// ---- contacts

/** E-mail as typed; compared lower-cased. */
const EmailSchema = z.email('Correo electrónico inválido').max(200);
/** A phone number as typed: digits, spaces, +, -, parentheses; at least 8 digits. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[\d\s().-]+$/, 'Teléfono inválido: use solo dígitos, espacios, +, - y paréntesis')
  .refine((v) => v.replace(/\D/g, '').length >= 8, 'El teléfono debe tener al menos 8 dígitos');

export const ContactInputSchema = z.strictObject({
  kind: ContactKindSchema.default('person'),
  fullName: text(300),
  email: EmailSchema.nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
  country: countryCode.nullable().optional(),
  city: optionalText(200),
  affiliation: optionalText(300),
  tags: z.array(text(60)).max(30).default([]),
  notes: optionalText(4000),
  baseIds: z.array(z.uuid()).max(50).default([]),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;
export const ContactPatchSchema = ContactInputSchema.omit({ baseIds: true })
  .partial()
  .extend({ baseIds: z.array(z.uuid()).max(50).optional() });
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

export const ContactSchema = z
  .object({
    id: z.uuid(),
    kind: ContactKindSchema,
    fullName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    affiliation: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    baseIds: z.array(z.uuid()),
    /** Has an active consent (given, not withdrawn). */
    consenting: z.boolean(),
    optedOut: z.array(ChannelSchema),
    /** The address bounced permanently (HARD_BOUNCES_TO_INVALIDATE times): no campaign goes to it. */
    emailInvalid: z.boolean(),
    erasedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OutreachContact' });
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  baseId: z.uuid({ error: 'Identificador inválido' }).optional(),
  tag: z.string().trim().max(60).optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuerySchema>;
export const ContactPageSchema = pageOf(ContactSchema);

export const ConsentSchema = z
  .object({
    id: z.uuid(),
    contactId: z.uuid(),
    baseId: z.uuid().nullable(),
    purpose: z.string(),
    givenOn: LocalDateSchema,
    source: z.string(),
    privacyNoticeVersion: z.string(),
    evidence: z.string().nullable(),
    withdrawnOn: LocalDateSchema.nullable(),
    withdrawalSource: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OutreachConsent' });
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentInputSchema = z.strictObject({
  purpose: text(500),
  givenOn: LocalDateSchema,
  source: text(300),
  privacyNoticeVersion: text(60),
  evidence: optionalText(4000),
  baseId: z.uuid().nullable().optional(),
});
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

export const WithdrawConsentInputSchema = z.strictObject({
  withdrawnOn: LocalDateSchema,
  source: text(300),
});
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentInputSchema>;

export const OptOutsInputSchema = z.strictObject({
  email: z.boolean(),
  whatsapp: z.boolean(),
  phone: z.boolean(),
});
export type OptOutsInput = z.infer<typeof OptOutsInputSchema>;

export const ContactHistoryItemSchema = z.object({
  campaignId: z.uuid(),
  topic: z.string(),
  channel: ChannelSchema,
  status: z.string(),
  at: z.string().nullable(),
});

export const ContactDetailSchema = ContactSchema.extend({
  consents: z.array(ConsentSchema),
  optOutDetails: z.array(z.object({ channel: ChannelSchema, source: z.string(), optedOutAt: z.string() })),
  arcoRequests: z.array(z.lazy(() => ArcoRequestSchema)),
  history: z.array(ContactHistoryItemSchema),
}).meta({ id: 'OutreachContactDetail' });
export type ContactDetail = z.infer<typeof ContactDetailSchema>;

export const EraseInputSchema = z.strictObject({
  arcoRequestId: z.uuid().nullable().optional(),
  reason: text(1000),
});
export type EraseInput = z.infer<typeof EraseInputSchema>;

export const ContactExportQuerySchema = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

export const ImportQuerySchema = z.object({
  baseId: z.uuid({ error: 'Identificador inválido' }),
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
  .meta({ id: 'OutreachImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;

// ---- ARCO requests

export const ArcoRequestSchema = z
  .object({
    id: z.uuid(),
    folio: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    kind: ArcoKindSchema,
    receivedOn: LocalDateSchema,
    dueOn: LocalDateSchema,
    extendedOn: LocalDateSchema.nullable(),
    extensionReason: z.string().nullable(),
    status: ArcoStatusSchema,
    description: z.string().nullable(),
    resolvedOn: LocalDateSchema.nullable(),
    resolution: z.string().nullable(),
    /** Business days left until the due date (negative: overdue); null once resolved. */
    businessDaysLeft: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ArcoRequest' });
export type ArcoRequest = z.infer<typeof ArcoRequestSchema>;

export const ArcoInputSchema = z.strictObject({
  contactId: z.uuid(),
  kind: ArcoKindSchema,
  receivedOn: LocalDateSchema,
  description: optionalText(4000),
});
export type ArcoInput = z.infer<typeof ArcoInputSchema>;

export const ArcoExtendInputSchema = z.strictObject({
  extendedOn: LocalDateSchema,
  reason: text(2000),
});
export type ArcoExtendInput = z.infer<typeof ArcoExtendInputSchema>;

export const ArcoResolveInputSchema = z.strictObject({
  resolvedOn: LocalDateSchema,
  outcome: z.enum(['granted', 'denied']),
  resolution: text(4000),
});
export type ArcoResolveInput = z.infer<typeof ArcoResolveInputSchema>;

export const ArcoListQuerySchema = z.object({
  status: ArcoStatusSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type ArcoListQuery = z.infer<typeof ArcoListQuerySchema>;

// ---- campaigns

const MERGE_FIELD_HINT = 'Campos disponibles: {{nombre}}, {{correo}}, {{organizacion}}, {{enlace_baja}}';

export const CampaignInputSchema = z
  .strictObject({
    topic: text(1000),
    channels: z
      .array(ChannelSchema)
      .min(1, 'Elija al menos un canal')
      .max(3)
      .refine((c) => new Set(c).size === c.length, 'Un canal aparece dos veces'),
    month: YearMonthSchema,
    sentOn: LocalDateSchema.nullable().optional(),
    objectiveId: z.uuid().nullable().optional(),
    baseIds: z.array(z.uuid()).max(50).default([]),
    segmentTags: z.array(text(60)).max(20).default([]),
    subject: optionalText(300),
    textTemplate: z.string().max(100_000).nullable().optional().describe(MERGE_FIELD_HINT),
    htmlTemplate: z.string().max(200_000).nullable().optional().describe(MERGE_FIELD_HINT),
    fromLabel: optionalText(200),
    scheduledAt: InstantSchema.nullable().optional(),
    ratePerSecond: z.number().int().min(1).max(10_000).default(20),
    trackOpens: z.boolean().default(false),
    /** A campaign already carried out (recorded for the report), not sent from Vincula. */
    historical: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.sentOn && v.sentOn.slice(0, 7) !== v.month) {
      ctx.addIssue({
        code: 'custom',
        path: ['sentOn'],
        message: 'La fecha de envío no está en el mes indicado',
      });
    }
  });
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const CampaignPatchSchema = z.strictObject({
  topic: text(1000).optional(),
  channels: z.array(ChannelSchema).min(1, 'Elija al menos un canal').max(3).optional(),
  month: YearMonthSchema.optional(),
  sentOn: LocalDateSchema.nullable().optional(),
  objectiveId: z.uuid().nullable().optional(),
  baseIds: z.array(z.uuid()).max(50).optional(),
  segmentTags: z.array(text(60)).max(20).optional(),
  subject: optionalText(300),
  textTemplate: z.string().max(100_000).nullable().optional(),
  htmlTemplate: z.string().max(200_000).nullable().optional(),
  fromLabel: optionalText(200),
  scheduledAt: InstantSchema.nullable().optional(),
  ratePerSecond: z.number().int().min(1).max(10_000).optional(),
  trackOpens: z.boolean().optional(),
});
export type CampaignPatch = z.infer<typeof CampaignPatchSchema>;

export const ProgressSchema = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  bounced: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.number().int(),
  opened: z.number().int(),
  manual: z.number().int(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const CampaignSchema = z
  .object({
    id: z.uuid(),
    topic: z.string(),
    channels: z.array(ChannelSchema),
    month: z.string(),
    sentOn: LocalDateSchema.nullable(),
    objectiveId: z.uuid().nullable(),
    baseIds: z.array(z.uuid()),
    segmentTags: z.array(z.string()),
    subject: z.string().nullable(),
    textTemplate: z.string().nullable(),
    htmlTemplate: z.string().nullable(),
    fromLabel: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    ratePerSecond: z.number().int(),
    trackOpens: z.boolean(),
    status: CampaignStatusSchema,
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    progress: ProgressSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'OutreachCampaign' });
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignListQuerySchema = PageQuerySchema.extend({
  from: YearMonthSchema.optional(),
  to: YearMonthSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;
export const CampaignPageSchema = pageOf(CampaignSchema.omit({ textTemplate: true, htmlTemplate: true }));

export const LedgerRowSchema = z.object({
  id: z.number().int(),
  contactId: z.uuid(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  status: LedgerStatusSchema,
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type LedgerRow = z.infer<typeof LedgerRowSchema>;
export const LedgerQuerySchema = PageQuerySchema.extend({ status: LedgerStatusSchema.optional() });
export const LedgerPageSchema = pageOf(LedgerRowSchema);

export const ManualContactInputSchema = z.strictObject({
  contactId: z.uuid(),
  channel: z.enum(['whatsapp', 'phone']),
  outcome: ManualOutcomeSchema,
  contactedOn: LocalDateSchema,
  notes: optionalText(2000),
});
export type ManualContactInput = z.infer<typeof ManualContactInputSchema>;
export const ManualContactSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  contactName: z.string().nullable(),
  channel: ChannelSchema,
  outcome: ManualOutcomeSchema,
  contactedOn: LocalDateSchema,
  notes: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type ManualContact = z.infer<typeof ManualContactSchema>;

// ---- bounces

export const BounceInputSchema = z.strictObject({
  /** A delivery status notification (RFC 3464) as text, pasted from the mailbox that received it. */
  dsn: z
    .string({ error: 'Pegue el texto del aviso de no entrega' })
    .trim()
    .min(1, 'Pegue el texto del aviso de no entrega')
    .max(200_000, 'El aviso es demasiado largo (máximo 200,000 caracteres)'),
});
export type BounceInput = z.infer<typeof BounceInputSchema>;

export const BounceReportSchema = z
  .object({
    recorded: z.array(
      z.object({
        ledgerId: z.number().int(),
        campaignId: z.uuid(),
        campaignTopic: z.string(),
        contactId: z.uuid(),
        recipient: z.string(),
        status: z.string(),
        /** This bounce made the address reach the limit: it is now flagged invalid. */
        emailInvalidated: z.boolean(),
      }),
    ),
    ignored: z.array(z.object({ recipient: z.string(), status: z.string().nullable(), reason: z.string() })),
  })
  .meta({ id: 'OutreachBounceReport' });
export type BounceReport = z.infer<typeof BounceReportSchema>;

// ---- public unsubscribe page

export const UnsubscribeInfoSchema = z.object({
  organization: z.string(),
  maskedEmail: z.string(),
  optedOut: z.boolean(),
});
export type UnsubscribeInfo = z.infer<typeof UnsubscribeInfoSchema>;
