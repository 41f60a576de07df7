import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';

// The governance module's API types, shared by the server (validation, OpenAPI) and the web client.

export const BODY_KINDS = ['consejo_general', 'permanent_committee', 'provisional_committee'] as const;
export const SESSION_KINDS = ['ordinaria', 'extraordinaria', 'urgente'] as const;
export const SESSION_MODALITIES = ['presencial', 'a_distancia', 'hibrida'] as const;
export const MEMBERSHIP_ROLES = [
  'president',
  'member',
  'technical_secretary',
  'party_representation',
  'area_invitee',
  'invitee',
] as const;
/** The capacity in which someone attended: an area invitee attends as its head. */
export const ATTENDANCE_ROLES = [
  'president',
  'member',
  'technical_secretary',
  'party_representation',
  'area_head',
  'invitee',
] as const;
export const HEAD_KINDS_SNAPSHOT = ['titular', 'encargado_de_despacho'] as const;
export const VOTE_KINDS = ['unanimous', 'recorded'] as const;
export const VOTES = ['favor', 'contra', 'abstencion', 'ausente'] as const;
export type Vote = (typeof VOTES)[number];
/** A voting member's written opinion on an agreement: dissenting (particular) or concurring. */
export const OPINION_KINDS = ['particular', 'concurrente'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
/** A recipient's answer to a convocatoria. */
export const NOTICE_RESPONSES = ['attending', 'not_attending'] as const;
export type NoticeResponse = (typeof NOTICE_RESPONSES)[number];
export const MANDATE_STATUSES = ['pending', 'in_progress', 'fulfilled', 'cancelled'] as const;
/**
 * Where a session stands, derived from its records (rules.ts, sessionStatus): scheduled until
 * attendance or an agreement is recorded (held), frozen once its minutes are approved, or
 * cancelled with its reason before it was held.
 */
export const SESSION_STATUSES = ['scheduled', 'held', 'minutes_approved', 'cancelled'] as const;
/** Roles whose holders vote and count for quorum. */
export const VOTING_ROLES: readonly string[] = ['president', 'member'];

export type BodyKind = (typeof BODY_KINDS)[number];
export type SessionKind = (typeof SESSION_KINDS)[number];
export type SessionModality = (typeof SESSION_MODALITIES)[number];
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];
export type HeadKind = (typeof HEAD_KINDS_SNAPSHOT)[number];
export type MandateStatus = (typeof MANDATE_STATUSES)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora inválida: use el formato HH:MM de 00:00 a 23:59');
const id = z.uuid({ error: 'Identificador inválido' });

export const IdParamsSchema = z.object({ id });
export const MembershipParamsSchema = z.object({ id, membershipId: id });
export const SessionDocumentParamsSchema = z.object({
  id,
  document: z.enum(['orden-del-dia', 'lista-de-asistencia', 'minuta']),
});
export const DocumentFormatQuerySchema = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });

// ---- bodies and their composition

export const BodySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string(),
    kind: z.enum(BODY_KINDS),
    agreementPrefix: z.string(),
    createdByAgreement: z.string().nullable(),
    createdOn: LocalDateSchema,
    endedOn: LocalDateSchema.nullable(),
  })
  .meta({ id: 'GoverningBody' });
export type Body = z.infer<typeof BodySchema>;

