import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../shared/paging';

export const ROLES = [
  'administrator',
  'liaison_staff',
  'area_staff',
  'councillor',
  'auditor',
  'national_authority_staff',
] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/**
 * What each role may do. Reading is broad (councillors and auditors read everything of their
 * organization); writing is narrow. Every route names one permission.
 */
export const PERMISSIONS = {
  'directory.read': [
    'administrator',
    'liaison_staff',
    'area_staff',
    'councillor',
    'auditor',
    'national_authority_staff',
  ],
  'directory.write': ['administrator', 'liaison_staff', 'national_authority_staff'],
  'directory.export': ['administrator', 'liaison_staff', 'councillor', 'auditor', 'national_authority_staff'],
  'users.read': ['administrator', 'auditor'],
  'users.manage': ['administrator'],
  // The office's set-up checklist on the home page (issue 22 item 3): the administrator sets it up.
  'setup.read': ['administrator'],
  // The organization's letterhead and the report's legal basis, printed on every document.
  'letterhead.manage': ['administrator'],
  // Who acts for an absent person, and when (encargo de despacho, ADR 0035).
  'delegations.manage': ['administrator'],
  'audit.read': ['administrator', 'auditor'],
  'governance.read': ['administrator', 'liaison_staff', 'area_staff', 'councillor', 'auditor'],
  'governance.write': ['administrator', 'liaison_staff'],
  'agreements.read': ['administrator', 'liaison_staff', 'area_staff', 'councillor', 'auditor'],
  'agreements.write': ['administrator', 'liaison_staff'],
  'agreements.request_opinion': ['administrator', 'liaison_staff', 'area_staff'],
  'agreements.export': ['administrator', 'liaison_staff', 'councillor', 'auditor'],
  'agreements.admin': ['administrator'],
  // The channel's working calendar and fortnightly report (distribution list, sending).
  'channel.calendar': ['administrator', 'liaison_staff'],
  'channel.reports': ['administrator', 'liaison_staff'],
  // Whether routings need the Secretaría Ejecutiva's instruction (ADR 0037).
  'channel.settings': ['administrator'],
  // Area staff see only the folios routed to their areas (their queue), not the whole channel.
  'channel.read': ['administrator', 'liaison_staff', 'councillor', 'auditor', 'national_authority_staff'],
  'channel.write': ['liaison_staff', 'national_authority_staff'],
  'channel.route': ['liaison_staff', 'national_authority_staff'],
  'channel.answer': ['area_staff'],
  'reports.read': ['administrator', 'liaison_staff', 'councillor', 'auditor'],
  'reports.write': ['administrator', 'liaison_staff'],
  'program.read': ['administrator', 'liaison_staff', 'area_staff', 'councillor', 'auditor'],
  'program.write': ['administrator', 'liaison_staff'],
  'program.export': ['administrator', 'liaison_staff', 'councillor', 'auditor'],
  'program.admin': ['administrator'],
  // Outreach holds personal data: read by the office and oversight; the data subject's rights
  // (export of a person's data, erasure, ARCO requests) are served by the office.
  'outreach.read': ['administrator', 'liaison_staff', 'councillor', 'auditor'],
  'outreach.write': ['administrator', 'liaison_staff'],
  'outreach.privacy': ['administrator', 'liaison_staff'],
  // The accompaniment mission (foreign observers and visitors): personal data, like outreach.
  'observers.read': ['administrator', 'liaison_staff', 'councillor', 'auditor'],
  'observers.write': ['administrator', 'liaison_staff'],
  // No role holds it: installation operators do, by belonging to the installation (ADR 0023).
  'organizations.manage': [],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export const OrganizationKindSchema = z.enum(['national_authority', 'local_body']);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;
/** The organization a user belongs to: a body, or the installation itself (its operators). */
export const TenantKindSchema = z.enum(['national_authority', 'local_body', 'installation']);

export const MeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(RoleSchema),
    areaIds: z.array(z.uuid()),
    permissions: z.array(z.string()),
    /** An installation operator: manages organizations, reads none of their records. */
    operator: z.boolean(),
    /** Two-factor authentication: on, and whether the organization requires it of the roles held. */
    twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
    /** Absent people whose queue this user works today (ADR 0035); `permissions` includes theirs. */
    actingFor: z.array(z.object({ userId: z.string(), name: z.string(), endsOn: z.string() })),
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      acronym: z.string(),
      kind: TenantKindSchema,
    }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SignInInputSchema = z.strictObject({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
});

/** At least 12 characters; long passphrases beat composition rules. */
export const NewPasswordSchema = z
  .string()
  .min(12, 'La contraseña debe tener al menos 12 caracteres')
  .max(200, 'La contraseña no puede exceder 200 caracteres');

export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPasswordSchema,
});

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(RoleSchema),
    areaIds: z.array(z.uuid()),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const CreateUserInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(200),
  password: NewPasswordSchema,
  roles: z.array(RoleSchema).min(1, 'Asigne al menos un rol'),
  areaIds: z.array(z.uuid()).max(50).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(RoleSchema).min(1, 'Asigne al menos un rol').optional(),
  areaIds: z.array(z.uuid()).max(50).optional(),
  disabled: z.boolean().optional(),
  password: NewPasswordSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: RoleSchema.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
