import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth';
import type { SsoProviderConfig } from '../platform/config/config';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { findOrganizationIdByAcronym, findSsoUser } from './sso-repository';

/**
 * better-auth's genericOAuth configuration of each provider (ADR 0034): discovery from the issuer,
 * PKCE, ID tokens verified against the provider's keys, issuer, audience and the flow's nonce, and
 * never a new account: a person must already have one in Vincula.
 */
export function genericOAuthConfig(providers: SsoProviderConfig[]): GenericOAuthConfig[] {
  return providers.map((p) => ({
    providerId: p.id,
    name: p.label,
    discoveryUrl: `${p.issuer}/.well-known/openid-configuration`,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    scopes: ['openid', 'email', 'profile'],
    pkce: true,
    requireIdTokenVerification: true,
    disableSignUp: true,
    disableImplicitSignUp: true,
  }));
}

/**
 * The refusal codes better-auth passes back from `validateUserInfo`: they reach Vincula's callback
 * route as the redirect's `error` (finish-sso-sign-in.ts words them).
 */
export const GATE_REFUSALS = {
  domain: 'vincula_domain',
  disabled: 'vincula_disabled',
  suspended: 'vincula_suspended',
} as const;

/**
 * Vincula's gate on an identity a provider vouched for, run by better-auth before it links the
 * provider's account to a Vincula account and on every later sign-in with it: the account must
 * belong to the provider's organization, and both the provider's e-mail and the account's must be
 * of one of the provider's domains; a disabled account or suspended organization does not enter.
 */
export async function checkSsoIdentity(
  db: Db,
  providers: SsoProviderConfig[],
  data: {
    user: { id?: unknown; email?: unknown };
    source: { method: string; oauth?: { providerId: string } };
  },
  ip: string | null,
): Promise<{ error: string } | undefined> {
  if (data.source.method !== 'oauth') return undefined;
  const provider = providers.find((p) => p.id === data.source.oauth?.providerId);
  if (!provider) return { error: GATE_REFUSALS.domain };
  const email = typeof data.user.email === 'string' ? data.user.email.toLowerCase() : '';
  const found = typeof data.user.id === 'string' ? await findSsoUser(db, data.user.id) : undefined;
  const ofDomain = (address: string) => provider.domains.includes(domainOf(address));
  const ownOrganization = found?.acronym.toLowerCase() === provider.organization.toLowerCase();
  const refusal =
    !found || !ownOrganization || !ofDomain(email) || !ofDomain(found.email)
      ? GATE_REFUSALS.domain
      : found.disabledAt
        ? GATE_REFUSALS.disabled
        : found.suspendedAt
          ? GATE_REFUSALS.suspended
          : undefined;
  if (!refusal) return undefined;
  // Recorded here, where the person is known; the callback route records the other refusals.
  const organizationId = await findOrganizationIdByAcronym(db, provider.organization);
  await inTransaction(db, (tx) =>
    recordAudit(
      tx,
      {
        userId: ownOrganization ? found!.id : null,
        label: email || provider.label,
        organizationId: organizationId ?? null,
        ip,
      },
      {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: ownOrganization ? found!.id : undefined,
        after: { method: 'sso', provider: provider.id, reason: refusal.replace('vincula_', '') },
      },
    ),
  );
  return { error: refusal };
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