export const BodyInputSchema = z
  .strictObject({
    name: text(300),
    acronym: z
      .string()
      .trim()
      .regex(/^[A-Za-zÁÉÍÓÚÑáéíóúñ0-9-]{2,20}$/, 'Use de 2 a 20 letras, cifras o guiones'),
    kind: z.enum(BODY_KINDS).meta({ label: 'el tipo de órgano' }),
    agreementPrefix: z
      .string()
      .trim()
      .regex(/^[A-Za-zÁÉÍÓÚÑáéíóúñ0-9/-]{2,40}$/, 'Prefijo inválido, p. ej. "CVOE/" o "IECM/ACU-CG-"')
      .optional(),
    createdByAgreement: optionalText(80),
    createdOn: LocalDateSchema,
    endedOn: LocalDateSchema.nullable().optional(),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.createdOn, {
    path: ['endedOn'],
    message: 'La fecha de conclusión es anterior a la de creación',
  });
export type BodyInput = z.infer<typeof BodyInputSchema>;

/** Name, founding agreement and dates; the acronym, kind and prefix stay (issued numbers use them). */
export const BodyPatchSchema = z
  .strictObject({
    name: text(300).optional(),
    createdByAgreement: optionalText(80),
    createdOn: LocalDateSchema.optional(),
    endedOn: LocalDateSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indique al menos un dato' })
  .refine((v) => !v.endedOn || !v.createdOn || v.endedOn >= v.createdOn, {
    path: ['endedOn'],
    message: 'La fecha de conclusión es anterior a la de creación',
  });
export type BodyPatch = z.infer<typeof BodyPatchSchema>;

export const MembershipSchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    role: z.enum(MEMBERSHIP_ROLES),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    institutionId: z.uuid().nullable(),
    institutionName: z.string().nullable(),
    areaId: z.uuid().nullable(),
    areaName: z.string().nullable(),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema.nullable(),
    agreementId: z.uuid().nullable(),
    agreementNumber: z.string().nullable(),
    agreementReference: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'BodyMembership' });
export type Membership = z.infer<typeof MembershipSchema>;

export const MembershipInputSchema = z
  .strictObject({
    role: z.enum(MEMBERSHIP_ROLES),
    personId: id.nullable().optional(),
    institutionId: id.nullable().optional(),
    areaId: id.nullable().optional(),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema.nullable().optional(),
    /** An agreement of this body that made the membership (e.g. a technical secretary's designation). */
    agreementId: id.nullable().optional(),
    /** Another body's agreement, as text ("IECM/ACU-CG-077/2023"). */
    agreementReference: optionalText(80),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'La fecha de término es anterior a la de inicio',
      });
    }
    const needs =
      v.role === 'party_representation' ? 'institutionId' : v.role === 'area_invitee' ? 'areaId' : 'personId';
    for (const k of ['personId', 'institutionId', 'areaId'] as const) {
      if (k === needs && !v[k]) {
        ctx.addIssue({ code: 'custom', path: [k], message: MISSING_HOLDER[needs] });
      } else if (k !== needs && v[k] && !(v.role === 'party_representation' && k === 'personId')) {
        ctx.addIssue({ code: 'custom', path: [k], message: 'Este dato no corresponde al cargo indicado' });
      }
    }
  });
const MISSING_HOLDER = {
  personId: 'Indique la persona',
  institutionId: 'Indique el partido político',
  areaId: 'Indique el área invitada',
} as const;
export type MembershipInput = z.infer<typeof MembershipInputSchema>;

export const MembershipPatchSchema = z
  .strictObject({
    endsOn: LocalDateSchema.nullable().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indique al menos un dato' });
export type MembershipPatch = z.infer<typeof MembershipPatchSchema>;

export const BodyDetailSchema = BodySchema.extend({ memberships: z.array(MembershipSchema) }).meta({
  id: 'GoverningBodyDetail',
});
export type BodyDetail = z.infer<typeof BodyDetailSchema>;

// ---- sessions

export const SessionSchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    kind: z.enum(SESSION_KINDS),
    /** Derived: the session's rank among the body's sessions of its kind and year. */
    number: z.number().int(),
    /** Derived: "primera sesión ordinaria de 2024". */
    name: z.string(),
    heldOn: LocalDateSchema,
    /** Derived: "jueves 25 de enero de 2024". */
    heldOnText: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    modality: z.enum(SESSION_MODALITIES),
    convokedOn: LocalDateSchema.nullable(),
    place: z.string().nullable(),
    minutesText: z.string().nullable(),
    minutesApprovedBy: z.object({ agreementId: z.uuid(), number: z.string() }).nullable(),
    status: z.enum(SESSION_STATUSES),
    /** Set when the session was cancelled: the reason given and the day it was recorded. */
    cancellation: z.object({ reason: z.string(), cancelledOn: LocalDateSchema }).nullable(),
  })
  .meta({ id: 'BodySession' });
export type Session = z.infer<typeof SessionSchema>;

