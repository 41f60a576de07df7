import { useQuery } from '@tanstack/react-query';
import * as endpoints from '../endpoints';
import { callEndpoint, uploadToEndpoint } from '@/web/shared/api/client';
import { CHANNEL_KEY } from './api';
import { uploadAll } from './routing-api';

// The months of recurring obligations: reads under the ['channel'] prefix, which every write invalidates.

export function useFolioObligations(folioId: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', folioId, 'obligations'],
    queryFn: () => callEndpoint(endpoints.listFolioObligations, { params: { id: folioId } }),
  });
}

export function useMyOccurrences(state: 'open' | 'closed' | 'all') {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'my-occurrences', state],
    queryFn: () => callEndpoint(endpoints.listMyOccurrences, { query: { state } }),
  });
}

/** Files first: a refused file stops the answer, so the month is not sent without them. */
export async function answerOccurrence(id: string, input: { on: string; text: string }, files: File[]) {
  await uploadAll(files, (file) => uploadToEndpoint(endpoints.attachToOccurrence, { params: { id } }, file));
  return callEndpoint(endpoints.answerOccurrence, { params: { id }, body: input });
}

export function acceptOccurrence(id: string, input: { on: string }) {
  return callEndpoint(endpoints.acceptOccurrence, { params: { id }, body: input });
}

export function returnOccurrence(id: string, input: { on: string; reason: string }) {
  return callEndpoint(endpoints.returnOccurrence, { params: { id }, body: input });
}

/** The area that answers the obligation's months from now on; null: liaison staff. */
export function setObligationArea(id: string, areaId: string | null) {
  return callEndpoint(endpoints.setObligationArea, { params: { id }, body: { areaId } });
}
