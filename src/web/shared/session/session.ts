import { useQuery } from '@tanstack/react-query';
import type { Me, Permission } from '@/modules/accounts/contract';
import { getMe } from '@/modules/accounts/endpoints';
import { ApiRequestError, callEndpoint } from '../api/client';

export const ME_QUERY_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await callEndpoint(getMe);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, `null` when there is no session, `undefined` while loading. */
export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export { fetchMe };

/** Whether the signed-in user holds `permission` (as the server computed it in /api/me). */
export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return Boolean(data?.permissions.includes(permission));
}
