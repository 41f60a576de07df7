import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifications } from 'mantine-notifications-store';
import type {
  ChannelReport,
  ChannelStatistics,
  ReportRecipient,
  WorkCalendarView,
} from '../contract-reports';
import { api } from '@/web/shared/api/client';
import { notifyError } from '@/web/shared/ui/errors';
import { CHANNEL_KEY } from './api';

// Reads and writes of the channel's statistics, fortnightly reports and working calendar.

export function useStatistics(query: { module: string; from: string; to: string; asOf: string } | null) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'statistics', query],
    queryFn: () => api.get<ChannelStatistics>('/api/channel/statistics', query!),
    enabled: query !== null,
  });
}

export function useReports(year: number) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'reports', year],
    queryFn: () => api.get<ChannelReport[]>('/api/channel/reports', { year }),
    // A report queued for sending changes state in the background.
    refetchInterval: (q) => (q.state.data?.some((r) => r.state === 'queued') ? 3000 : false),
  });
}

export function useRecipients(enabled: boolean) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'recipients'],
    queryFn: () => api.get<ReportRecipient[]>('/api/channel/report-recipients'),
    enabled,
  });
}

export function useWorkCalendar(year: number) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'calendar', year],
    queryFn: () => api.get<WorkCalendarView>('/api/channel/calendar', { year }),
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
