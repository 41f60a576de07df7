import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import type { Attachment, QueueItem, Routing, RoutingDetail } from '../routing-contract';
import { api } from '@/web/shared/api/client';
import { CHANNEL_KEY } from './api';

// Reads of routing, queues and attachments; writes invalidate the ['channel'] prefix.

export function useFolioRoutings(folioId: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', folioId, 'routings'],
    queryFn: () => api.get<Routing[]>(`/api/channel/folios/${encodeURIComponent(folioId)}/routings`),
  });
}

export function useFolioAttachments(folioId: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', folioId, 'attachments'],
    queryFn: () => api.get<Attachment[]>(`/api/channel/folios/${encodeURIComponent(folioId)}/attachments`),
  });
}

export function useMyRoutings(query: { state: 'open' | 'closed' | 'all'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'my-routings', query],
    queryFn: () => api.get<Page<QueueItem>>('/api/channel/my-routings', query),
    placeholderData: keepPreviousData,
  });
}

export function useMyRouting(id: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'my-routing', id],
    queryFn: () => api.get<RoutingDetail>(`/api/channel/my-routings/${encodeURIComponent(id)}`),
  });
}

/** Uploads files one by one to `path`; stops at the first refusal (its error is thrown). */
export async function uploadAll(path: string, files: File[]): Promise<Attachment[]> {
  const done: Attachment[] = [];
  for (const file of files) done.push(await api.upload<Attachment>(path, file));
  return done;
}
