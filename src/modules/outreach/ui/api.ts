import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import { api } from '@/web/shared/api/client';
import type {
  ArcoRequest,
  Base,
  Campaign,
  ContactDetail,
  Contact,
  LedgerRow,
  ManualContact,
} from '../contract';

// Reads and writes of outreach. Every write invalidates the ['outreach'] prefix.

export const OUTREACH_KEY = ['outreach'] as const;

export const useBases = () =>
  useQuery({ queryKey: [...OUTREACH_KEY, 'bases'], queryFn: () => api.get<Base[]>('/api/outreach/bases') });

export const useContacts = (q: { q?: string; baseId?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'contacts', q],
    queryFn: () => api.get<Page<Contact>>('/api/outreach/contacts', q),
    placeholderData: keepPreviousData,
  });

export const useContact = (id: string) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'contact', id],
    queryFn: () => api.get<ContactDetail>(`/api/outreach/contacts/${encodeURIComponent(id)}`),
  });

export const useArcoRequests = () =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'arco'],
    queryFn: () => api.get<ArcoRequest[]>('/api/outreach/arco-requests'),
  });

export const useCampaigns = (q: { page: number; pageSize: number; q?: string }) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'campaigns', q],
    queryFn: () => api.get<Page<Campaign>>('/api/outreach/campaigns', q),
    placeholderData: keepPreviousData,
  });

/** While a campaign is sending, its progress is polled every second. */
export const useCampaign = (id: string) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'campaign', id],
    queryFn: () => api.get<Campaign>(`/api/outreach/campaigns/${encodeURIComponent(id)}`),
    refetchInterval: (query) =>
      query.state.data?.status === 'sending' || query.state.data?.status === 'scheduled' ? 1000 : false,
  });

export const useLedger = (id: string, page: number, poll: boolean) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'ledger', id, page],
    queryFn: () =>
      api.get<Page<LedgerRow>>(`/api/outreach/campaigns/${encodeURIComponent(id)}/ledger`, {
        page,
        pageSize: 25,
      }),
    refetchInterval: poll ? 2000 : false,
    placeholderData: keepPreviousData,
  });

export const useManualContacts = (id: string) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'manual', id],
    queryFn: () =>
      api.get<ManualContact[]>(`/api/outreach/campaigns/${encodeURIComponent(id)}/manual-contacts`),
  });

export const useObjectives = () =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'objectives'],
    queryFn: () =>
      api.get<{ id: string; code: string; title: string; year: number }[]>('/api/outreach/objectives'),
  });

/** A write that refreshes every outreach read when it succeeds. */
export function useOutreachWrite<I, O = unknown>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: OUTREACH_KEY }),
  });
}
