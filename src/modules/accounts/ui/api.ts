import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import type { Area } from '@/modules/directory/contract';
import type { User, UserListQuery } from '../contract';
import { api } from '@/web/shared/api/client';

export function useUsers(query: Partial<UserListQuery>) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => api.get<Page<User>>('/api/users', query),
    placeholderData: keepPreviousData,
  });
}

/** The organization's areas, to assign them to users (the API pages at most 200 at a time). */
export function useAreaOptions() {
  return useQuery({
    queryKey: ['areas', 'options'],
    queryFn: () => api.get<Page<Area>>('/api/areas', { pageSize: 200 }),
    staleTime: 5 * 60_000,
    select: (page) =>
      page.items.map((a) => ({ value: a.id, label: a.acronym ? `${a.name} (${a.acronym})` : a.name })),
  });
}
