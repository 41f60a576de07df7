import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { callEndpoint, downloadEndpoint, uploadToEndpoint, type Unfinished } from '@/web/shared/api/client';
import type {
  ArcoExtendInputSchema,
  ArcoInputSchema,
  ArcoResolveInputSchema,
  BaseInputSchema,
  CampaignInputSchema,
  ConsentInputSchema,
  ContactInputSchema,
  EraseInputSchema,
  ManualContactInputSchema,
  OptOutsInputSchema,
  WithdrawConsentInputSchema,
} from '../contract';
import * as endpoints from '../endpoints';

// Reads and writes of outreach: its pages call these, never a path (ADR 0022).
// Every write invalidates the ['outreach'] prefix.

export const OUTREACH_KEY = ['outreach'] as const;

export const useBases = () =>
  useQuery({ queryKey: [...OUTREACH_KEY, 'bases'], queryFn: () => callEndpoint(endpoints.listContactBases) });

export const useContacts = (q: { q?: string; baseId?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'contacts', q],
    queryFn: () => callEndpoint(endpoints.listContacts, { query: q }),
    placeholderData: keepPreviousData,
  });

export const useContact = (id: string) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'contact', id],
    queryFn: () => callEndpoint(endpoints.getContact, { params: { id } }),
  });

export const useArcoRequests = () =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'arco'],
    queryFn: () => callEndpoint(endpoints.listArcoRequests),
  });

export const useCampaigns = (q: { page: number; pageSize: number; q?: string }) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'campaigns', q],
    queryFn: () => callEndpoint(endpoints.listCampaigns, { query: q }),
    placeholderData: keepPreviousData,
  });

/** While a campaign is sending, its progress is polled every second. */
export const useCampaign = (id: string) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'campaign', id],
    queryFn: () => callEndpoint(endpoints.getCampaign, { params: { id } }),
    refetchInterval: (query) =>
      query.state.data?.status === 'sending' || query.state.data?.status === 'scheduled' ? 1000 : false,
  });

export const useLedger = (id: string, page: number, poll: boolean) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'ledger', id, page],
    queryFn: () =>
      callEndpoint(endpoints.getCampaignLedger, { params: { id }, query: { page, pageSize: 25 } }),
    refetchInterval: poll ? 2000 : false,
    placeholderData: keepPreviousData,
  });

export const useManualContacts = (id: string) =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'manual', id],
    queryFn: () => callEndpoint(endpoints.listManualContacts, { params: { id } }),
  });

export const useObjectives = () =>
  useQuery({
    queryKey: [...OUTREACH_KEY, 'objectives'],
    queryFn: () => callEndpoint(endpoints.listCampaignObjectives),
  });

/** A write that refreshes every outreach read when it succeeds. */
export function useOutreachWrite<I, O = unknown>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: OUTREACH_KEY }),
  });
}

// ---- writes

type Body<S extends z.ZodType> = Unfinished<z.input<S>>;

export function createBase(body: Body<typeof BaseInputSchema>) {
  return callEndpoint(endpoints.createContactBase, { body: body as z.input<typeof BaseInputSchema> });
}

export function createContact(body: Body<typeof ContactInputSchema>) {
  return callEndpoint(endpoints.createContact, { body: body as z.input<typeof ContactInputSchema> });
}

/** Imports a CSV or XLSX file of contacts into a base (all or nothing). */
export function importContacts(baseId: string, file: File, skipInvalid = false) {
  return uploadToEndpoint(endpoints.importContacts, { query: { baseId, skipInvalid } }, file);
}

export function recordConsent(contactId: string, body: Body<typeof ConsentInputSchema>) {
  return callEndpoint(endpoints.recordConsent, {
    params: { id: contactId },
    body: body as z.input<typeof ConsentInputSchema>,
  });
}

export function withdrawConsent(consentId: string, body: Body<typeof WithdrawConsentInputSchema>) {
  return callEndpoint(endpoints.withdrawConsent, {
    params: { id: consentId },
    body: body as z.input<typeof WithdrawConsentInputSchema>,
  });
}

export function setOptOuts(contactId: string, body: z.input<typeof OptOutsInputSchema>) {
  return callEndpoint(endpoints.setOptOuts, { params: { id: contactId }, body });
}

export function eraseContact(contactId: string, body: Body<typeof EraseInputSchema>) {
  return callEndpoint(endpoints.eraseContact, {
    params: { id: contactId },
    body: body as z.input<typeof EraseInputSchema>,
  });
}

/** Downloads everything kept about a person, as JSON or XLSX. */
export function exportContact(contactId: string, format: 'json' | 'xlsx') {
  return downloadEndpoint(
    endpoints.exportContact,
    { params: { id: contactId }, query: { format } },
    `datos.${format}`,
  );
}

export function createArcoRequest(body: Body<typeof ArcoInputSchema>) {
  return callEndpoint(endpoints.createArcoRequest, { body: body as z.input<typeof ArcoInputSchema> });
}

export function extendArcoRequest(requestId: string, body: Body<typeof ArcoExtendInputSchema>) {
  return callEndpoint(endpoints.extendArcoRequest, {
    params: { id: requestId },
    body: body as z.input<typeof ArcoExtendInputSchema>,
  });
}

export function resolveArcoRequest(requestId: string, body: Body<typeof ArcoResolveInputSchema>) {
  return callEndpoint(endpoints.resolveArcoRequest, {
    params: { id: requestId },
    body: body as z.input<typeof ArcoResolveInputSchema>,
  });
}

export function createCampaign(body: Body<typeof CampaignInputSchema>) {
  return callEndpoint(endpoints.createCampaign, { body: body as z.input<typeof CampaignInputSchema> });
}

export function startCampaign(campaignId: string) {
  return callEndpoint(endpoints.startCampaign, { params: { id: campaignId } });
}

const CONTROL = {
  pause: endpoints.pauseCampaign,
  resume: endpoints.resumeCampaign,
  cancel: endpoints.cancelCampaign,
} as const;

/** Pauses, resumes or cancels a campaign's sending. */
export function controlCampaign(campaignId: string, verb: keyof typeof CONTROL) {
  return callEndpoint(CONTROL[verb], { params: { id: campaignId } });
}

export function recordManualContact(campaignId: string, body: Body<typeof ManualContactInputSchema>) {
  return callEndpoint(endpoints.recordManualContact, {
    params: { id: campaignId },
    body: body as z.input<typeof ManualContactInputSchema>,
  });
}

/** Reads a DSN pasted as text and marks the deliveries it reports as bounced. */
export function recordBounces(dsn: string) {
  return callEndpoint(endpoints.recordBounces, { body: { dsn } });
}

// ---- the public unsubscribe page (no session)

export function unsubscribeInfo(token: string) {
  return callEndpoint(endpoints.getUnsubscribeInfo, { params: { token } });
}

export function unsubscribe(token: string) {
  return callEndpoint(endpoints.unsubscribe, { params: { token } });
}
