import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { callEndpoint, type Unfinished } from '@/web/shared/api/client';
import type {
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  AssignmentInputSchema,
  CommunicationInputSchema,
  GroupInputSchema,
  MissionInputSchema,
  MissionPatchSchema,
  RegistrantConsentInputSchema,
  RegistrantInputSchema,
  RegistrantListQuery,
  RegistrantPatchSchema,
} from '../contract';
import { listContacts } from '../../endpoints';
import { countryName, isCountryCode } from '../contract';
import * as endpoints from '../endpoints';

// Reads and writes of the accompaniment mission: its pages call these, never a path (ADR 0022).
// Every write invalidates the ['observers'] prefix.

export const OBSERVERS_KEY = ['observers'] as const;

export const useMissions = () =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'missions'],
    queryFn: () => callEndpoint(endpoints.listMissions),
  });

export const useMission = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'mission', id],
    queryFn: () => callEndpoint(endpoints.getMission, { params: { id } }),
  });

export const useRegistrants = (
  id: string,
  q: { q?: string; groupId?: string; accreditationStatus?: string; page: number; pageSize: number },
) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'registrants', id, q],
    // The status comes from a select of the statuses; the server refuses any other.
    queryFn: () =>
      callEndpoint(endpoints.listRegistrants, { params: { id }, query: q as Partial<RegistrantListQuery> }),
    placeholderData: keepPreviousData,
  });

/** Every registrant of the mission (for group membership and pickers). */
export const useAllRegistrants = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'registrants', id, 'all'],
    queryFn: () =>
      callEndpoint(endpoints.listRegistrants, { params: { id }, query: { page: 1, pageSize: 200 } }),
  });

export const useRegistrant = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'registrant', id],
    queryFn: () => callEndpoint(endpoints.getRegistrant, { params: { id } }),
  });

/** Outreach contacts (people) found as the user types, to register one that already exists. */
export const useContactOptions = (q: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'contact-options', q],
    queryFn: () => callEndpoint(listContacts, { query: { q: q || undefined, pageSize: 30 } }),
    placeholderData: keepPreviousData,
    select: (page) =>
      page.items
        .filter((c) => c.kind === 'person' && !c.erasedAt)
        .map((c) => ({
          value: c.id,
          label:
            [c.fullName, c.affiliation, c.email].filter(Boolean).join(' · ') +
            (c.country ? ` (${c.country})` : ''),
        })),
  });

export const useGroups = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'groups', id],
    queryFn: () => callEndpoint(endpoints.listMissionGroups, { params: { id } }),
  });

export const useAgenda = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'agenda', id],
    queryFn: () => callEndpoint(endpoints.listMissionAgenda, { params: { id } }),
  });

export const useAssignments = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'assignments', id],
    queryFn: () => callEndpoint(endpoints.listStaffAssignments, { params: { id } }),
  });

export const useStaffOptions = () =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'staff'],
    queryFn: () => callEndpoint(endpoints.listAssignableStaff),
  });

export const useCommunications = (id: string) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'communications', id],
    queryFn: () => callEndpoint(endpoints.listMissionCommunications, { params: { id } }),
  });

/** While deliveries are queued or sending, the communication is polled every second. */
export const useCommunication = (id: string | null) =>
  useQuery({
    queryKey: [...OBSERVERS_KEY, 'communication', id],
    queryFn: () => callEndpoint(endpoints.getMissionCommunication, { params: { id: id! } }),
    enabled: !!id,
    refetchInterval: (query) => {
      const c = query.state.data?.counts;
      return c && c.queued + c.sending > 0 ? 1000 : false;
    },
  });

// ---- writes

type Body<S extends z.ZodType> = Unfinished<z.input<S>>;

