import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listBodies, listBodyAgreements } from '@/modules/governance/endpoints';
import { callEndpoint, downloadEndpoint, endpointUrl } from '@/web/shared/api/client';
import type {
  ApproveInput,
  NarrativeInput,
  PendingItemsInput,
  ReportDetail,
  ReportFormat,
  ReportInput,
} from '../contract';
import * as endpoints from '../endpoints';

// Reads and writes of the reports module. Every write refreshes the ['reports'] prefix.

export const REPORTS_KEY = ['reports'] as const;

export function useReportBodies() {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'bodies'],
    queryFn: () => callEndpoint(listBodies),
  });
}

export function useBodyAgreements(bodyId: string | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'agreements', bodyId],
    enabled: Boolean(bodyId),
    queryFn: () => callEndpoint(listBodyAgreements, { params: { id: bodyId! } }),
  });
}

export function useReports() {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'list'],
    queryFn: () => callEndpoint(endpoints.listQuarterlyReports),
  });
}

export function useReport(reportId: string | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'report', reportId],
    enabled: Boolean(reportId),
    queryFn: () => callEndpoint(endpoints.getQuarterlyReport, { params: { id: reportId! } }),
  });
}

/** The current version rendered as HTML, for the preview frame. */
export function useReportHtml(reportId: string | null, version: number | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'html', reportId, version],
    enabled: Boolean(reportId && version),
    queryFn: async () => {
      const url = endpointUrl(endpoints.downloadQuarterlyReport, {
        params: { id: reportId! },
        query: { format: 'html' },
      });
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      return res.text();
    },
  });
}

export function useReportCheck(reportId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'check', reportId],
    enabled: Boolean(reportId) && enabled,
    queryFn: () => callEndpoint(endpoints.checkQuarterlyReport, { params: { id: reportId! } }),
  });
}

function useWrite<I>(fn: (input: I) => Promise<ReportDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      qc.setQueryData([...REPORTS_KEY, 'report', detail.id], detail);
      return qc.invalidateQueries({ queryKey: REPORTS_KEY });
    },
  });
}

/** Generates the draft of a body's report for a period (GenerateForm saves through it). */
export function generateReport(input: ReportInput) {
  return callEndpoint(endpoints.generateQuarterlyReport, { body: input });
}
export const useRegenerateReport = () =>
  useWrite((reportId: string) =>
    callEndpoint(endpoints.regenerateQuarterlyReport, { params: { id: reportId } }),
  );
/** Saves edited paragraphs of the Presentación, or restores one (null); NarrativeForm saves through it. */
export function updateNarrative(reportId: string, input: NarrativeInput) {
  return callEndpoint(endpoints.updateQuarterlyReportNarrative, { params: { id: reportId }, body: input });
}
/** Replaces staff's items of section V (PendingItemsForm saves through it). */
export function updatePendingItems(reportId: string, input: PendingItemsInput) {
  return callEndpoint(endpoints.updateQuarterlyReportPendingItems, { params: { id: reportId }, body: input });
}
/** Approves a draft by the body's agreement (ApproveModal saves through it). */
export function approveReport(reportId: string, input: ApproveInput) {
  return callEndpoint(endpoints.approveQuarterlyReport, { params: { id: reportId }, body: input });
}

export function downloadReport(reportId: string, format: ReportFormat) {
  return downloadEndpoint(
    endpoints.downloadQuarterlyReport,
    { params: { id: reportId }, query: { format } },
    `informe.${format}`,
  );
}
