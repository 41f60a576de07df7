import { z } from 'zod';
import { LocalDateSchema } from '../../../shared/dates';
import { PageQuerySchema, pageOf } from '../../../shared/paging';
import { PhoneSchema } from '../contract';

// Foreign observers and visitors (the accompaniment mission): API types shared by the server and
// the web client. Browser-safe: no server imports.

export const REGISTRANT_KINDS = ['observer', 'visitor'] as const;
export const ACCREDITATION_STATUSES = ['requested', 'in_process', 'accredited', 'rejected'] as const;
export const AGENDA_KINDS = ['activity', 'route'] as const;
/** `sending`: claimed by a worker (a row left so by a crash is retried by its job). */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;

export const RegistrantKindSchema = z.enum(REGISTRANT_KINDS);
export const AccreditationStatusSchema = z.enum(ACCREDITATION_STATUSES);
export const AgendaKindSchema = z.enum(AGENDA_KINDS);
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type RegistrantKind = z.infer<typeof RegistrantKindSchema>;
export type AccreditationStatus = z.infer<typeof AccreditationStatusSchema>;
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

const text = (max: number) => z.string().trim().min(1, 'Este dato es obligatorio').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.uuid({ error: 'Identificador inválido' });

/** A time of day, "HH:MM" from 00:00 to 23:59. */
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora inválida: use el formato HH:MM de 00:00 a 23:59');

const regionNames = new Intl.DisplayNames(['es-MX'], { type: 'region', fallback: 'none' });
/** Codes that are not countries: unknown region and user-assigned ranges of ISO 3166-1. */
const NOT_A_COUNTRY = /^(AA|OO|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/;
/** True when `code` is an ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.test(code) && regionNames.of(code) !== undefined;
}
/** The Spanish name of a country ("FR" → "Francia"). */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
export const CountryCodeSchema = z
  .string()
  .refine(isCountryCode, 'País inválido: use el código de dos letras (ISO 3166-1), p. ej. FR');

export const IdParamsSchema = z.object({ id });

// ---- missions

const missionFields = {
  name: text(300),
  process: text(300),
  electionDay: LocalDateSchema,
  startsOn: LocalDateSchema,
  endsOn: LocalDateSchema,
  agreementRef: optionalText(100),
  approvedOn: LocalDateSchema.nullable().optional(),
};
export const MissionInputSchema = z.strictObject(missionFields);
export type MissionInput = z.infer<typeof MissionInputSchema>;
export const MissionPatchSchema = z.strictObject(missionFields).partial();
export type MissionPatch = z.infer<typeof MissionPatchSchema>;

export const MissionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    process: z.string(),
    electionDay: LocalDateSchema,
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    agreementRef: z.string().nullable(),
    approvedOn: LocalDateSchema.nullable(),
    /** The outreach contact base that holds the registrants (and their consents). */
    baseId: z.uuid(),
    registrants: z.number().int(),
    accredited: z.number().int(),
    consenting: z.number().int(),
    groups: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ObserverMission' });
export type Mission = z.infer<typeof MissionSchema>;

// ---- registrants

export const RegistrantConsentInputSchema = z.strictObject({
  givenOn: LocalDateSchema,
  source: text(300),
  privacyNoticeVersion: text(60),
  evidence: optionalText(4000),
});
export type RegistrantConsentInput = z.infer<typeof RegistrantConsentInputSchema>;

const registrantFields = {
  kind: RegistrantKindSchema,
  nationality: CountryCodeSchema,
  accreditationStatus: AccreditationStatusSchema.default('requested'),
  accreditationNumber: optionalText(60),
  groupId: id.nullable().optional(),
  notes: optionalText(4000),
};
/** The person's own data: kept in the outreach contact. */
const personFields = {
  fullName: text(300),
  organization: optionalText(300),
  email: z.email('Correo electrónico inválido').max(200).nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
};

export const RegistrantInputSchema = z
  .strictObject({
    ...registrantFields,
    ...personFields,
    fullName: text(300).optional(),
    /** An existing outreach contact to register (instead of the person's data). */
    contactId: id.nullable().optional(),
    consent: RegistrantConsentInputSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.contactId && !v.fullName)
      ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'Escriba el nombre de la persona' });
  });