export function saveMission(missionId: string | null, body: Body<typeof MissionInputSchema>) {
  return missionId
    ? callEndpoint(endpoints.updateMission, {
        params: { id: missionId },
        body: body as z.input<typeof MissionPatchSchema>,
      })
    : callEndpoint(endpoints.createMission, { body: body as z.input<typeof MissionInputSchema> });
}

export function registerRegistrant(missionId: string, body: Body<typeof RegistrantInputSchema>) {
  return callEndpoint(endpoints.registerRegistrant, {
    params: { id: missionId },
    body: body as z.input<typeof RegistrantInputSchema>,
  });
}

export function updateRegistrant(registrantId: string, body: Body<typeof RegistrantPatchSchema>) {
  return callEndpoint(endpoints.updateRegistrant, {
    params: { id: registrantId },
    body: body as z.input<typeof RegistrantPatchSchema>,
  });
}

export function removeRegistrant(registrantId: string) {
  return callEndpoint(endpoints.removeRegistrant, { params: { id: registrantId } });
}

export function recordRegistrantConsent(
  registrantId: string,
  body: Body<typeof RegistrantConsentInputSchema>,
) {
  return callEndpoint(endpoints.recordRegistrantConsent, {
    params: { id: registrantId },
    body: body as z.input<typeof RegistrantConsentInputSchema>,
  });
}

export function createGroup(missionId: string, body: Body<typeof GroupInputSchema>) {
  return callEndpoint(endpoints.createMissionGroup, {
    params: { id: missionId },
    body: body as z.input<typeof GroupInputSchema>,
  });
}

export function deleteGroup(groupId: string) {
  return callEndpoint(endpoints.removeMissionGroup, { params: { id: groupId } });
}

/** Replaces the members of a group. */
export function setGroupMembers(groupId: string, registrantIds: string[]) {
  return callEndpoint(endpoints.setMissionGroupMembers, { params: { id: groupId }, body: { registrantIds } });
}

/** Adds an activity or a route to the agenda (kind given) or modifies one (kind fixed). */
export function saveAgendaItem(
  target: { missionId: string } | { itemId: string },
  body: Body<typeof AgendaItemInputSchema>,
) {
  return 'itemId' in target
    ? callEndpoint(endpoints.updateAgendaItem, {
        params: { id: target.itemId },
        body: body as z.input<typeof AgendaItemPatchSchema>,
      })
    : callEndpoint(endpoints.createAgendaItem, {
        params: { id: target.missionId },
        body: body as z.input<typeof AgendaItemInputSchema>,
      });
}

export function deleteAgendaItem(itemId: string) {
  return callEndpoint(endpoints.deleteAgendaItem, { params: { id: itemId } });
}

export function assignStaff(missionId: string, body: Body<typeof AssignmentInputSchema>) {
  return callEndpoint(endpoints.assignStaff, {
    params: { id: missionId },
    body: body as z.input<typeof AssignmentInputSchema>,
  });
}

export function removeAssignment(assignmentId: string) {
  return callEndpoint(endpoints.removeStaffAssignment, { params: { id: assignmentId } });
}

export function sendCommunication(missionId: string, body: Body<typeof CommunicationInputSchema>) {
  return callEndpoint(endpoints.sendMissionCommunication, {
    params: { id: missionId },
    body: body as z.input<typeof CommunicationInputSchema>,
  });
}

/** A write that refreshes every read of the mission when it succeeds. */
export function useObserversWrite<I, O = unknown>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    // Lists not on screen are refetched too, before the caller moves on: a page that navigates back
    // to a list after a removal must not show the removed row from the cache first.
    onSuccess: () => client.invalidateQueries({ queryKey: OBSERVERS_KEY, refetchType: 'all' }),
  });
}

/** Countries of ISO 3166-1 with their Spanish names, sorted by name. */
export const COUNTRY_OPTIONS = (() => {
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isCountryCode(code)) out.push({ value: code, label: countryName(code) });
    }
  return out.sort((x, y) => x.label.localeCompare(y.label, 'es'));
})();
