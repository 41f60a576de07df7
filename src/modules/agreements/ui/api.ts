import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { listInstitutions } from '@/modules/directory/endpoints';
import {
  callEndpoint,
  downloadEndpoint,
  endpointUrl,
  uploadToEndpoint,
  type Unfinished,
} from '@/web/shared/api/client';
import type {
  AccompanimentInput,
  AgreementSettingsInputSchema,
  CommitmentInputSchema,
  CommitmentUpdateInputSchema,
  DecisionInputSchema,
  InstrumentFilters,
  InstrumentInputSchema,
  OpinionIssueSchema,
  OpinionInputSchema,
  OpinionListQuery,
  RenewalInputSchema,
  ReviewDetailSchema,
  ReviewInputSchema,
  ReviewSchema,
  StatusChangeInputSchema,
} from '../contract';
import * as endpoints from '../endpoints';

// Reads and writes of the agreements register: its pages call these, never a path (ADR 0022).
// Every write invalidates the ['agreements'] prefix.

export const AGREEMENTS_KEY = ['agreements'] as const;
export type Review = z.infer<typeof ReviewSchema>;
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

export function useInstruments(
  filters: Partial<InstrumentFilters> & { page?: number; pageSize?: number },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: [...AGREEMENTS_KEY, 'instruments', filters],
    queryFn: () => callEndpoint(endpoints.listInstruments, { query: filters }),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the filtered register as CSV or XLSX. */
export function exportInstruments(filters: Partial<InstrumentFilters>, format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.exportInstruments,
    { query: { ...filters, format } },
    `convenios.${format}`,
  );
}

/** The register's import (ADR 0032): its template, the dry run of a file and the real import. */
export function downloadInstrumentTemplate(format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.instrumentImportTemplate,
    { query: { format } },
    `plantilla-convenios.${format}`,
  );
}
export function previewInstrumentImport(file: File) {
  return uploadToEndpoint(endpoints.importInstruments, { query: { dryRun: true } }, file);
}
export function importInstrumentFile(file: File) {
  return uploadToEndpoint(endpoints.importInstruments, { query: { dryRun: false } }, file);
}

export function useInstrument(id: string) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'instrument', id],
    queryFn: () => callEndpoint(endpoints.getInstrument, { params: { id } }),
  });
}

export function useInstrumentTypes() {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'types'],
    queryFn: () => callEndpoint(endpoints.listInstrumentTypes),
    staleTime: 60_000,
  });
}

/** The directory's institutions as select options (parties of an instrument; at most 200). */
export function useInstitutionOptions() {
  return useQuery({
    queryKey: ['directory', 'institutions', 'all-options'],
    queryFn: () => callEndpoint(listInstitutions, { query: { pageSize: 200 } }),
    select: (p) =>
      p.items.map((i) => ({ value: i.id, label: i.acronym ? `${i.name} (${i.acronym})` : i.name })),
  });
}

export function useReviews() {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'reviews'],
    queryFn: () => callEndpoint(endpoints.listReviews),
  });
}

export function useReview(id: string | null) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'review', id],
    queryFn: () => callEndpoint(endpoints.getReview, { params: { id: id! } }),
    enabled: Boolean(id),
  });
}

export function useOpinions(query: Partial<OpinionListQuery>) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'opinions', query],
    queryFn: () => callEndpoint(endpoints.listOpinions, { query }),
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

// ---- reads of one page

export function listAccompaniments(period: { from?: string; to?: string }) {
  return callEndpoint(endpoints.listAccompaniments, { query: period });
}

export function getAgreementSettings() {
  return callEndpoint(endpoints.getAgreementSettings);
}

/** The expiry alerts due on a day (today when none is given). */
export function listDueAlerts(on: string | undefined) {
  return callEndpoint(endpoints.listDueAlerts, { query: { on } });
}

export function listSentAlerts(query: { instrumentId?: string; page: number; pageSize: number }) {
  return callEndpoint(endpoints.listSentAlerts, { query });
}

/** Where a file of an instrument is downloaded from (a link). */
export function instrumentFileUrl(instrumentId: string, fileId: string) {
  return endpointUrl(endpoints.downloadInstrumentFile, { params: { id: instrumentId, fileId } });
}

// ---- writes

export function createInstrument(input: Unfinished<z.input<typeof InstrumentInputSchema>>) {
  return callEndpoint(endpoints.createInstrument, {
    body: input as z.input<typeof InstrumentInputSchema>,
  });
}

export function changeInstrumentStatus(instrumentId: string, input: z.input<typeof StatusChangeInputSchema>) {
  return callEndpoint(endpoints.changeInstrumentStatus, { params: { id: instrumentId }, body: input });
}

export function renewInstrument(instrumentId: string, input: z.input<typeof RenewalInputSchema>) {
  return callEndpoint(endpoints.renewInstrument, { params: { id: instrumentId }, body: input });
}

/** Attaches the signed document or an annex. */
export function addInstrumentFile(instrumentId: string, kind: 'signed' | 'annex', file: File) {
  return uploadToEndpoint(
    endpoints.addInstrumentFile,
    { params: { id: instrumentId }, query: { kind } },
    file,
  );
}

export function addCommitment(instrumentId: string, input: z.input<typeof CommitmentInputSchema>) {
  return callEndpoint(endpoints.addCommitment, { params: { id: instrumentId }, body: input });
}

export function addCommitmentUpdate(
  commitmentId: string,
  input: z.input<typeof CommitmentUpdateInputSchema>,
) {
  return callEndpoint(endpoints.addCommitmentUpdate, { params: { id: commitmentId }, body: input });
}

export function updateAgreementSettings(input: z.input<typeof AgreementSettingsInputSchema>) {
  return callEndpoint(endpoints.updateAgreementSettings, { body: input });
}

export function recordAccompaniment(input: AccompanimentInput) {
  return callEndpoint(endpoints.recordAccompaniment, { body: input });
}

export function openReview(input: z.input<typeof ReviewInputSchema>) {
  return callEndpoint(endpoints.createReview, { body: input });
}

export function recordReviewDecision(
  reviewId: string,
  instrumentId: string,
  input: z.input<typeof DecisionInputSchema>,
) {
  return callEndpoint(endpoints.recordReviewDecision, {
    params: { id: reviewId, instrumentId },
    body: input,
  });
}

export function requestOpinion(input: Unfinished<z.input<typeof OpinionInputSchema>>) {
  return callEndpoint(endpoints.requestOpinion, { body: input as z.input<typeof OpinionInputSchema> });
}

export function draftOpinion(opinionId: string, content: string) {
  return callEndpoint(endpoints.draftOpinion, { params: { id: opinionId }, body: { content } });
}

/** Downloads an issued opinion, with its number, as DOCX or PDF. */
export function downloadOpinionDocument(
  opinion: { id: string; number: string | null },
  format: 'docx' | 'pdf',
) {
  return downloadEndpoint(
    endpoints.downloadOpinionDocument,
    { params: { id: opinion.id }, query: { format } },
    `opinion-${(opinion.number ?? '').replace(/[^A-Za-z0-9-]+/g, '-')}.${format}`,
  );
}

export function issueOpinion(opinionId: string, input: z.input<typeof OpinionIssueSchema>) {
  return callEndpoint(endpoints.issueOpinion, { params: { id: opinionId }, body: input });
}
