import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAreas } from '@/modules/directory/endpoints';
import type { z } from 'zod';
import type {
  ChangePasswordInputSchema,
  CreateUserInput,
  FirstOperatorInput,
  InvitationInput,
  OrganizationInputSchema,
  Role,
  SignInInputSchema,
  UpdateUserInput,
  UserListQuery,
} from '../contract';
import * as endpoints from '../endpoints';
import { callEndpoint } from '@/web/shared/api/client';

// The accounts module's API calls: its pages and the app shell go through these (ADR 0022).

export function useUsers(query: Partial<UserListQuery>) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => callEndpoint(endpoints.listUsers, { query }),
    placeholderData: keepPreviousData,
  });
}

/** The organization's areas, to assign them to users (the API pages at most 200 at a time). */
export function useAreaOptions() {
  return useQuery({
    queryKey: ['areas', 'options'],
    queryFn: () => callEndpoint(listAreas, { query: { pageSize: 200 } }),
    staleTime: 5 * 60_000,
    select: (page) =>
      page.items.map((a) => ({ value: a.id, label: a.acronym ? `${a.name} (${a.acronym})` : a.name })),
  });
}

export function signIn(input: z.input<typeof SignInInputSchema>) {
  return callEndpoint(endpoints.signIn, { body: input });
}

export function signOut() {
  return callEndpoint(endpoints.signOut);
}

export function changePassword(input: z.input<typeof ChangePasswordInputSchema>) {
  return callEndpoint(endpoints.changePassword, { body: input });
}

export function createUser(input: CreateUserInput) {
  return callEndpoint(endpoints.createUser, { body: input });
}

/** Changes a user's name, roles or areas, disables or enables them, or resets their password. */
export function updateUser(id: string, input: UpdateUserInput) {
  return callEndpoint(endpoints.updateUser, { params: { id }, body: input });
}

// The installation (ADR 0023): the setup link, organizations, invitations.

export function checkSetupLink(token: string) {
  return callEndpoint(endpoints.getSetupLink, { params: { token } });
}

export function completeSetup(token: string, input: FirstOperatorInput) {
  return callEndpoint(endpoints.completeSetup, { params: { token }, body: input });
}

export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: () => callEndpoint(endpoints.listOrganizations),
    // A handful of bodies (one national authority, 32 local bodies at most): one page.
    select: (items) => ({ items, total: items.length }),
  });
}

export function createOrganization(input: z.input<typeof OrganizationInputSchema>) {
  return callEndpoint(endpoints.createOrganization, { body: input });
}

export function setOrganizationSuspended(id: string, suspended: boolean) {
  return callEndpoint(endpoints.updateOrganization, { params: { id }, body: { suspended } });
}

export function inviteAdministrator(id: string, input: InvitationInput) {
  return callEndpoint(endpoints.inviteAdministrator, { params: { id }, body: input });
}

export function readInvitation(token: string) {
  return callEndpoint(endpoints.getInvitation, { params: { token } });
}

export function acceptInvitation(token: string, password: string) {
  return callEndpoint(endpoints.acceptInvitation, { params: { token }, body: { password } });
}

// Password reset by e-mail and the sessions a person ends (ADR 0027).

export function requestPasswordReset(email: string) {
  return callEndpoint(endpoints.requestPasswordReset, { body: { email } });
}

export function readResetLink(token: string) {
  return callEndpoint(endpoints.getResetLink, { params: { token } });
}

export function resetPassword(token: string, password: string) {
  return callEndpoint(endpoints.resetPassword, { params: { token }, body: { password } });
}

export function useMySessions() {
  return useQuery({ queryKey: ['my-sessions'], queryFn: () => callEndpoint(endpoints.listMySessions) });
}

export function endMySession(id: string) {
  return callEndpoint(endpoints.endMySession, { params: { id } });
}

export function endMyOtherSessions() {
  return callEndpoint(endpoints.endMyOtherSessions);
}

export function endUserSessions(id: string) {
  return callEndpoint(endpoints.endUserSessions, { params: { id } });
}

// Two-factor authentication (ADR 0028).

export function verifySignInCode(code: string) {
  return callEndpoint(endpoints.verifySignInCode, { body: { code } });
}

export function startTwoFactorEnrolment(password: string) {
  return callEndpoint(endpoints.startTwoFactorEnrolment, { body: { password } });
}

export function confirmTwoFactorEnrolment(code: string) {
  return callEndpoint(endpoints.confirmTwoFactorEnrolment, { body: { code } });
}

export function disableTwoFactor(password: string) {
  return callEndpoint(endpoints.disableTwoFactor, { body: { password } });
}

export function useTwoFactorPolicy() {
  return useQuery({
    queryKey: ['two-factor-policy'],
    queryFn: () => callEndpoint(endpoints.getTwoFactorPolicy),
  });
}

export function setTwoFactorPolicy(requiredRoles: Role[]) {
  return callEndpoint(endpoints.setTwoFactorPolicy, { body: { requiredRoles } });
}

export function resetUserTwoFactor(id: string) {
  return callEndpoint(endpoints.resetUserTwoFactor, { params: { id } });
}
