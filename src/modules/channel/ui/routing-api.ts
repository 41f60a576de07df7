import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Attachment,
  ConsolidateInput,
  InstructRoutingInput,
  ReassignRoutingInput,
  RouteFolioInput,
  RoutingPolicyInput,
} from '../routing-contract';
import * as endpoints from '../endpoints';
import { callEndpoint, downloadEndpoint, uploadToEndpoint } from '@/web/shared/api/client';
import { CHANNEL_KEY } from './api';

// Reads and writes of routing, queues and attachments; writes invalidate the ['channel'] prefix.

export function useFolioRoutings(folioId: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', folioId, 'routings'],
    queryFn: () => callEndpoint(endpoints.listFolioRoutings, { params: { id: folioId } }),
  });
}

export function useFolioAttachments(folioId: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'folio', folioId, 'attachments'],
    queryFn: () => callEndpoint(endpoints.listFolioAttachments, { params: { id: folioId } }),
  });
}

export function useMyRoutings(query: { state: 'open' | 'closed' | 'all'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'my-routings', query],
    queryFn: () => callEndpoint(endpoints.listMyRoutings, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useMyRouting(id: string) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'my-routing', id],
    queryFn: () => callEndpoint(endpoints.getMyRouting, { params: { id } }),
  });
}

/** Uploads files one by one; stops at the first refusal (its error is thrown). */
export async function uploadAll(files: File[], upload: (file: File) => Promise<Attachment>) {
  const done: Attachment[] = [];
  for (const file of files) done.push(await upload(file));
  return done;
}

/** Downloads a file of the channel under its own name (the server serves it only to who sees the folio). */
export function downloadAttachment(file: Pick<Attachment, 'id' | 'filename'>) {
  return downloadEndpoint(endpoints.downloadAttachment, { params: { id: file.id } }, file.filename);
}

/** Attaches a document to the communication of a folio (its originator, or the local body that typed it in). */
export function attachToCommunication(communicationId: string, file: File) {
  return uploadToEndpoint(endpoints.attachToCommunication, { params: { id: communicationId } }, file);
}

export function routeFolio(folioId: string, input: RouteFolioInput) {
  return callEndpoint(endpoints.routeFolio, { params: { id: folioId }, body: input });
}

export function reassignRouting(routingId: string, input: ReassignRoutingInput) {
  return callEndpoint(endpoints.reassignRouting, { params: { id: routingId }, body: input });
}

/**
 * Sends the consolidated answer, then the files added to it: the answer goes first since the
 * files belong to its message; a refused file is reported with the answer already sent.
 */
export async function consolidateFolio(folioId: string, input: ConsolidateInput, files: File[]) {
  const sent = await callEndpoint(endpoints.consolidateFolio, { params: { id: folioId }, body: input });
  const messageId = sent.messageId;
  if (messageId && files.length)
    await uploadAll(files, (file) =>
      uploadToEndpoint(endpoints.attachToMessage, { params: { id: messageId } }, file),
    );
  return sent;
}

/** Attaches files to the answer of an open slip, before the answer is sent. */
export function attachToRouting(routingId: string, files: File[]) {
  return uploadAll(files, (file) =>
    uploadToEndpoint(endpoints.attachToRouting, { params: { id: routingId } }, file),
  );
}

export function answerRouting(routingId: string, input: { text: string }) {
  return callEndpoint(endpoints.answerRouting, { params: { id: routingId }, body: input });
}

export function returnRouting(routingId: string, input: { reason: string }) {
  return callEndpoint(endpoints.returnRouting, { params: { id: routingId }, body: input });
}

// ---- the Secretaría Ejecutiva's instruction (ADR 0038)

export function useRoutingPolicy(enabled = true) {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'routing-policy'],
    queryFn: () => callEndpoint(endpoints.getRoutingPolicy),
    enabled,
  });
}

export function setRoutingPolicy(input: RoutingPolicyInput) {
  return callEndpoint(endpoints.setRoutingPolicy, { body: input });
}

export function useRoutingsToInstruct() {
  return useQuery({
    queryKey: [...CHANNEL_KEY, 'routings-to-instruct'],
    queryFn: () => callEndpoint(endpoints.listRoutingsToInstruct),
  });
}

export function instructRouting(folioId: string, input: InstructRoutingInput) {
  return callEndpoint(endpoints.instructRouting, { params: { id: folioId }, body: input });
}