export type RegistrantInput = z.infer<typeof RegistrantInputSchema>;

export const RegistrantPatchSchema = z.strictObject({
  kind: RegistrantKindSchema.optional(),
  nationality: CountryCodeSchema.optional(),
  accreditationStatus: AccreditationStatusSchema.optional(),
  accreditationNumber: optionalText(60),
  groupId: id.nullable().optional(),
  notes: optionalText(4000),
  fullName: text(300).optional(),
  organization: optionalText(300),
  email: z.email('Correo electrónico inválido').max(200).nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
});
export type RegistrantPatch = z.infer<typeof RegistrantPatchSchema>;

export const RegistrantSchema = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    contactId: z.uuid(),
    kind: RegistrantKindSchema,
    fullName: z.string().nullable(),
    organization: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    nationality: z.string(),
    accreditationStatus: AccreditationStatusSchema,
    accreditationNumber: z.string().nullable(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    notes: z.string().nullable(),
    /** Has a consent not withdrawn, general or for the mission's base. */
    consenting: z.boolean(),
    /** Asked not to be written to by e-mail. */
    emailOptOut: z.boolean(),
    erased: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ObserverRegistrant' });
export type Registrant = z.infer<typeof RegistrantSchema>;

export const RegistrantListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  groupId: id.optional(),
  accreditationStatus: AccreditationStatusSchema.optional(),
  kind: RegistrantKindSchema.optional(),
});
export type RegistrantListQuery = z.infer<typeof RegistrantListQuerySchema>;
export const RegistrantPageSchema = pageOf(RegistrantSchema);

export const RegistrantConsentSchema = z.object({
  id: z.uuid(),
  purpose: z.string(),
  givenOn: LocalDateSchema,
  source: z.string(),
  privacyNoticeVersion: z.string(),
  evidence: z.string().nullable(),
  withdrawnOn: LocalDateSchema.nullable(),
  baseId: z.uuid().nullable(),
});

export const RegistrantDeliverySchema = z.object({
  communicationId: z.uuid(),
  subject: z.string(),
  status: DeliveryStatusSchema,
  sentAt: z.string().nullable(),
});

export const RegistrantDetailSchema = RegistrantSchema.extend({
  consents: z.array(RegistrantConsentSchema),
  deliveries: z.array(RegistrantDeliverySchema),
}).meta({ id: 'ObserverRegistrantDetail' });
export type RegistrantDetail = z.infer<typeof RegistrantDetailSchema>;

// ---- groups

export const GroupInputSchema = z.strictObject({ name: text(200), description: optionalText(2000) });
export type GroupInput = z.infer<typeof GroupInputSchema>;
export const GroupPatchSchema = GroupInputSchema.partial();
export type GroupPatch = z.infer<typeof GroupPatchSchema>;
export const GroupMembersInputSchema = z.strictObject({
  registrantIds: z.array(id).max(500),
});
export type GroupMembersInput = z.infer<typeof GroupMembersInputSchema>;

export const StaffRefSchema = z.object({
  userId: z.string().nullable(),
  personId: z.uuid().nullable(),
  name: z.string(),
});
export type StaffRef = z.infer<typeof StaffRefSchema>;

export const GroupSchema = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    members: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ObserverGroup' });
export type Group = z.infer<typeof GroupSchema>;

// ---- agenda

export const RouteStopInputSchema = z.strictObject({
  section: z.number().int().min(1, 'Sección inválida').max(99_999, 'Sección inválida'),
  /** Type of polling station: B (básica), C1… (contigua), E1, E1C1… (extraordinaria), S1… (especial). */
  casillaType: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^(B|C\d{1,2}|E\d{1,2}(C\d{1,2})?|S\d{1,2}|M\d{1,2})$/,
      'Tipo de casilla inválido: B, C1, E1, E1C1, S1 o M1',
    ),
  address: text(500),
  arrivalTime: TimeOfDaySchema,
  departureTime: TimeOfDaySchema,
  notes: optionalText(1000),
});
export type RouteStopInput = z.infer<typeof RouteStopInputSchema>;

