import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaItemInput,
  AgendaItemPatch,
  AgreementInput,
  AgreementPatch,
  AttendanceInput,
  Body,
  BodyInput,
  BodyPatch,
  HistoricalAgreementInput,
  MandateInput,
  MandatePatch,
  MandateUpdateInput,
  MembershipInput,
  MembershipPatch,
  NoticeResponse,
  NoticeSettings,
  OpinionQuery,
  SessionCancellationInput,
  SessionInput,
  SessionPatch,
  VoteInput,
} from '../contract';
import * as endpoints from '../endpoints';
import { listInstitutions } from '@/modules/directory/endpoints';
import { callEndpoint, downloadEndpoint, endpointUrl, uploadToEndpoint } from '@/web/shared/api/client';

// Reads and writes of the governance module. Every write invalidates the ['governance'] prefix.

export const GOVERNANCE_KEY = ['governance'] as const;

export function downloadSessionTemplate(format: 'csv' | 'xlsx') {
  return downloadEndpoint(
    endpoints.sessionImportTemplate,
    { query: { format } },
    `plantilla-sesiones.${format}`,
  );
}
export function previewSessionImport(file: File) {
  return uploadToEndpoint(endpoints.importSessions, { query: { dryRun: true } }, file);
}
export function importSessionFile(file: File) {
  return uploadToEndpoint(endpoints.importSessions, { query: { dryRun: false } }, file);
}

export function useBodies() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'bodies'],
    queryFn: () => callEndpoint(endpoints.listBodies),
  });
}

export function useBody(bodyId: string) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'body', bodyId],
    queryFn: () => callEndpoint(endpoints.getBody, { params: { id: bodyId } }),
  });
}

export function useSessions(bodyId: string) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'sessions', bodyId],
    queryFn: () => callEndpoint(endpoints.listSessions, { params: { id: bodyId } }),
  });
}

export type Period = { from?: string | null; to?: string | null };

export function useAttendanceReport(bodyId: string, period: Period) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'attendance', bodyId, period],
    queryFn: () => callEndpoint(endpoints.getAttendanceReport, { params: { id: bodyId }, query: period }),
  });
}

export function useAgreements(bodyId: string, period: Period) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'agreements', bodyId, period],
    queryFn: () => listBodyAgreements(bodyId, period),
  });
}

/** A body's agreements in a period (every one without a period), grouped by session. */
export function listBodyAgreements(bodyId: string, period: Period = {}) {
  return callEndpoint(endpoints.listBodyAgreements, { params: { id: bodyId }, query: period });
}

export function useSession(sessionId: string) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'session', sessionId],
    queryFn: () => callEndpoint(endpoints.getSession, { params: { id: sessionId } }),
  });
}

export function useRecordAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceInput) =>
      callEndpoint(endpoints.recordAttendance, { params: { id: sessionId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export function useMandates() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'mandates'],
    queryFn: () => callEndpoint(endpoints.listMandates),
  });
}

export function useMandate(mandateId: string | null) {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'mandate', mandateId],
    queryFn: () => callEndpoint(endpoints.getMandate, { params: { id: mandateId! } }),
    enabled: !!mandateId,
  });
}

export function addMandateUpdate(mandateId: string, input: MandateUpdateInput) {
  return callEndpoint(endpoints.addMandateUpdate, { params: { id: mandateId }, body: input });
}

/** A write of the governance module: every success refreshes the module's reads. */
export function useGovernanceMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export type Option = { value: string; label: string };

/** The political parties of the directory (a short list). */
export function usePartyOptions() {
  return useQuery({
    queryKey: ['directory', 'institutions', 'parties'],
    queryFn: () => callEndpoint(listInstitutions, { query: { kind: 'political_party', pageSize: 200 } }),
    staleTime: 60_000,
    select: (page): Option[] =>
      page.items.map((i) => ({ value: i.id, label: i.acronym ? `${i.name} (${i.acronym})` : i.name })),
  });
}

export function useFeedTokens() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'feed-tokens'],
    queryFn: () => callEndpoint(endpoints.listFeedTokens),
  });
}

