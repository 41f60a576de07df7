import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@/shared/paging';
import type { Counterparts, Folio, FolioDetail, FolioListQuery, MonthlyStatusTable } from '../contract';
import type { ImportReport } from '@/modules/directory/contract';
import { api } from '@/web/shared/api/client';

// Reads of the channel. Every write invalidates the ['channel'] prefix.
export const CHANNEL_KEY = ['channel'] as const;

export function useFolios(query: Partial<Omit<FolioListQuery, 'overdue'>> & { overdue?: 'true' }) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folios', query],
    queryFn: () => api.get<Page<Folio> & { totalIsLowerBound: boolean }>('/api/channel/folios', query),
    placeholderData: keepPreviousData,
  });
}

export function useFolio(id: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', id],
    queryFn: () => api.get<FolioDetail>(`/api/channel/folios/${encodeURIComponent(id)}`),
  });
}

export function useCounterparts() {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'counterparts'],
    queryFn: () => api.get<Counterparts>('/api/channel/counterparts'),
    staleTime: 60_000,
  });
}

export function useMonthlyTable(query: { module: string; from: string; to: string; asOf: string } | null) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'monthly', query],
    queryFn: () => api.get<MonthlyStatusTable>('/api/channel/statistics/monthly', query!),
    enabled: query !== null,
  });
}

/** Imports received folios from a spreadsheet (see ImportFoliosButton). */
export function importFolios(file: File, skipInvalid: boolean) {
  return api.upload<ImportReport>(`/api/channel/folios/import?skipInvalid=${skipInvalid}`, file);
}

/** The spreadsheet template of the folio import. */
export function downloadFolioTemplate(format: 'csv' | 'xlsx') {
  return api.download('/api/channel/folios/import/template', { format }, `plantilla-folios.${format}`);
}
