import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from '@/web/shared/api/client';
import * as adminEndpoints from '../sso-policy/endpoints';

// The organization's single sign-on policy (ADR 0034), for the users page.

export function useSsoPolicy() {
  return useQuery({ queryKey: ['sso-policy'], queryFn: () => callEndpoint(adminEndpoints.getSsoPolicy) });
}

export function setSsoPolicy(required: boolean) {
  return callEndpoint(adminEndpoints.setSsoPolicy, { body: { required } });
}
