import { useQuery } from '@tanstack/react-query';
import { endpointPath } from '@/shared/endpoint';
import { callEndpoint } from '@/web/shared/api/client';
import * as endpoints from '../sso/endpoints';

// Single sign-on's calls (ADR 0034), apart from api.ts: the sign-in page loads only these.

/**
 * The providers the sign-in page offers a button for (none: no buttons), and the words of the
 * refusal its address names when a provider's sign-in came back refused (`?sso=…`).
 */
export function useSignInOptions(sso: string | null) {
  return useQuery({
    queryKey: ['sign-in-options', sso],
    queryFn: () => callEndpoint(endpoints.getSignInOptions, { query: { sso } }),
    staleTime: Infinity,
  });
}

/** Where a provider's button goes: a navigation, since the provider's page opens in its place. */
export function ssoStartHref(provider: string): string {
  return endpointPath(endpoints.startSsoSignIn.path, { provider });
}
