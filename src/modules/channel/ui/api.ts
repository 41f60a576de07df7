import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ChangeFolioStatusInput,
  FolioListQuery,
  RegisterFolioInput,
  SendCommunicationInput,
} from '../contract';
import type { ChannelModule } from '../contract-folio-status';
import * as endpoints from '../endpoints';
import { callEndpoint, downloadEndpoint, sendWithFiles, uploadToEndpoint } from '@/web/shared/api/client';

// Reads of the channel's folios, and the writes of the folio list and page. Every write
// invalidates the ['channel'] prefix.
export const CHANNEL_KEY = ['channel'] as const;

/** The folio list's filters as the page holds them (the overdue filter as the URL writes it). */
export type FolioFilters = Partial<Omit<FolioListQuery, 'overdue' | 'page' | 'pageSize'>> & {
  overdue?: 'true';
};

function listQuery<T extends FolioFilters>({ overdue, ...filters }: T) {
  return { ...filters, overdue: overdue === 'true' ? true : undefined };
}

export function useFolios(query: FolioFilters & { page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folios', query],
    queryFn: () => callEndpoint(endpoints.listFolios, { query: listQuery(query) }),
    placeholderData: keepPreviousData,
  });
}

export function useFolio(id: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', id],
    queryFn: () => callEndpoint(endpoints.getFolio, { params: { id } }),
  });
}

export function useCounterparts() {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'counterparts'],
    queryFn: () => callEndpoint(endpoints.listCounterparts),
    staleTime: 60_000,
  });
}

/** A period of the statistics pages: folios received in [from, to], by their status on `asOf`. */
export type StatisticsPeriod = { module: ChannelModule; from: string; to: string; asOf: string };

export function useMonthlyTable(query: StatisticsPeriod | null) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'monthly', query],
    queryFn: () => callEndpoint(endpoints.getMonthlyStatusTable, { query: query! }),
    enabled: query !== null,
  });
}

/** Imports received folios from a spreadsheet (see ImportFoliosButton). */
export function previewFolioImport(file: File) {
  return uploadToEndpoint(endpoints.importFolios, { query: { dryRun: true } }, file);
}
export function importFolioFile(file: File) {
  return uploadToEndpoint(endpoints.importFolios, { query: { dryRun: false } }, file);
}

/** Imports the folios the national authority sent before Vincula (see ImportFoliosButton). */
export function previewSentFolioImport(file: File) {
  return uploadToEndpoint(endpoints.importSentFolios, { query: { dryRun: true } }, file);
}
export function importSentFolioFile(file: File) {
  return uploadToEndpoint(endpoints.importSentFolios, { query: { dryRun: false } }, file);
}
export function downloadSentFolioTemplate(format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.downloadSentFolioImportTemplate,
    { query: { format } },
    `plantilla-folios-enviados.${format}`,
  );
}

/** The spreadsheet template of the folio import. */
export function downloadFolioTemplate(format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.downloadFolioImportTemplate,
    { query: { format } },
    `plantilla-folios.${format}`,
  );
}

/** Downloads the folio list as it is filtered on screen, as CSV or XLSX. */
export function exportFolios(filters: FolioFilters, format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.exportFolios,
    { query: { ...listQuery(filters), format } },
    `folios.${format}`,
  );
}

/**
 * Sends a communication through the channel, with its files (the oficio and its annexes) in the same
 * request when there are any; answers the first folio it opened.
 */
export async function sendCommunication(input: SendCommunicationInput, files: readonly File[] = []) {
  const sent = files.length
    ? await sendWithFiles(endpoints.sendCommunicationWithFiles, {}, input, files)
    : await callEndpoint(endpoints.sendCommunication, { body: input });
  return sent.folioIds[0]!;
}

/** Registers a folio received through an outside system; answers its id. */
export async function registerFolio(input: RegisterFolioInput) {
  return (await callEndpoint(endpoints.registerFolio, { body: input })).folioId;
}

/** Answers, acknowledges, concludes, returns or cancels a folio. */
export function changeFolioStatus(id: string, input: ChangeFolioStatusInput) {
  return callEndpoint(endpoints.changeFolioStatus, { params: { id }, body: input });
}
