import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditListQuery } from '../contract';
import * as endpoints from '../endpoints';
import { callEndpoint } from '@/web/shared/api/client';

// The audit trail's API calls (ADR 0022).

export function useAuditEntries(query: Partial<AuditListQuery>) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => callEndpoint(endpoints.listAuditEntries, { query }),
    placeholderData: keepPreviousData,
  });
}

/** The actions and record types present in the trail, to filter by. */
export function useAuditFacets() {
  return useQuery({ queryKey: ['audit', 'facets'], queryFn: () => callEndpoint(endpoints.getAuditFacets) });
}