/** A secret calendar address for one body's sessions (bodyId) or every body's (null). */
export function issueFeedToken(bodyId: string | null) {
  return callEndpoint(endpoints.issueFeedToken, { body: { bodyId } });
}

export function revokeFeedToken(tokenId: string) {
  return callEndpoint(endpoints.revokeFeedToken, { params: { id: tokenId } });
}

// ---- bodies and composition

/** Registers a body (no id yet) or corrects it. */
export function saveBody(bodyId: string | null, input: BodyInput | BodyPatch) {
  return bodyId
    ? callEndpoint(endpoints.updateBody, { params: { id: bodyId }, body: input })
    : callEndpoint(endpoints.createBody, { body: input as BodyInput });
}

export function addMembership(bodyId: string, input: MembershipInput) {
  return callEndpoint(endpoints.addMembership, { params: { id: bodyId }, body: input });
}

export function updateMembership(bodyId: string, membershipId: string, patch: MembershipPatch) {
  return callEndpoint(endpoints.updateMembership, { params: { id: bodyId, membershipId }, body: patch });
}

/** Where a body's sessions calendar (iCal) is read from (a link). */
export function bodyCalendarUrl(bodyId: string) {
  return endpointUrl(endpoints.getBodyCalendar, { params: { id: bodyId } });
}

/** Downloads a body's attendance report of a period as DOCX or PDF. */
export function downloadAttendanceReport(bodyId: string, period: Period, format: 'docx' | 'pdf') {
  return downloadEndpoint(
    endpoints.downloadAttendanceReport,
    { params: { id: bodyId }, query: { ...period, format } },
    `asistencia.${format}`,
  );
}

// ---- sessions

/** Registers a session of a body (no session id yet) or modifies one. */
export function saveSession(target: { bodyId: string } | { sessionId: string }, input: SessionInput) {
  return 'sessionId' in target
    ? callEndpoint(endpoints.updateSession, { params: { id: target.sessionId }, body: input })
    : callEndpoint(endpoints.createSession, { params: { id: target.bodyId }, body: input });
}

/** Saves the draft of a session's minutes (empty clears it). */
export function saveMinutesDraft(sessionId: string, patch: SessionPatch) {
  return callEndpoint(endpoints.updateSession, { params: { id: sessionId }, body: patch });
}

export function approveMinutes(sessionId: string, agreementId: string) {
  return callEndpoint(endpoints.approveMinutes, { params: { id: sessionId }, body: { agreementId } });
}

export function addAgendaItem(sessionId: string, input: AgendaItemInput) {
  return callEndpoint(endpoints.addAgendaItem, { params: { id: sessionId }, body: input });
}

export function editAgendaItem(itemId: string, patch: AgendaItemPatch) {
  return callEndpoint(endpoints.updateAgendaItem, { params: { id: itemId }, body: patch });
}

export function removeAgendaItem(itemId: string) {
  return callEndpoint(endpoints.removeAgendaItem, { params: { id: itemId } });
}

/** Puts every item of the session's agenda in the order of `itemIds`. */
export function reorderAgenda(sessionId: string, itemIds: string[]) {
  return callEndpoint(endpoints.reorderAgenda, { params: { id: sessionId }, body: { itemIds } });
}

export function cancelSession(sessionId: string, input: SessionCancellationInput) {
  return callEndpoint(endpoints.cancelSession, { params: { id: sessionId }, body: input });
}

export function attachAgendaDocument(itemId: string, file: File) {
  return uploadToEndpoint(endpoints.attachAgendaDocument, { params: { id: itemId } }, file);
}

/** Where a document of the agenda is downloaded from (a link). */
export function agendaDocumentUrl(documentId: string) {
  return endpointUrl(endpoints.downloadAgendaDocument, { params: { id: documentId } });
}

export type SessionDocument = 'orden-del-dia' | 'lista-de-asistencia' | 'minuta';

