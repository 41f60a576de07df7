import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DelegationInput } from '../delegation-contract';
import * as endpoints from '../delegation/endpoints';
import { callEndpoint } from '@/web/shared/api/client';

// Delegations' API calls (ADR 0035), for the administration page.

export const DELEGATIONS_KEY = ['delegations'] as const;

export function useDelegations(query: { state: 'active' | 'all'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...DELEGATIONS_KEY, query],
    queryFn: () => callEndpoint(endpoints.listDelegations, { query }),
    placeholderData: keepPreviousData,
  });
}

export function createDelegation(input: DelegationInput) {
  return callEndpoint(endpoints.createDelegation, { body: input });
}

export function endDelegation(id: string) {
  return callEndpoint(endpoints.endDelegation, { params: { id } });
}
