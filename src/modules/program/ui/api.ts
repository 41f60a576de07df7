import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityInput,
  ActivityKindInput,
  IssueInput,
  IssuePatch,
  LineInput,
  LinePatch,
  ObjectiveInput,
  ObjectivePatch,
  PlanReviewInput,
  ProgramInput,
  ProgramPatch,
  ReasonInput,
  SeriesInput,
  TargetInput,
} from '../contract';
import * as endpoints from '../endpoints';
import { callEndpoint, downloadEndpoint, endpointUrl, uploadToEndpoint } from '@/web/shared/api/client';

// Reads and writes of the program module. Every write invalidates the ['program'] prefix.

export const PROGRAM_KEY = ['program'] as const;
export type Period = { from: string; to: string };

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: PROGRAM_KEY });
}

export function downloadProgramTemplate(format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.programImportTemplate,
    { query: { format } },
    `plantilla-programa.${format}`,
  );
}
export function previewProgramImport(programId: string, file: File) {
  return uploadToEndpoint(
    endpoints.importProgramStructure,
    { params: { id: programId }, query: { dryRun: true } },
    file,
  );
}
export function importProgramFile(programId: string, file: File) {
  return uploadToEndpoint(
    endpoints.importProgramStructure,
    { params: { id: programId }, query: { dryRun: false } },
    file,
  );
}

export function usePrograms() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'programs'],
    queryFn: () => callEndpoint(endpoints.listPrograms),
  });
}

export function useProgramTree(programId: string | null) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'tree', programId],
    queryFn: () => callEndpoint(endpoints.getProgramTree, { params: { id: programId! } }),
    enabled: !!programId,
  });
}

export function useUnexplained(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'unexplained', period],
    queryFn: () => callEndpoint(endpoints.listUnexplainedObjectives, { query: period }),
  });
}

export function useReasons(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'reasons', period],
    queryFn: () => callEndpoint(endpoints.listReasons, { query: period }),
  });
}

/** States (or restates) why an objective had no activity in a period. */
export function stateReason(input: ReasonInput) {
  return callEndpoint(endpoints.stateReason, { body: input });
}

export function useActivityKinds() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'kinds'],
    queryFn: () => callEndpoint(endpoints.listActivityKinds),
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
    queryFn: () => callEndpoint(endpoints.listActivities, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveActivity(activityId: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ActivityInput) => saveActivity(activityId, input),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (activityId: string) =>
      callEndpoint(endpoints.deleteActivity, { params: { id: activityId } }),
    onSuccess: invalidate,
  });
}

export function useSeries(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'series', period],
    queryFn: () => callEndpoint(endpoints.listSeries, { query: period }),
  });
}

/**
 * Records an issue of a series and, when a file is given, attaches it. A refused file leaves the
 * issue recorded (its row offers the upload again).
 */
export async function addIssue(seriesId: string, input: IssueInput, file: File | null) {
  const issue = await callEndpoint(endpoints.addIssue, { params: { id: seriesId }, body: input });
  return file ? uploadIssueFile(issue.id, file) : issue;
}

function uploadIssueFile(issueId: string, file: File) {
  return uploadToEndpoint(endpoints.attachIssueFile, { params: { id: issueId } }, file);
}

export function useAttachIssueFile(issueId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => uploadIssueFile(issueId, file),
    onSuccess: invalidate,
  });
}

/** Registers a publication series (no id yet) or modifies it. */
export function saveSeries(seriesId: string | null, input: SeriesInput) {
  return seriesId
    ? callEndpoint(endpoints.updateSeries, { params: { id: seriesId }, body: input })
    : callEndpoint(endpoints.createSeries, { body: input });
}

// ---- program structure

/** Registers a program, or modifies one (programId); ProgramFormModal saves through it. */
export function saveProgram(programId: string | null, input: ProgramInput | ProgramPatch) {
  return programId
    ? callEndpoint(endpoints.updateProgram, { params: { id: programId }, body: input })
    : callEndpoint(endpoints.createProgram, { body: input as ProgramInput });
}

/** Adds a line to a program (programId) or modifies one (lineId). */
export function saveLine(target: { programId: string } | { lineId: string }, input: LineInput | LinePatch) {
  return 'lineId' in target
    ? callEndpoint(endpoints.updateProgramLine, { params: { id: target.lineId }, body: input })
    : callEndpoint(endpoints.addProgramLine, { params: { id: target.programId }, body: input as LineInput });
}