const agendaFields = {
  kind: AgendaKindSchema,
  title: text(300),
  day: LocalDateSchema,
  startTime: TimeOfDaySchema,
  endTime: TimeOfDaySchema,
  place: optionalText(500),
  description: optionalText(4000),
  groupId: id.nullable().optional(),
  /** The route's stops in order (kind "route" only). */
  stops: z.array(RouteStopInputSchema).max(60).optional(),
};
export const AgendaItemInputSchema = z.strictObject(agendaFields);
export type AgendaItemInput = z.infer<typeof AgendaItemInputSchema>;
export const AgendaItemPatchSchema = z.strictObject(agendaFields).omit({ kind: true }).partial();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatchSchema>;

export const RouteStopSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  section: z.number().int(),
  casillaType: z.string(),
  address: z.string(),
  arrivalTime: z.string(),
  departureTime: z.string(),
  notes: z.string().nullable(),
});
export type RouteStop = z.infer<typeof RouteStopSchema>;

export const AssignmentSchema = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    agendaItemId: z.uuid().nullable(),
    agendaItemTitle: z.string().nullable(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    staff: StaffRefSchema,
    role: z.string(),
    notes: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ObserverAssignment' });
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AgendaItemSchema = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    kind: AgendaKindSchema,
    title: z.string(),
    day: LocalDateSchema,
    startTime: z.string(),
    endTime: z.string(),
    place: z.string().nullable(),
    description: z.string().nullable(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    stops: z.array(RouteStopSchema),
    staff: z.array(z.object({ assignmentId: z.uuid(), name: z.string(), role: z.string() })),
    createdAt: z.string(),
  })
  .meta({ id: 'ObserverAgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

// ---- staff assignments

export const AssignmentInputSchema = z
  .strictObject({
    agendaItemId: id.nullable().optional(),
    groupId: id.nullable().optional(),
    userId: z.string().trim().min(1).max(100).nullable().optional(),
    personId: id.nullable().optional(),
    role: text(200),
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.agendaItemId && !v.groupId)
      ctx.addIssue({
        code: 'custom',
        path: ['agendaItemId'],
        message: 'Elija una actividad de la agenda, un grupo o ambos',
      });
    if (!v.userId === !v.personId)
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: 'Elija una persona: una cuenta de usuario o una persona del directorio',
      });
  });
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>;

export const StaffQuerySchema = z.object({ q: z.string().trim().max(200).optional() });
export const StaffOptionSchema = StaffRefSchema.extend({ kind: z.enum(['user', 'person']) });
export type StaffOption = z.infer<typeof StaffOptionSchema>;

// ---- communications

export const COMMUNICATION_MERGE_FIELDS = ['nombre'] as const;

export const CommunicationInputSchema = z.strictObject({
  subject: text(300),
  body: text(50_000).describe('Texto del correo. Campo disponible: {{nombre}}'),
  /** Null: every registrant of the mission. */
  groupId: id.nullable().optional(),
});
export type CommunicationInput = z.infer<typeof CommunicationInputSchema>;

export const DeliveryCountsSchema = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});
export type DeliveryCounts = z.infer<typeof DeliveryCountsSchema>;

export const CommunicationSchema = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
    sentBy: z.string().nullable(),
    createdAt: z.string(),
    /** Per-recipient states; registrants without consent, e-mail or with an e-mail opt-out are `skipped`. */
    counts: DeliveryCountsSchema,
  })
  .meta({ id: 'ObserverCommunication' });
export type Communication = z.infer<typeof CommunicationSchema>;

export const DeliverySchema = z.object({
  id: z.number().int(),
  registrantId: z.uuid(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  status: DeliveryStatusSchema,
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const CommunicationDetailSchema = CommunicationSchema.extend({
  deliveries: z.array(DeliverySchema),
}).meta({ id: 'ObserverCommunicationDetail' });
export type CommunicationDetail = z.infer<typeof CommunicationDetailSchema>;
