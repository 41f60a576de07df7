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
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export const OrganizationKindSchema = z.enum(['national_authority', 'local_body']);

export const MeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(RoleSchema),
    areaIds: z.array(z.uuid()),
    permissions: z.array(z.string()),
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      acronym: z.string(),
      kind: OrganizationKindSchema,
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
