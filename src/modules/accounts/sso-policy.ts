import type { Config, SsoProviderConfig } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import type { SsoPolicy } from './sso-contract';
import { findOrganizationAcronym, findSsoRequired } from './sso-repository';

/** The providers VINCULA_SSO_PROVIDERS gives an organization (named by its acronym). */
export function providersOf(config: Config, acronym: string | undefined): SsoProviderConfig[] {
  if (!acronym) return [];
  return config.sso.filter((p) => p.organization.toLowerCase() === acronym.toLowerCase());
}

/**
 * An organization's policy as it applies: SSO is required only while the organization still has a
 * provider, so that removing its providers from the configuration (the operator's way back in when
 * a provider is lost, ADR 0034) lets passwords work again.
 */
export async function readSsoPolicy(db: Db, config: Config, organizationId: string): Promise<SsoPolicy> {
  const providers = providersOf(config, await findOrganizationAcronym(db, organizationId)).map((p) => ({
    id: p.id,
    label: p.label,
  }));
  const required = providers.length > 0 && (await findSsoRequired(db, organizationId));
  return { required, providers };
}

/** "«Entrar con Microsoft»" or "«Entrar con Microsoft» o «Entrar con Google»". */
export function buttonNames(providers: { label: string }[]): string {
  return providers.map((p) => `«Entrar con ${p.label}»`).join(' o ');
}
