import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import { api } from '@/web/shared/api/client';
import type { FieldProblem } from '@/shared/errors';
import { ApiRequestError } from '@/web/shared/api/client';
import type {
  AgendaItem,
  Assignment,
  Communication,
  CommunicationDetail,
  Group,
  Mission,
  Registrant,
  RegistrantDetail,
  StaffOption,
} from '../contract';
import type { Contact } from '../../contract';
import { countryName, isCountryCode } from '../contract';

// Reads and writes of the accompaniment mission. Every write invalidates the ['observers'] prefix.

export const OBSERVERS_KEY = ['observers'] as const;
const m = (id: string) => `/api/observers/missions/${encodeURIComponent(id)}`;

export const useMissions = () =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'missions'],
    queryFn: () => api.get<Mission[]>('/api/observers/missions'),
  });

export const useMission = (id: string) =>
  useQuery({ queryKey: [...OBSERVERS_KEY, 'mission', id], queryFn: () => api.get<Mission>(m(id)) });

export const useRegistrants = (
  id: string,
  q: { q?: string; groupId?: string; accreditationStatus?: string; page: number; pageSize: number },
) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'registrants', id, q],
    queryFn: () => api.get<Page<Registrant>>(`${m(id)}/registrants`, q),
    placeholderData: keepPreviousData,
  });

/** Every registrant of the mission (for group membership and pickers). */
export const useAllRegistrants = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'registrants', id, 'all'],
    queryFn: () => api.get<Page<Registrant>>(`${m(id)}/registrants`, { page: 1, pageSize: 200 }),
  });

export const useRegistrant = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'registrant', id],
    queryFn: () => api.get<RegistrantDetail>(`/api/observers/registrants/${encodeURIComponent(id)}`),
  });

/** Outreach contacts (people) found as the user types, to register one that already exists. */
export const useContactOptions = (q: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'contact-options', q],
    queryFn: () => api.get<Page<Contact>>('/api/outreach/contacts', { q: q || undefined, pageSize: 30 }),
    placeholderData: keepPreviousData,
    select: (page) =>
      page.items
        .filter((c) => c.kind === 'person' && !c.erasedAt)
        .map((c) => ({
          value: c.id,
          label:
            [c.fullName, c.affiliation, c.email].filter(Boolean).join(' · ') +
            (c.country ? ` (${c.country})` : ''),
        })),
  });

export const useGroups = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'groups', id],
    queryFn: () => api.get<Group[]>(`${m(id)}/groups`),
  });

export const useAgenda = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'agenda', id],
    queryFn: () => api.get<AgendaItem[]>(`${m(id)}/agenda`),
  });

export const useAssignments = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'assignments', id],
    queryFn: () => api.get<Assignment[]>(`${m(id)}/assignments`),
  });

export const useStaffOptions = () =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'staff'],
    queryFn: () => api.get<StaffOption[]>('/api/observers/staff'),
  });

export const useCommunications = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'communications', id],
    queryFn: () => api.get<Communication[]>(`${m(id)}/communications`),
  });

/** While deliveries are queued or sending, the communication is polled every second. */
export const useCommunication = (id: string | null) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'communication', id],
    queryFn: () => api.get<CommunicationDetail>(`/api/observers/communications/${encodeURIComponent(id!)}`),
    enabled: !!id,
    refetchInterval: (query) => {
      const c = query.state.data?.counts;
      return c && c.queued + c.sending > 0 ? 1000 : false;
    },
  });

/** A write that refreshes every read of the mission when it succeeds. */
export function useObserversWrite<I, O = unknown>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: OBSERVERS_KEY }),
  });
}

/**
 * Puts the API's field problems next to the form's fields, nested ones too ("stops.1.arrivalTime",
 * "consent.givenOn"); returns those that match no field.
 */
export function applyNestedErrors(
  form: { getValues: () => object; setErrors: (e: Record<string, string>) => void },
  error: unknown,
): FieldProblem[] {
  if (!(error instanceof ApiRequestError)) return [];
  const values = form.getValues() as Record<string, unknown>;
  const has = (path: string) => {
    let v: unknown = values;
    for (const k of path.split('.')) {
      if (v === null || typeof v !== 'object' || !(k in v)) return false;
      v = (v as Record<string, unknown>)[k];
    }
    return true;
  };
  const errors: Record<string, string> = {};
  const unplaced: FieldProblem[] = [];
  for (const p of error.fields) {
    const key = has(p.path) ? p.path : has(p.path.split('.')[0] ?? '') ? p.path.split('.')[0]! : null;
    if (key) errors[key] = errors[key] ? `${errors[key]} ${p.message}` : p.message;
    else unplaced.push(p);
  }
  form.setErrors(errors);
  return unplaced;
}

/** Countries of ISO 3166-1 with their Spanish names, sorted by name. */
export const COUNTRY_OPTIONS = (() => {
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isCountryCode(code)) out.push({ value: code, label: countryName(code) });
    }
  return out.sort((x, y) => x.label.localeCompare(y.label, 'es'));
})();
