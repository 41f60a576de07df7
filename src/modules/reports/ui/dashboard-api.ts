import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueuePageSchema } from '@/modules/channel/routing-contract';
import { api, callEndpoint } from '@/web/shared/api/client';
import { getDashboard } from '../endpoints';

// The home page's reads, apart from api.ts so that the home page's bundle does not carry the
// report pages' calls (nor the governance contract they use).

/** A quarter at a glance (the home page), from the records the report uses. */
export function useDashboard(period: { from: string; to: string } | null) {
  const from = period?.from ?? '';
  const to = period?.to ?? '';
  return useQuery({
    queryKey: ['reports', 'dashboard', from, to],
    queryFn: () => callEndpoint(getDashboard, { query: { from, to } }),
    placeholderData: keepPreviousData,
    enabled: period !== null,
  });
}

/**
 * The open routing slips of the user's areas (the home page's queue). The channel's routes are not
 * declared as endpoints yet: until they are, this call names its path and takes the channel
 * contract's page type on trust.
 */
export function useOpenAreaQueue() {
  return useQuery({
    queryKey: ['channel', 'my-routings', 'home'],
    queryFn: () =>
      api.get<z.output<typeof QueuePageSchema>>('/api/channel/my-routings', { state: 'open', pageSize: 200 }),
  });
}