export const UserPageSchema = pageOf(UserSchema);
export const UserParamsSchema = z.object({ id: z.uuid({ error: 'Identificador inválido' }) });

// Installation: the first operator, organizations, invitations (ADR 0023).

export const MEXICAN_STATES = [
  'Aguascalientes',
  'Baja California',
  'Baja California Sur',
  'Campeche',
  'Chiapas',
  'Chihuahua',
  'Ciudad de México',
  'Coahuila',
  'Colima',
  'Durango',
  'Estado de México',
  'Guanajuato',
  'Guerrero',
  'Hidalgo',
  'Jalisco',
  'Michoacán',
  'Morelos',
  'Nayarit',
  'Nuevo León',
  'Oaxaca',
  'Puebla',
  'Querétaro',
  'Quintana Roo',
  'San Luis Potosí',
  'Sinaloa',
  'Sonora',
  'Tabasco',
  'Tamaulipas',
  'Tlaxcala',
  'Veracruz',
  'Yucatán',
  'Zacatecas',
] as const;

/** Mexico's time zones (a body's deadlines are counted in its own). */
export const TIME_ZONES = [
  'America/Mexico_City',
  'America/Cancun',
  'America/Merida',
  'America/Monterrey',
  'America/Matamoros',
  'America/Chihuahua',
  'America/Ciudad_Juarez',
  'America/Ojinaga',
  'America/Mazatlan',
  'America/Bahia_Banderas',
  'America/Hermosillo',
  'America/Tijuana',
] as const;

export const TokenParamsSchema = z.object({
  token: z
    .string()
    .min(20, 'El enlace no es válido')
    .max(100, 'El enlace no es válido')
    .regex(/^[A-Za-z0-9_-]+$/, 'El enlace no es válido'),
});

export const FirstOperatorInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).meta({ label: 'nombre' }),
  email: z.email().max(200),
  password: NewPasswordSchema,
});
export type FirstOperatorInput = z.infer<typeof FirstOperatorInputSchema>;

export const SetupLinkSchema = z.object({ valid: z.literal(true) }).meta({ id: 'SetupLink' });

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string(),
    kind: OrganizationKindSchema,
    state: z.string().nullable(),
    timeZone: z.string(),
    suspended: z.boolean(),
    createdAt: z.string(),
    /** Users of the organization and how many of them have not yet set their password. */
    users: z.number().int(),
    pendingInvitations: z.number().int(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).meta({ label: 'nombre' }),
  acronym: z
    .string()
    .trim()
    .min(2, 'Las siglas deben tener al menos 2 caracteres')
    .max(20, 'Las siglas no pueden exceder 20 caracteres')
    .meta({ label: 'siglas' }),
  kind: OrganizationKindSchema,
  state: z.enum(MEXICAN_STATES).nullable().default(null),
  timeZone: z.enum(TIME_ZONES).default('America/Mexico_City'),
});
export type OrganizationInput = z.infer<typeof OrganizationInputSchema>;

export const OrganizationUpdateSchema = z.strictObject({ suspended: z.boolean() });
export const OrganizationParamsSchema = z.object({ id: z.uuid({ error: 'Identificador inválido' }) });
export const OrganizationListSchema = z.array(OrganizationSchema);

export const InvitationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).meta({ label: 'nombre' }),
  email: z.email().max(200),
});
export type InvitationInput = z.infer<typeof InvitationInputSchema>;

export const InvitationSentSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    expiresAt: z.string(),
    /** False when no SMTP server is configured: then `link` is shown to the operator to hand over. */
    mailed: z.boolean(),
    link: z.string().nullable(),
  })
  .meta({ id: 'InvitationSent' });

export const InvitationSchema = z
  .object({
    name: z.string(),
    email: z.string(),
    organization: z.object({ name: z.string(), acronym: z.string() }),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });

export const AcceptInvitationInputSchema = z.strictObject({ password: NewPasswordSchema });

// Password reset by e-mail (ADR 0027).

export const PasswordResetRequestSchema = z.strictObject({ email: z.email().max(200) });

/** Who a reset link is for: the page shows it, and password managers file the new password under it. */
export const ResetLinkSchema = z
  .object({ email: z.string(), expiresAt: z.string() })
  .meta({ id: 'ResetLink' });

export const ResetPasswordInputSchema = z.strictObject({ password: NewPasswordSchema });

// The sessions a person (or an administrator, for a user) ends.

export const SessionSchema = z
  .object({
    id: z.string(),
    /** The browser and system in words ("Chrome en Linux"), from the user agent. */
    device: z.string(),
    ipAddress: z.string().nullable(),
    createdAt: z.string(),
    /** When the session was last extended: its last use, to the hour (SESSION_UPDATE_AGE). */
    lastActiveAt: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;
export const SessionListSchema = z.array(SessionSchema);
export const SessionParamsSchema = z.object({ id: z.uuid({ error: 'Identificador inválido' }) });
export const EndedSessionsSchema = z.object({ ended: z.number().int() }).meta({ id: 'EndedSessions' });
