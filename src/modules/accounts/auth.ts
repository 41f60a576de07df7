import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor as twoFactorPlugin } from 'better-auth/plugins/two-factor';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { IncomingHttpHeaders } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import { account, organization, session, user, verification } from './schema';
import { checkSsoIdentity, genericOAuthConfig } from './sso-providers';
import { linkTokenHash } from './tokens';
import { twoFactor } from './two-factor-schema';

/**
 * better-auth does the credential work: password hashing (scrypt), session storage and signed
 * session cookies. Vincula calls it only through its server API, from its own routes, so every
 * answer keeps Vincula's error format and every sign-in is audited; its HTTP handler is not exposed.
 */
/** Session lifetime and the age after which a request extends it (seconds). */
export const SESSION_EXPIRES_IN = 60 * 60 * 12;
export const SESSION_UPDATE_AGE = 60 * 60;

/** How long a password-reset link works (seconds), ADR 0027. */
export const RESET_LINK_SECONDS = 60 * 60;
/** Where better-auth keeps a reset link: this prefix and the token, stored hashed (linkTokenHash). */
export const RESET_IDENTIFIER_PREFIX = 'reset-password:';

/** Hands a reset link's token over for mailing (password-reset-mail.ts queues the e-mail). */
export type SendResetLink = (
  user: { id: string; name: string; email: string },
  token: string,
) => Promise<void>;

/**
 * Second factor (ADR 0028): six-digit codes every 30 seconds, ten recovery codes, and ten minutes
 * between a right password and its code. No "trusted device": every sign-in asks for a code.
 */
export const TWO_FACTOR_OPTIONS = {
  issuer: 'Vincula',
  twoFactorCookieMaxAge: 600,
  totpOptions: { digits: 6, period: 30 },
  backupCodeOptions: { amount: 10, length: 10 },
} as const;

export function createAuth(db: Db, config: Config, sendResetLink?: SendResetLink) {
  return betterAuth({
    appName: 'Vincula',
    // Its refusals (e.g. a provider's unknown e-mail) are Vincula's answers, audited; not log noise.
    logger: { disabled: config.logLevel === 'silent' },
    baseURL: config.publicUrl,
    secret: config.secret,
    trustedOrigins: [config.publicUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user, session, account, verification, twoFactor },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 200,
      // Reset links (ADR 0027): better-auth issues, expires and spends them; Vincula asks for one only
      // from its job (request-password-reset.ts) and mails it through the queue.
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        if (!sendResetLink) throw new Error('password reset mail is not configured');
        await sendResetLink(user, token);
      },
    },
    // Reset tokens are stored hashed, as Vincula's own links are: a database copy cannot use them.
    verification: {
      storeIdentifier: {
        default: 'plain',
        overrides: { [RESET_IDENTIFIER_PREFIX]: { hash: async (id: string) => linkTokenHash(id) } },
      },
    },
    // Vincula's own user columns; users are created by Vincula, never by better-auth's sign-up.
    user: {
      additionalFields: {
        organizationId: { type: 'string', required: true, input: false },
        roles: { type: 'string[]', required: false, input: false },
        disabledAt: { type: 'date', required: false, input: false },
      },
      // Single sign-on (ADR 0034): Vincula's own check of who a provider may sign in.
      validateUserInfo: (data, c) =>
        checkSsoIdentity(db, config.sso, data, c?.headers?.get('x-forwarded-for') ?? null),
    },
    // A provider's identity is linked to the Vincula account with its e-mail, verified by the
    // provider (or trusted, for providers that send no `email_verified`); Vincula's accounts are
    // created by administrators, so their own e-mails count as known. Tokens are not kept readable.
    account: {
      accountLinking: {
        enabled: true,
        requireLocalEmailVerified: false,
        trustedProviders: config.sso.filter((p) => p.trustEmail).map((p) => p.id),
      },
      encryptOAuthTokens: true,
    },
    // Authenticator-app codes and recovery codes (ADR 0028), and the organizations' OpenID Connect
    // providers (ADR 0034), all reached through Vincula's routes.
    plugins: [
      twoFactorPlugin(TWO_FACTOR_OPTIONS),
      ...(config.sso.length ? [genericOAuth({ config: genericOAuthConfig(config.sso) })] : []),
    ],
    session: {
      expiresIn: SESSION_EXPIRES_IN,
      updateAge: SESSION_UPDATE_AGE,
    },
    // Throttling of sign-ins is Vincula's own (database-backed, shared by instances).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'vincula',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account, or one of a suspended organization, cannot open a session, even
          // with the right password.
          async before(s) {
            const [u] = await db
              .select({ disabledAt: user.disabledAt, suspendedAt: organization.suspendedAt })
              .from(user)
              .innerJoin(organization, eq(organization.id, user.organizationId))
              .where(eq(user.id, s.userId));
            return u && !u.disabledAt && !u.suspendedAt ? { data: s } : false;
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

// Every route reaches better-auth through the shared context (built in src/server/runtime.ts).
declare module '../platform/http/context' {
  interface ModuleServices {
    auth: Auth;
  }
}

/**
 * The request's headers for better-auth, which records a session's address from X-Forwarded-For:
 * that header is replaced by the address Fastify resolved, which believes it only from a trusted
 * proxy (VINCULA_TRUSTED_PROXIES).
 */
export function authHeaders(headers: IncomingHttpHeaders, ip: string | null): Headers {
  const result = fromNodeHeaders(headers);
  result.delete('x-forwarded-for');
  if (ip) result.set('x-forwarded-for', ip);
  return result;
}