const sessionFields = {
  kind: z.enum(SESSION_KINDS).meta({ label: 'el tipo de sesión' }),
  heldOn: LocalDateSchema,
  startTime: TimeOfDaySchema.nullable().optional(),
  endTime: TimeOfDaySchema.nullable().optional(),
  modality: z.enum(SESSION_MODALITIES),
  convokedOn: LocalDateSchema.nullable().optional(),
  place: optionalText(300),
};
type SessionTimes = {
  heldOn?: string;
  startTime?: string | null;
  endTime?: string | null;
  convokedOn?: string | null;
};
function sessionRefine(v: SessionTimes, ctx: z.RefinementCtx) {
  if (v.startTime && v.endTime && v.endTime < v.startTime) {
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: 'La hora de término es anterior a la de inicio',
    });
  }
  if (v.convokedOn && v.heldOn && v.convokedOn > v.heldOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['convokedOn'],
      message: 'La convocatoria no puede ser posterior a la sesión',
    });
  }
}
export const SessionInputSchema = z.strictObject(sessionFields).superRefine(sessionRefine);
export type SessionInput = z.infer<typeof SessionInputSchema>;
export const SessionPatchSchema = z
  .strictObject({ ...sessionFields, minutesText: optionalText(100_000) })
  .partial()
  .superRefine(sessionRefine);
export type SessionPatch = z.infer<typeof SessionPatchSchema>;

export const AgendaDocumentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});
export const AgendaItemSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    documents: z.array(AgendaDocumentSchema),
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export const AgendaItemInputSchema = z.strictObject({
  title: text(2000),
  description: optionalText(10_000),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInputSchema>;
export const AgendaItemPatchSchema = z
  .strictObject({ title: text(2000).optional(), description: optionalText(10_000) })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indique al menos un dato' });
export type AgendaItemPatch = z.infer<typeof AgendaItemPatchSchema>;
/** The session's items in their new order: every item once. */
export const AgendaOrderInputSchema = z.strictObject({
  itemIds: z.array(id).min(1).max(500).meta({ label: 'el orden de los puntos' }),
});
export type AgendaOrderInput = z.infer<typeof AgendaOrderInputSchema>;
export const AgendaListSchema = z.object({ items: z.array(AgendaItemSchema) });
export type AgendaList = z.infer<typeof AgendaListSchema>;
export const SessionCancellationInputSchema = z.strictObject({
  reason: text(2000).meta({ label: 'el motivo de la cancelación' }),
});
export type SessionCancellationInput = z.infer<typeof SessionCancellationInputSchema>;

export const RosterEntrySchema = z
  .object({
    membershipId: z.uuid(),
    role: z.enum(ATTENDANCE_ROLES),
    /** "Presidencia", "Integrante", "Titular de la UTAJ", "Representación de partido"… */
    roleLabel: z.string(),
    voting: z.boolean(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    institutionId: z.uuid().nullable(),
    institutionName: z.string().nullable(),
    areaId: z.uuid().nullable(),
    areaName: z.string().nullable(),
    headKind: z.enum(HEAD_KINDS_SNAPSHOT).nullable(),
    /** null: not recorded yet. */
    present: z.boolean().nullable(),
  })
  .meta({ id: 'RosterEntry' });
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const QuorumSchema = z.object({
  votingMembers: z.number().int(),
  votingPresent: z.number().int(),
  required: z.number().int(),
  reached: z.boolean(),
});
export type Quorum = z.infer<typeof QuorumSchema>;

export const AttendanceInputSchema = z.strictObject({
  entries: z
    .array(
      z
        .strictObject({
          personId: id.nullable().optional(),
          institutionId: id.nullable().optional(),
          present: z.boolean(),
        })
        .refine((e) => !!e.personId !== !!e.institutionId, {
          message: 'Indique una persona o un partido político, no ambos',
        }),
    )
    .min(1)
    .max(200),
});
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>;

export const AgreementOpinionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(OPINION_KINDS),
    personId: z.uuid(),
    personName: z.string(),
    filename: z.string(),
    sha256: z.string(),
  })
  .meta({ id: 'AgreementOpinion' });
export type AgreementOpinion = z.infer<typeof AgreementOpinionSchema>;

export const AgreementSchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    sessionId: z.uuid().nullable(),
    agendaItemId: z.uuid().nullable(),
    /** "CVOE/006/2024". */
    number: z.string(),
    year: z.number().int(),
    sequence: z.number().int(),
    title: z.string(),
    body: z.string().nullable(),
    adoptedOn: LocalDateSchema,
    voteKind: z.enum(VOTE_KINDS),
    votes: z.array(
      z.object({ membershipId: z.uuid(), personId: z.uuid(), personName: z.string(), vote: z.enum(VOTES) }),
    ),
    /** Votos particulares and concurrentes, each a document of a voting member. */
    opinions: z.array(AgreementOpinionSchema),
    historical: z.boolean(),
    /** True when the minutes of its session are approved: it can no longer be edited. */
    frozen: z.boolean(),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof AgreementSchema>;

/** A search among the organization's agreements (pickers of other modules). */
export const AgreementSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type AgreementSearchQuery = z.infer<typeof AgreementSearchQuerySchema>;
export const AgreementOptionSchema = z
  .object({
    id: z.uuid(),
    /** "CVOE/006/2024". */
    number: z.string(),
    title: z.string(),
    adoptedOn: LocalDateSchema,
    /** The acronym of the body that adopted it. */
    bodyAcronym: z.string(),
  })
  .meta({ id: 'AgreementOption' });
export type AgreementOption = z.infer<typeof AgreementOptionSchema>;

export const AgreementInputSchema = z
  .strictObject({
    agendaItemId: id.nullable().optional(),
    title: text(4000),
    body: optionalText(100_000),
    voteKind: z.enum(VOTE_KINDS).default('unanimous'),
    votes: z
      .array(z.strictObject({ personId: id, vote: z.enum(VOTES) }))
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.voteKind === 'unanimous' && v.votes.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['votes'],
        message: 'Una votación unánime no lleva votos individuales',
      });
    }
    if (v.voteKind === 'recorded' && !v.votes.length) {
      ctx.addIssue({ code: 'custom', path: ['votes'], message: 'Registre el voto de cada integrante' });
    }
  });
