import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementsBySession, Body } from '@/modules/governance/contract';
import { api } from '@/web/shared/api/client';
import type {
  CheckResult,
  NarrativeInput,
  ReportDetail,
  ReportFormat,
  ReportInput,
  ReportSummary,
} from '../contract';

// Reads and writes of the reports module. Every write refreshes the ['reports'] prefix.

export const REPORTS_KEY = ['reports'] as const;
const id = (s: string) => encodeURIComponent(s);

export function useReportBodies() {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'bodies'],
    queryFn: () => api.get<{ items: Body[] }>('/api/governance/bodies'),
  });
}

export function useBodyAgreements(bodyId: string | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'agreements', bodyId],
    enabled: Boolean(bodyId),
    queryFn: () => api.get<AgreementsBySession>(`/api/governance/bodies/${id(bodyId!)}/agreements`),
  });
}

export function useReports() {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'list'],
    queryFn: () => api.get<{ items: ReportSummary[] }>('/api/reports'),
  });
}

export function useReport(reportId: string | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'report', reportId],
    enabled: Boolean(reportId),
    queryFn: () => api.get<ReportDetail>(`/api/reports/${id(reportId!)}`),
  });
}

/** The current version rendered as HTML, for the preview frame. */
export function useReportHtml(reportId: string | null, version: number | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'html', reportId, version],
    enabled: Boolean(reportId && version),
    queryFn: async () => {
      const res = await fetch(`/api/reports/${id(reportId!)}/file?format=html`, {
        credentials: 'same-origin',
      });
      if (!res.ok) throw new Error(String(res.status));
      return res.text();
    },
  });
}

export function useReportCheck(reportId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'check', reportId],
    enabled: Boolean(reportId) && enabled,
    queryFn: () => api.get<CheckResult>(`/api/reports/${id(reportId!)}/check`),
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

export const useGenerateReport = () =>
  useWrite((input: ReportInput) => api.post<ReportDetail>('/api/reports', input));
export const useRegenerateReport = () =>
  useWrite((reportId: string) => api.post<ReportDetail>(`/api/reports/${id(reportId)}/regenerate`, {}));
export const useUpdateNarrative = (reportId: string) =>
  useWrite((input: NarrativeInput) => api.put<ReportDetail>(`/api/reports/${id(reportId)}/narrative`, input));
export const useApproveReport = (reportId: string) =>
  useWrite((agreementId: string) =>
    api.post<ReportDetail>(`/api/reports/${id(reportId)}/approve`, { agreementId }),
  );

export function downloadReport(reportId: string, format: ReportFormat) {
  return api.download(`/api/reports/${id(reportId)}/file`, { format }, `informe.${format}`);
}