/** Downloads the agenda, the attendance list or the minutes of a session as DOCX or PDF. */
export function downloadSessionDocument(
  sessionId: string,
  document: SessionDocument,
  format: 'docx' | 'pdf',
) {
  return downloadEndpoint(
    endpoints.downloadSessionDocument,
    { params: { id: sessionId, document }, query: { format } },
    `${document}.${format}`,
  );
}

// ---- agreements

export function adoptAgreement(sessionId: string, input: AgreementInput) {
  return callEndpoint(endpoints.adoptAgreement, { params: { id: sessionId }, body: input });
}

export function updateAgreement(agreementId: string, patch: AgreementPatch) {
  return callEndpoint(endpoints.updateAgreement, { params: { id: agreementId }, body: patch });
}

export function recordHistoricalAgreement(bodyId: string, input: HistoricalAgreementInput) {
  return callEndpoint(endpoints.recordHistoricalAgreement, { params: { id: bodyId }, body: input });
}

/** The organization's agreements whose number, title or body match `q` (the latest when empty). */
export function searchAgreements(q: string) {
  return callEndpoint(endpoints.searchAgreements, { query: { q: q || undefined } });
}

/** Every agreement of the Consejo General bodies (with or without a session), as options. */
export function useConsejoAgreementOptions() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'consejo-agreements'],
    queryFn: async () => {
      const bodies = (await callEndpoint(endpoints.listBodies)).items.filter(
        (b: Body) => b.kind === 'consejo_general',
      );
      const lists = await Promise.all(bodies.map((b) => listBodyAgreements(b.id)));
      return lists
        .flatMap((l) => [...(l.outsideSessions ?? []), ...l.sessions.flatMap((g) => g.agreements)])
        .map((a): Option => ({ value: a.id, label: `${a.number} — ${a.title}` }));
    },
  });
}

// ---- SSSCG mandates

/** Registers a mandate (no id yet) or modifies one. */
export function saveMandate(mandateId: string | null, input: MandateInput | MandatePatch) {
  return mandateId
    ? callEndpoint(endpoints.updateMandate, { params: { id: mandateId }, body: input })
    : callEndpoint(endpoints.createMandate, { body: input as MandateInput });
}

// ---- the convocatoria, votes and votos particulares / concurrentes

export function useConvene(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { confirmLate: boolean; message?: string | null }) =>
      callEndpoint(endpoints.conveneSession, { params: { id: sessionId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export function useRecordConvocationResponse(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { recipientId: string; response: NoticeResponse }) =>
      callEndpoint(endpoints.recordConvocationResponse, {
        params: { id: sessionId, recipientId: input.recipientId },
        body: { response: input.response },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export function useRecordVote(agreementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: VoteInput) =>
      callEndpoint(endpoints.recordVote, { params: { id: agreementId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

export function useAttachOpinion(agreementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpinionQuery & { file: File }) =>
      uploadToEndpoint(
        endpoints.attachOpinion,
        { params: { id: agreementId }, query: { personId: input.personId, kind: input.kind } },
        input.file,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: GOVERNANCE_KEY }),
  });
}

/** Where a voto particular or concurrente is downloaded from (a link). */
export function opinionUrl(agreementId: string, opinionId: string) {
  return endpointUrl(endpoints.downloadOpinion, { params: { id: agreementId, opinionId } });
}

// ---- the public page of a convocatoria's link (no session)

export function openConvocation(token: string) {
  return callEndpoint(endpoints.openConvocation, { params: { token } });
}

export function answerConvocation(token: string, response: NoticeResponse) {
  return callEndpoint(endpoints.answerConvocation, { params: { token }, body: { response } });
}

export function convocationDocumentUrl(token: string, documentId: string) {
  return endpointUrl(endpoints.downloadConvocationDocument, { params: { token, documentId } });
}

// ---- the notice periods of the convocatoria (ADR 0037)

export function useNoticeSettings() {
  return useQuery({
    queryKey: [...GOVERNANCE_KEY, 'notice-settings'],
    queryFn: () => callEndpoint(endpoints.getNoticeSettings),
  });
}

export function updateNoticeSettings(input: NoticeSettings) {
  return callEndpoint(endpoints.updateNoticeSettings, { body: input });
}