export type AgreementInput = z.infer<typeof AgreementInputSchema>;

export const AgreementPatchSchema = z
  .strictObject({ title: text(4000).optional(), body: optionalText(100_000) })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indique al menos un dato' });
export type AgreementPatch = z.infer<typeof AgreementPatchSchema>;

export const HistoricalAgreementInputSchema = z.strictObject({
  number: z.string().trim().min(1).max(80),
  title: text(4000),
  body: optionalText(100_000),
  adoptedOn: LocalDateSchema,
  sessionId: id.nullable().optional(),
});
export type HistoricalAgreementInput = z.infer<typeof HistoricalAgreementInputSchema>;

/** One voting member's vote on an agreement adopted by majority, recorded after its adoption. */
export const VoteInputSchema = z.strictObject({
  personId: id.meta({ label: 'la persona que vota' }),
  vote: z.enum(VOTES).meta({ label: 'el sentido del voto' }),
});
export type VoteInput = z.infer<typeof VoteInputSchema>;
export const OpinionQuerySchema = z.object({
  personId: id.meta({ label: 'quien formula el voto' }),
  kind: z.enum(OPINION_KINDS).meta({ label: 'el tipo de voto' }),
});
export type OpinionQuery = z.infer<typeof OpinionQuerySchema>;
export const OpinionParamsSchema = z.object({ id, opinionId: id });

export const MinutesApprovalInputSchema = z.strictObject({ agreementId: id });

// ---- the convocatoria

export const ConvocationRecipientSchema = z
  .object({
    id: z.uuid(),
    membershipId: z.uuid(),
    name: z.string(),
    roleLabel: z.string(),
    voting: z.boolean(),
    /** null: no e-mail in the directory, nothing was sent. */
    email: z.string().nullable(),
    receivedAt: z.string().nullable(),
    response: z.enum(NOTICE_RESPONSES).nullable(),
    respondedAt: z.string().nullable(),
    /** True when staff recorded the answer in the app on the recipient's behalf. */
    recordedByStaff: z.boolean(),
  })
  .meta({ id: 'ConvocationRecipient' });
export type ConvocationRecipient = z.infer<typeof ConvocationRecipientSchema>;
export const ConvocationSchema = z
  .object({
    sentAt: z.string(),
    lastSentAt: z.string(),
    /** The iCalendar SEQUENCE of the last notice: 0 the first, higher after each update or cancellation. */
    sequence: z.number().int(),
    requiredHours: z.number().int(),
    givenHours: z.number().int(),
    late: z.boolean(),
    message: z.string().nullable(),
    recipients: z.array(ConvocationRecipientSchema),
  })
  .meta({ id: 'Convocation' });
