import { z } from 'zod';

// Single sign-on with OpenID Connect (ADR 0034): the API's shapes and the refusals the sign-in page
// explains. Browser-safe.

/** A provider's id as VINCULA_SSO_PROVIDERS names it (config.ts checks the same form). */
export const SsoProviderParamsSchema = z.strictObject({
  provider: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'El proveedor no existe')
    .meta({ label: 'proveedor' }),
});

const ProviderSchema = z.object({ id: z.string(), label: z.string() });

/** What the sign-in page offers besides the password: one button per configured provider. */
export const SignInOptionsSchema = z
  .object({
    providers: z.array(ProviderSchema),
    /** The words of the refusal the page's address names (`?sso=…`), when it names one. */
    refusal: z.string().optional(),
  })
  .meta({ id: 'SignInOptions' });

/** The page passes on the reason its address carries; an unknown one reads as the provider's. */
export const SignInOptionsQuerySchema = z.strictObject({
  sso: z.string().max(40).optional().meta({ label: 'motivo' }),
});
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

/** The provider's answer, as it comes back to Vincula; providers add their own parameters. */
export const SsoCallbackQuerySchema = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

/** An organization's policy: whether passwords are refused, and the providers its people may use. */
export const SsoPolicySchema = z
  .object({ required: z.boolean(), providers: z.array(ProviderSchema) })
  .meta({ id: 'SsoPolicy' });
export type SsoPolicy = z.infer<typeof SsoPolicySchema>;

export const SsoPolicyInputSchema = z.strictObject({
  required: z.boolean({ message: 'Indique si la entrada con cuenta institucional es obligatoria' }),
});

/**
 * Why a sign-in through a provider was refused, as the sign-in page's address carries it
 * (`/iniciar-sesion?sso=dominio`): the page asks the sign-in options for its words (the error
 * code's message), the API answers the code.
 */
export const SSO_REFUSALS = {
  estado: 'SSO_STATE_INVALID',
  emisor: 'SSO_ISSUER_MISMATCH',
  respuesta: 'SSO_RESPONSE_INVALID',
  proveedor: 'SSO_PROVIDER_ERROR',
  'sin-cuenta': 'SSO_NO_ACCOUNT',
  dominio: 'SSO_DOMAIN_REFUSED',
  'sin-verificar': 'SSO_EMAIL_UNVERIFIED',
  desactivada: 'ACCOUNT_DISABLED',
  suspendida: 'ORGANIZATION_SUSPENDED',
  desconocido: 'SSO_PROVIDER_UNKNOWN',
  'no-disponible': 'SSO_PROVIDER_UNAVAILABLE',
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

export function isSsoRefusal(value: string | null): value is SsoRefusal {
  return value !== null && Object.hasOwn(SSO_REFUSALS, value);
}