/** Adds an objective to a line (lineId) or modifies one (objectiveId). */
export function saveObjective(
  target: { lineId: string } | { objectiveId: string },
  input: ObjectiveInput | ObjectivePatch,
) {
  return 'objectiveId' in target
    ? callEndpoint(endpoints.updateProgramObjective, { params: { id: target.objectiveId }, body: input })
    : callEndpoint(endpoints.addProgramObjective, {
        params: { id: target.lineId },
        body: input as ObjectiveInput,
      });
}

export function saveTarget(targetId: string | null, input: TargetInput) {
  return targetId
    ? callEndpoint(endpoints.updateTarget, { params: { id: targetId }, body: input })
    : callEndpoint(endpoints.addTarget, { body: input });
}

export function useDeleteTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (targetId: string) => callEndpoint(endpoints.removeTarget, { params: { id: targetId } }),
    onSuccess: invalidate,
  });
}

/** Removes a line or an objective; the server refuses (409) while records use it. */
export function useRemoveStructure() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (what: { line: string } | { objective: string }) =>
      'line' in what
        ? callEndpoint(endpoints.removeProgramLine, { params: { id: what.line } })
        : callEndpoint(endpoints.removeProgramObjective, { params: { id: what.objective } }),
    onSuccess: invalidate,
  });
}

export function useRecordSources() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'record-sources'],
    queryFn: () => callEndpoint(endpoints.listRecordSources),
    staleTime: 300_000,
  });
}

/** Adds an activity kind of the organization (administrators; ActivityKindsModal). */
export function createActivityKind(input: ActivityKindInput) {
  return callEndpoint(endpoints.createActivityKind, { body: input });
}

// ---- plan reviews (SSPELO)

export function usePlanReviews(period: Period) {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'plan-reviews', period],
    queryFn: () => callEndpoint(endpoints.listPlanReviews, { query: period }),
  });
}

/** Records a review of the INE's electoral process plan (PlanReviewModal). */
export function recordPlanReview(input: PlanReviewInput) {
  return callEndpoint(endpoints.recordPlanReview, { body: input });
}

export function useAttachEvidence(activityId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => attachEvidence(activityId, file),
    onSuccess: invalidate,
  });
}

export function useRemoveEvidence(activityId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (fileId: string) =>
      callEndpoint(endpoints.removeActivityFile, { params: { id: activityId, fileId } }),
    onSuccess: invalidate,
  });
}

export function useWithdrawReason() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reasonId: string) => callEndpoint(endpoints.withdrawReason, { params: { id: reasonId } }),
    onSuccess: invalidate,
  });
}

/** Corrects an issue (any field, or its series), then replaces or takes off its file. */
export async function updateIssue(
  issueId: string,
  patch: IssuePatch,
  file: { replace: File | null; remove: boolean },
) {
  let issue = await callEndpoint(endpoints.updateIssue, { params: { id: issueId }, body: patch });
  if (file.replace) issue = await uploadIssueFile(issueId, file.replace);
  else if (file.remove) issue = await callEndpoint(endpoints.removeIssueFile, { params: { id: issueId } });
  return issue;
}

export function useDeleteIssue() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (issueId: string) => callEndpoint(endpoints.deleteIssue, { params: { id: issueId } }),
    onSuccess: invalidate,
  });
}

/** Registers an activity (no id yet) or modifies it. */
export function saveActivity(activityId: string | null, input: ActivityInput) {
  return activityId
    ? callEndpoint(endpoints.updateActivity, { params: { id: activityId }, body: input })
    : callEndpoint(endpoints.createActivity, { body: input });
}

/** Attaches one evidence file to an activity; answers the activity with its files. */
export function attachEvidence(activityId: string, file: File) {
  return uploadToEndpoint(endpoints.attachActivityFile, { params: { id: activityId } }, file);
}

/** Every series with its issues, whatever the period (the target form links a target to one). */
export function useAllSeries() {
  return useQuery({
    queryKey: [...PROGRAM_KEY, 'series', 'all'],
    queryFn: () => callEndpoint(endpoints.listSeries),
  });
}

/** Downloads the filtered activities as CSV or XLSX. */
export function exportActivities(filters: Omit<ActivityQuery, 'page' | 'pageSize'>, format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.exportActivities,
    { query: { ...filters, format } },
    `actividades.${format}`,
  );
}

/** Where an activity's evidence file is downloaded from (a link). */
export function activityFileUrl(activityId: string, fileId: string) {
  return endpointUrl(endpoints.downloadActivityFile, { params: { id: activityId, fileId } });
}

/** Where an issue's file is downloaded from (a link). */
export function issueFileUrl(issueId: string) {
  return endpointUrl(endpoints.downloadIssueFile, { params: { id: issueId } });
}