export type Convocation = z.infer<typeof ConvocationSchema>;
export const ConvocationInputSchema = z.strictObject({
  /** Sent with less notice than the organization requires: the sender confirms it knowingly. */
  confirmLate: z.boolean().default(false),
  message: optionalText(4000).meta({ label: 'el mensaje de la convocatoria' }),
});
export type ConvocationInput = z.infer<typeof ConvocationInputSchema>;
export const RecipientParamsSchema = z.object({ id, recipientId: id });
export const NoticeResponseInputSchema = z.strictObject({
  response: z.enum(NOTICE_RESPONSES).meta({ label: 'la respuesta' }),
});
export type NoticeResponseInput = z.infer<typeof NoticeResponseInputSchema>;

export const NoticeSettingsSchema = z
  .object({
    ordinaryNoticeHours: z.number().int(),
    extraordinaryNoticeHours: z.number().int(),
    urgentNoticeHours: z.number().int(),
  })
  .meta({ id: 'GovernanceNoticeSettings' });
export type NoticeSettings = z.infer<typeof NoticeSettingsSchema>;
const hours = z.number().int().min(0, 'Use 0 o más horas').max(720, 'Use a lo más 720 horas (30 días)');
export const NoticeSettingsInputSchema = z.strictObject({
  ordinaryNoticeHours: hours.meta({ label: 'la anticipación de las sesiones ordinarias' }),
  extraordinaryNoticeHours: hours.meta({ label: 'la anticipación de las sesiones extraordinarias' }),
  urgentNoticeHours: hours.meta({ label: 'la anticipación de las sesiones urgentes' }),
});

/** What a recipient sees through the convocatoria's link (no account needed). */
export const PublicConvocationSchema = z
  .object({
    organizationName: z.string(),
    bodyName: z.string(),
    sessionName: z.string(),
    heldOnText: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    modality: z.enum(SESSION_MODALITIES),
    place: z.string().nullable(),
    cancelled: z.boolean(),
    message: z.string().nullable(),
    recipientName: z.string(),
    agenda: z.array(
      z.object({
        position: z.number().int(),
        title: z.string(),
        documents: z.array(z.object({ id: z.uuid(), filename: z.string() })),
      }),
    ),
    response: z.enum(NOTICE_RESPONSES).nullable(),
  })
  .meta({ id: 'PublicConvocation' });
export type PublicConvocation = z.infer<typeof PublicConvocationSchema>;
export const ConvocationTokenParamsSchema = z.object({ token: z.string().max(200) });
export const ConvocationDocumentParamsSchema = z.object({ token: z.string().max(200), documentId: id });

export const SessionDetailSchema = SessionSchema.extend({
  body: BodySchema,
  agenda: z.array(AgendaItemSchema),
  roster: z.array(RosterEntrySchema),
  quorum: QuorumSchema,
  agreements: z.array(AgreementSchema),
  /** The convocatoria sent for the session, with each recipient's receipt and answer; null: not sent. */
  convocation: ConvocationSchema.nullable(),
  /** The notice the organization requires for this session's kind, in hours. */
  requiredNoticeHours: z.number().int(),
}).meta({ id: 'BodySessionDetail' });
export type SessionDetail = z.infer<typeof SessionDetailSchema>;

export const PeriodQuerySchema = z
  .object({ from: LocalDateSchema.optional(), to: LocalDateSchema.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'El periodo termina antes de empezar',
  });
export const PeriodDocumentQuerySchema = z
  .object({
    from: LocalDateSchema.optional(),
    to: LocalDateSchema.optional(),
    format: z.enum(['docx', 'pdf']).default('docx'),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'El periodo termina antes de empezar',
  });

export const AgreementsBySessionSchema = z
  .object({
    sessions: z.array(
      z.object({ session: SessionSchema, heading: z.string(), agreements: z.array(AgreementSchema) }),
    ),
    total: z.number().int(),
    /** Agreements on record without a session (adopted before the system) in the period. */
    outsideSessions: z.array(AgreementSchema).optional(),
  })
  .meta({ id: 'AgreementsBySession' });
export type AgreementsBySession = z.infer<typeof AgreementsBySessionSchema>;

// ---- the attendance report (the reference's table)

