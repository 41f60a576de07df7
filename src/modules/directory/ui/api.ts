import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import type {
  Area,
  AreaDetail,
  AreaListQuery,
  Institution,
  InstitutionListQuery,
  Person,
  PersonDetail,
  PersonListQuery,
} from '../contract';
import { api } from '@/web/shared/api/client';

// Reads of the directory. Every write invalidates the ['directory'] prefix: lists, details and
// options all refresh together.

export const DIRECTORY_KEY = ['directory'] as const;

export function useInstitutions(query: Partial<InstitutionListQuery>) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'institutions', query],
    queryFn: () => api.get<Page<Institution>>('/api/institutions', query),
    placeholderData: keepPreviousData,
  });
}

export function useAreas(query: Partial<AreaListQuery>) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'areas', query],
    queryFn: () => api.get<Page<Area>>('/api/areas', query),
    placeholderData: keepPreviousData,
  });
}

export function useArea(id: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'area', id],
    queryFn: () => api.get<AreaDetail>(`/api/areas/${encodeURIComponent(id)}`),
  });
}

export function usePeople(query: Partial<PersonListQuery>) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'people', query],
    queryFn: () => api.get<Page<Person>>('/api/people', query),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'person', id],
    queryFn: () => api.get<PersonDetail>(`/api/people/${encodeURIComponent(id)}`),
  });
}

export type Option = { value: string; label: string };

/** All areas of the organization as select options (the API gives at most 200 per page). */
export function useAreaOptions(enabled = true) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'areas', 'options'],
    queryFn: () => api.get<Page<Area>>('/api/areas', { pageSize: 200 }),
    enabled,
    staleTime: 60_000,
    select: (page): Option[] =>
      page.items.map((a) => ({ value: a.id, label: a.acronym ? `${a.name} (${a.acronym})` : a.name })),
  });
}

/** Institutions whose name or acronym contains `q` (server-side, accent-insensitive). */
export function useInstitutionOptions(q: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'institutions', 'options', q],
    queryFn: () => api.get<Page<Institution>>('/api/institutions', { q: q || undefined, pageSize: 30 }),
    placeholderData: keepPreviousData,
    select: (page): Option[] =>
      page.items.map((i) => ({ value: i.id, label: i.acronym ? `${i.name} (${i.acronym})` : i.name })),
  });
}

/** "" → null, so that clearing an optional field clears it on the server. */
export function emptyToNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

/** People of the directory whose name contains `q` (server-side search), as select options. */
export function usePersonOptions(q: string) {
  return useQuery({
    queryKey: ['directory', 'people', 'options', q],
    queryFn: () =>
      api.get<{ items: { id: string; fullName: string }[] }>('/api/people', {
        q: q || undefined,
        pageSize: 30,
      }),
    placeholderData: keepPreviousData,
    select: (page): Option[] => page.items.map((p) => ({ value: p.id, label: p.fullName })),
  });
}
