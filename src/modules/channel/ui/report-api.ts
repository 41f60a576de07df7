import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifications } from 'mantine-notifications-store';
import type { z } from 'zod';
import type {
  EveryDayCountsInputSchema,
  GenerateReportInputSchema,
  NonWorkingDayInputSchema,
  ReportRecipientInputSchema,
} from '../contract-reports';
import * as endpoints from '../endpoints';
import { callEndpoint, downloadEndpoint, type Unfinished } from '@/web/shared/api/client';
import { notifyError } from '@/web/shared/ui/errors';
import { CHANNEL_KEY, type StatisticsPeriod } from './api';

// Reads and writes of the channel's statistics, fortnightly reports and working calendar.

export function useStatistics(query: StatisticsPeriod | null) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'statistics', query],
    queryFn: () => callEndpoint(endpoints.getStatistics, { query: query! }),
    enabled: query !== null,
  });
}

export function useReports(year: number) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'reports', year],
    queryFn: () => callEndpoint(endpoints.listReports, { query: { year } }),
    // A report queued for sending changes state in the background.
    refetchInterval: (q) => (q.state.data?.some((r) => r.state === 'queued') ? 3000 : false),
  });
}

export function useRecipients(enabled: boolean) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'recipients'],
    queryFn: () => callEndpoint(endpoints.listReportRecipients),
    enabled,
  });
}

export function useWorkCalendar(year: number) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'calendar', year],
    queryFn: () => callEndpoint(endpoints.getWorkCalendar, { query: { year } }),
  });
}

/** A write of the channel that refreshes its reads and says so when done. */
export function useChannelWrite<V, R = unknown>(fn: (v: V) => Promise<R>, done?: string) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CHANNEL_KEY });
      if (done) notifications.show({ color: 'teal', message: done });
    },
    onError: (error) => notifyError(error, t),
  });
}

// The forms' writes send what the person filled in; the server's schema judges what is missing.
type Body<S extends z.ZodType> = Unfinished<z.input<S>>;

/** Generates (or generates again, while unsent) a fortnight's report; with `send`, queues it too. */
export function generateReport(input: Body<typeof GenerateReportInputSchema>) {
  return callEndpoint(endpoints.generateReport, {
    body: input as z.input<typeof GenerateReportInputSchema>,
  });
}

/** Queues a report for sending to the distribution list (again, after a failure). */
export function sendReport(id: string) {
  return callEndpoint(endpoints.sendReport, { params: { id } });
}

export function downloadReport(id: string, format: 'docx' | 'pdf') {
  return downloadEndpoint(endpoints.downloadReport, { params: { id, format } }, `informe.${format}`);
}

export function addReportRecipient(input: Body<typeof ReportRecipientInputSchema>) {
  return callEndpoint(endpoints.addReportRecipient, {
    body: input as z.input<typeof ReportRecipientInputSchema>,
  });
}

export function removeReportRecipient(id: string) {
  return callEndpoint(endpoints.removeReportRecipient, { params: { id } });
}

export function addNonWorkingDays(input: Body<typeof NonWorkingDayInputSchema>) {
  return callEndpoint(endpoints.addNonWorkingDays, {
    body: input as z.input<typeof NonWorkingDayInputSchema>,
  });
}

export function removeNonWorkingDay(day: string) {
  return callEndpoint(endpoints.removeNonWorkingDay, { params: { day } });
}

export function addEveryDayCounts(input: Body<typeof EveryDayCountsInputSchema>) {
  return callEndpoint(endpoints.addEveryDayCounts, {
    body: input as z.input<typeof EveryDayCountsInputSchema>,
  });
}

export function removeEveryDayCounts(id: string) {
  return callEndpoint(endpoints.removeEveryDayCounts, { params: { id } });
}