export const AttendanceTableSchema = z
  .object({
    sessions: z.array(
      z.object({ id: z.uuid(), heading: z.string(), name: z.string(), heldOn: LocalDateSchema }),
    ),
    rows: z.array(
      z.object({
        role: z.enum(ATTENDANCE_ROLES),
        /** As the report prints it: "Presidencia", "Titular de la UTAJ", "Secretaría Ejecutiva"… */
        roleLabel: z.string(),
        /** The row as printed: "Presidencia: Erika Estrada Ruíz", "Titular de la Unidad…, María…". */
        line: z.string(),
        name: z.string(),
        personId: z.uuid().nullable(),
        institutionId: z.uuid().nullable(),
        /** One cell per session: true attended, false absent or not in that role that day. */
        attended: z.array(z.boolean()),
        count: z.number().int(),
        /** Sessions at which the row's role was held (percentage base). */
        held: z.number().int(),
        percent: z.number(),
        footnote: z.number().int().nullable(),
      }),
    ),
    footnotes: z.array(z.string()),
  })
  .meta({ id: 'AttendanceTable' });
export type AttendanceTable = z.infer<typeof AttendanceTableSchema>;

// ---- SSSCG follow-up

export const MandateUpdateSchema = z.object({
  id: z.uuid(),
  occurredOn: LocalDateSchema,
  note: z.string(),
});
export const MandateSchema = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    agreementNumber: z.string(),
    agreementTitle: z.string(),
    description: z.string(),
    dueOn: LocalDateSchema.nullable(),
    status: z.enum(MANDATE_STATUSES),
    overdue: z.boolean(),
    areas: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() })),
    updateCount: z.number().int(),
    lastUpdateOn: LocalDateSchema.nullable(),
  })
  .meta({ id: 'Mandate' });
export type Mandate = z.infer<typeof MandateSchema>;
export const MandateDetailSchema = MandateSchema.extend({ updates: z.array(MandateUpdateSchema) }).meta({
  id: 'MandateDetail',
});
export type MandateDetail = z.infer<typeof MandateDetailSchema>;

export const MandateInputSchema = z.strictObject({
  agreementId: id,
  description: text(4000).meta({ label: 'el mandato' }),
  dueOn: LocalDateSchema.nullable().optional(),
  areaIds: z.array(id).min(1, 'Indique al menos un área').max(30),
});
export type MandateInput = z.infer<typeof MandateInputSchema>;
export const MandatePatchSchema = z
  .strictObject({
    description: text(4000).meta({ label: 'el mandato' }).optional(),
    dueOn: LocalDateSchema.nullable().optional(),
    status: z.enum(MANDATE_STATUSES).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indique al menos un dato' });
export type MandatePatch = z.infer<typeof MandatePatchSchema>;
export const MandateUpdateInputSchema = z.strictObject({ occurredOn: LocalDateSchema, note: text(4000) });
export type MandateUpdateInput = z.infer<typeof MandateUpdateInputSchema>;
export const MandateListQuerySchema = z.object({
  status: z.enum(MANDATE_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});
export const MandateListSchema = z.object({ items: z.array(MandateSchema) });
export const BodyListSchema = z.object({ items: z.array(BodySchema) });
export const SessionListSchema = z.object({ items: z.array(SessionSchema) });

// ---- calendar feeds for calendar apps (no session cookie: a secret address per user)

export const FeedTokenSchema = z
  .object({
    id: z.uuid(),
    /** null: the sessions of every body of the organization. */
    bodyId: z.uuid().nullable(),
    bodyName: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarFeedToken' });
export type FeedToken = z.infer<typeof FeedTokenSchema>;
export const FeedTokenCreatedSchema = FeedTokenSchema.extend({
  /** The subscription address with its secret: shown once, only its hash is kept. */
  url: z.string(),
}).meta({ id: 'CalendarFeedTokenCreated' });
export type FeedTokenCreated = z.infer<typeof FeedTokenCreatedSchema>;
export const FeedTokenInputSchema = z.strictObject({ bodyId: id.nullable().optional() });
export type FeedTokenInput = z.infer<typeof FeedTokenInputSchema>;
export const FeedTokenListSchema = z.object({ items: z.array(FeedTokenSchema) });
export const FeedParamsSchema = z.object({ token: z.string().max(200) });
