import { z } from 'zod';
import { RoleSchema, type Role } from './contract';

// Two-factor authentication (ADR 0028): the API's shapes and the rule of who must use it.

/** The roles an administrator may require a second factor of (every role may). */
export const TWO_FACTOR_ROLES = RoleSchema.options;

/** Whether a person of these roles must use a second factor under the organization's policy. */
export function twoFactorRequiredFor(roles: readonly Role[], requiredRoles: readonly string[]): boolean {
  return roles.some((r) => requiredRoles.includes(r));
}

/** A six-digit authenticator code, or a recovery code (`abcde-12345`), as the person types it. */
export const TwoFactorCodeInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, 'Escriba el código')
    .max(20, 'El código no puede exceder 20 caracteres')
    .meta({ label: 'código' }),
});

/** Six digits, spaces allowed ("123 456" as some apps show it): an authenticator code. */
export function authenticatorCode(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export const PasswordConfirmationSchema = z.strictObject({
  password: z.string().min(1, 'Escriba su contraseña').max(200).meta({ label: 'contraseña' }),
});

export const TwoFactorEnrolmentSchema = z
  .object({
    /** The otpauth:// address the QR code carries. */
    uri: z.string(),
    /** The same secret in base32, for typing it into the app by hand. */
    secret: z.string(),
    /** The QR code of `uri`, an SVG data URL (drawn by the server: the browser loads no QR code). */
    qrCode: z.string(),
  })
  .meta({ id: 'TwoFactorEnrolment' });

export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: 'RecoveryCodes' });

export const TwoFactorPolicySchema = z
  .object({ requiredRoles: z.array(RoleSchema) })
  .meta({ id: 'TwoFactorPolicy' });
export type TwoFactorPolicy = z.infer<typeof TwoFactorPolicySchema>;

export const TwoFactorPolicyInputSchema = z.strictObject({
  requiredRoles: z.array(RoleSchema).max(TWO_FACTOR_ROLES.length),
});
