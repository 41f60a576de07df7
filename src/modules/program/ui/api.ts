import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ActivityInput,
  ActivityKindItem,
  IssueInput,
  Program,
  ProgramTree,
  Reason,
  ReasonInput,
  Series,
  UnexplainedObjective,
} from '../contract';
import { api } from '@/web/shared/api/client';

// Reads and writes of the program module. Every write invalidates the ['program'] prefix.

export const PROGRAM_KEY = ['program'] as const;
const id = (s: string) => encodeURIComponent(s);
export type Period = { from: string; to: string };

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: PROGRAM_KEY });
}

export function usePrograms() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'programs'],
    queryFn: () => api.get<Program[]>('/api/program/programs'),
  });
}

export function useProgramTree(programId: string | null) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'tree', programId],
    queryFn: () => api.get<ProgramTree>(`/api/program/programs/${id(programId!)}`),
    enabled: !!programId,
  });
}

export function useUnexplained(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'unexplained', period],
    queryFn: () => api.get<UnexplainedObjective[]>('/api/program/unexplained', period),
  });
}

export function useReasons(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'reasons', period],
    queryFn: () => api.get<Reason[]>('/api/program/reasons', period),
  });
}

export function useStateReason() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ReasonInput) => api.put<Reason>('/api/program/reasons', input),
    onSuccess: invalidate,
  });
}

export function useActivityKinds() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'kinds'],
    queryFn: () => api.get<ActivityKindItem[]>('/api/program/activity-kinds'),
  });
}

export type ActivityQuery = {
  lineId?: string | null;
  objectiveId?: string | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
  q?: string | null;
  page: number;
  pageSize: number;
};

export function useActivities(query: ActivityQuery) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'activities', query],
    queryFn: () =>
      api.get<{ items: Activity[]; total: number; page: number; pageSize: number }>(
        '/api/program/activities',
        query,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSaveActivity(activityId: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      activityId
        ? api.put<Activity>(`/api/program/activities/${id(activityId)}`, input)
        : api.post<Activity>('/api/program/activities', input),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (activityId: string) => api.delete(`/api/program/activities/${id(activityId)}`),
    onSuccess: invalidate,
  });
}

export function useSeries(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'series', period],
    queryFn: () => api.get<Series[]>('/api/program/series', period),
  });
}

export function useAddIssue(seriesId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: IssueInput) => api.post(`/api/program/series/${id(seriesId)}/issues`, input),
    onSuccess: invalidate,
  });
}

export function useAttachEvidence(activityId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => api.upload<Activity>(`/api/program/activities/${id(activityId)}/files`, file),
    onSuccess: invalidate,
  });
}
