import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ActivityInput,
  ActivityKindInput,
  ActivityKindItem,
  Issue,
  IssueInput,
  IssuePatch,
  LineInput,
  LinePatch,
  ObjectiveInput,
  ObjectivePatch,
  PlanReview,
  PlanReviewInput,
  Program,
  ProgramInput,
  ProgramPatch,
  ProgramTree,
  Reason,
  ReasonInput,
  Series,
  SeriesInput,
  Target,
  TargetInput,
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

/**
 * Records an issue of a series and, when a file is given, attaches it. A refused file leaves the
 * issue recorded (its row offers the upload again).
 */
export function useAddIssue(seriesId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ input, file }: { input: IssueInput; file: File | null }) => {
      const issue = await api.post<Issue>(`/api/program/series/${id(seriesId)}/issues`, input);
      return file ? uploadIssueFile(issue.id, file) : issue;
    },
    onSettled: invalidate,
  });
}

function uploadIssueFile(issueId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.put<Issue>(`/api/program/issues/${id(issueId)}/file`, form);
}

export function useAttachIssueFile(issueId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => uploadIssueFile(issueId, file),
    onSuccess: invalidate,
  });
}

export function useSaveSeries(seriesId: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: SeriesInput) =>
      seriesId
        ? api.put<Series>(`/api/program/series/${id(seriesId)}`, input)
        : api.post<Series>('/api/program/series', input),
    onSuccess: invalidate,
  });
}

// ---- program structure

export function useSaveProgram(programId: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ProgramInput | ProgramPatch) =>
      programId
        ? api.patch<ProgramTree>(`/api/program/programs/${id(programId)}`, input)
        : api.post<ProgramTree>('/api/program/programs', input),
    onSuccess: invalidate,
  });
}

/** Adds a line to a program (programId) or modifies one (lineId). */
export function useSaveLine(target: { programId: string } | { lineId: string }) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: LineInput | LinePatch) =>
      'lineId' in target
        ? api.patch<ProgramTree>(`/api/program/lines/${id(target.lineId)}`, input)
        : api.post<ProgramTree>(`/api/program/programs/${id(target.programId)}/lines`, input),
    onSuccess: invalidate,
  });
}

/** Adds an objective to a line (lineId) or modifies one (objectiveId). */
export function useSaveObjective(target: { lineId: string } | { objectiveId: string }) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ObjectiveInput | ObjectivePatch) =>
      'objectiveId' in target
        ? api.patch<ProgramTree>(`/api/program/objectives/${id(target.objectiveId)}`, input)
        : api.post<ProgramTree>(`/api/program/lines/${id(target.lineId)}/objectives`, input),
    onSuccess: invalidate,
  });
}

export function useSaveTarget(targetId: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TargetInput) =>
      targetId
        ? api.put<Target>(`/api/program/targets/${id(targetId)}`, input)
        : api.post<Target>('/api/program/targets', input),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (targetId: string) => api.delete(`/api/program/targets/${id(targetId)}`),
    onSuccess: invalidate,
  });
}

/** Removes a line or an objective; the server refuses (409) while records use it. */
export function useRemoveStructure() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (what: { line: string } | { objective: string }) =>
      'line' in what
        ? api.delete(`/api/program/lines/${id(what.line)}`)
        : api.delete(`/api/program/objectives/${id(what.objective)}`),
    onSuccess: invalidate,
  });
}

export function useRecordSources() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'record-sources'],
    queryFn: () => api.get<{ code: string; label: string }[]>('/api/program/record-sources'),
    staleTime: 300_000,
  });
}

export function useCreateActivityKind() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ActivityKindInput) =>
      api.post<ActivityKindItem>('/api/program/activity-kinds', input),
    onSuccess: invalidate,
  });
}

// ---- plan reviews (SSPELO)

export function usePlanReviews(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'plan-reviews', period],
    queryFn: () => api.get<PlanReview[]>('/api/program/plan-reviews', period),
  });
}

export function useRecordPlanReview() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PlanReviewInput) => api.post<PlanReview>('/api/program/plan-reviews', input),
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

export function useRemoveEvidence(activityId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (fileId: string) =>
      api.delete<Activity>(`/api/program/activities/${id(activityId)}/files/${id(fileId)}`),
    onSuccess: invalidate,
  });
}

export function useWithdrawReason() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reasonId: string) => api.delete(`/api/program/reasons/${id(reasonId)}`),
    onSuccess: invalidate,
  });
}

/** Corrects an issue (any field, or its series), then replaces or takes off its file. */
export function useUpdateIssue(issueId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      patch,
      file,
      removeFile,
    }: {
      patch: IssuePatch;
      file: File | null;
      removeFile: boolean;
    }) => {
      let issue = await api.patch<Issue>(`/api/program/issues/${id(issueId)}`, patch);
      if (file) issue = await uploadIssueFile(issueId, file);
      else if (removeFile) issue = await api.delete<Issue>(`/api/program/issues/${id(issueId)}/file`);
      return issue;
    },
    onSettled: invalidate,
  });
}

export function useDeleteIssue() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (issueId: string) => api.delete(`/api/program/issues/${id(issueId)}`),
    onSuccess: invalidate,
  });
}
