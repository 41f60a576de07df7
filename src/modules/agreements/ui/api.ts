import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import { api } from '@/web/shared/api/client';
import type { z } from 'zod';
import type {
  Instrument,
  InstrumentDetail,
  InstrumentFilters,
  InstrumentType,
  Opinion,
  OpinionListQuery,
  ReviewDetailSchema,
  ReviewSchema,
} from '../contract';

// Reads and writes of the agreements register. Every write invalidates the ['agreements'] prefix.

export const AGREEMENTS_KEY = ['agreements'] as const;
export type Review = z.infer<typeof ReviewSchema>;
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

/** The list filters as query parameters (statuses travel comma-separated). */
export function instrumentQuery(filters: Partial<InstrumentFilters>) {
  const { status, ...rest } = filters;
  return { ...rest, status: status?.length ? status.join(',') : undefined };
}

export function useInstruments(
  filters: Partial<InstrumentFilters> & { page?: number; pageSize?: number },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: [...AGREEMENTS_KEY, 'instruments', filters],
    queryFn: () => api.get<Page<Instrument>>('/api/instruments', instrumentQuery(filters)),
    placeholderData: keepPreviousData,
  });
}

export function useInstrument(id: string) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'instrument', id],
    queryFn: () => api.get<InstrumentDetail>(`/api/instruments/${encodeURIComponent(id)}`),
  });
}

export function useInstrumentTypes() {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'types'],
    queryFn: () => api.get<InstrumentType[]>('/api/instrument-types'),
    staleTime: 60_000,
  });
}

export function useReviews() {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'reviews'],
    queryFn: () => api.get<{ items: Review[] }>('/api/reviews'),
  });
}

export function useReview(id: string | null) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'review', id],
    queryFn: () => api.get<ReviewDetail>(`/api/reviews/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
  });
}

export function useOpinions(query: Partial<OpinionListQuery>) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'opinions', query],
    queryFn: () => api.get<Page<Opinion>>('/api/opinions', query),
    placeholderData: keepPreviousData,
  });
}

/** A write that refreshes every agreements query when it succeeds. */
export function useAgreementsMutation<A, R>(write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: AGREEMENTS_KEY }),
  });
}
