import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callEndpoint } from '@/web/shared/api/client';
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
 * The open routing slips of the user's areas (the home page's queue). The channel's endpoints are
 * loaded when asked for: with their contracts they would grow the home page's first load past its
 * size budget (tests/e2e/bundle-size.e2e.test.ts), and only area staff see this queue.
 */
export function useOpenAreaQueue() {
  return useQuery({
    queryKey: ['channel', 'my-routings', 'home'],
    queryFn: async () => {
      const { listMyRoutings } = await import('@/modules/channel/endpoints');
      return callEndpoint(listMyRoutings, { query: { state: 'open', pageSize: 200 } });
    },
  });
}
