import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementsBySession,
  AttendanceInput,
  AttendanceTable,
  Body,
  BodyDetail,
  FeedToken,
  Mandate,
  MandateDetail,
  MandateUpdateInput,
  Session,
  SessionDetail,
} from '../contract';
import { api } from '@/web/shared/api/client';

// Reads and writes of the governance module. Every write invalidates the ['governance'] prefix.

export const GOVERNANCE_KEY = ['governance'] as const;
const id = (s: string) => encodeURIComponent(s);

export function useBodies() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'bodies'],
    queryFn: () => api.get<{ items: Body[] }>('/api/governance/bodies'),
  });
}

export function useBody(bodyId: string) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'body', bodyId],
    queryFn: () => api.get<BodyDetail>(`/api/governance/bodies/${id(bodyId)}`),
  });
}

export function useSessions(bodyId: string) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'sessions', bodyId],
    queryFn: () => api.get<{ items: Session[] }>(`/api/governance/bodies/${id(bodyId)}/sessions`),
  });
}

export type Period = { from?: string | null; to?: string | null };

export function useAttendanceReport(bodyId: string, period: Period) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'attendance', bodyId, period],
    queryFn: () => api.get<AttendanceTable>(`/api/governance/bodies/${id(bodyId)}/attendance-report`, period),
  });
}

export function useAgreements(bodyId: string, period: Period) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'agreements', bodyId, period],
    queryFn: () => api.get<AgreementsBySession>(`/api/governance/bodies/${id(bodyId)}/agreements`, period),
  });
}

export function useSession(sessionId: string) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'session', sessionId],
    queryFn: () => api.get<SessionDetail>(`/api/governance/sessions/${id(sessionId)}`),
  });
}

export function useRecordAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceInput) =>
      api.put<SessionDetail>(`/api/governance/sessions/${id(sessionId)}/attendance`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export function useMandates() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'mandates'],
    queryFn: () => api.get<{ items: Mandate[] }>('/api/governance/mandates'),
  });
}

export function useMandate(mandateId: string | null) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'mandate', mandateId],
    queryFn: () => api.get<MandateDetail>(`/api/governance/mandates/${id(mandateId!)}`),
    enabled: !!mandateId,
  });
}

export function useAddMandateUpdate(mandateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MandateUpdateInput) =>
      api.post<MandateDetail>(`/api/governance/mandates/${id(mandateId)}/updates`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

/** A write of the governance module: every success refreshes the module's reads. */
export function useGovernanceMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export type Option = { value: string; label: string };

/** The political parties of the directory (a short list). */
export function usePartyOptions() {
  return useQuery({
    queryKey: ['directory', 'institutions', 'parties'],
    queryFn: () =>
      api.get<{ items: { id: string; name: string; acronym: string | null }[] }>('/api/institutions', {
        kind: 'political_party',
        pageSize: 200,
      }),
    staleTime: 60_000,
    select: (page): Option[] =>
      page.items.map((i) => ({ value: i.id, label: i.acronym ? `${i.name} (${i.acronym})` : i.name })),
  });
}

export function useFeedTokens() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'feed-tokens'],
    queryFn: () => api.get<{ items: FeedToken[] }>('/api/governance/feed-tokens'),
  });
}
