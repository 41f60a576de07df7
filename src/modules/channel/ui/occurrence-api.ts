import { useQuery } from '@tanstack/react-query';
import type { MyOccurrence, Obligation, OccurrenceStatus } from '../occurrence-contract';
import { api } from '@/web/shared/api/client';
import { CHANNEL_KEY } from './api';
import { uploadAll } from './routing-api';

// The months of recurring obligations: reads under the ['channel'] prefix, which every write invalidates.

export function useFolioObligations(folioId: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', folioId, 'obligations'],
    queryFn: () => api.get<Obligation[]>(`/api/channel/folios/${encodeURIComponent(folioId)}/obligations`),
  });
}

export function useMyOccurrences(state: 'open' | 'closed' | 'all') {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'my-occurrences', state],
    queryFn: () => api.get<MyOccurrence[]>('/api/channel/my-occurrences', { state }),
  });
}

/** Files first: a refused file stops the answer, so the month is not sent without them. */
export async function answerOccurrence(id: string, input: { on: string; text: string }, files: File[]) {
  await uploadAll(`/api/channel/occurrences/${encodeURIComponent(id)}/attachments`, files);
  return api.post<{ status: OccurrenceStatus }>(
    `/api/channel/occurrences/${encodeURIComponent(id)}/answer`,
    input,
  );
}

export function acceptOccurrence(id: string, input: { on: string }) {
  return api.post<{ status: OccurrenceStatus }>(
    `/api/channel/occurrences/${encodeURIComponent(id)}/accept`,
    input,
  );
}

export function returnOccurrence(id: string, input: { on: string; reason: string }) {
  return api.post<{ status: OccurrenceStatus }>(
    `/api/channel/occurrences/${encodeURIComponent(id)}/return`,
    input,
  );
}

/** The area that answers the obligation's months from now on; null: liaison staff. */
export function setObligationArea(id: string, areaId: string | null) {
  return api.put<{ areaId: string | null }>(`/api/channel/obligations/${encodeURIComponent(id)}/area`, {
    areaId,
  });
}
