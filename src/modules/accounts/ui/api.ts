import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAreas } from '@/modules/directory/endpoints';
import type { z } from 'zod';
import type {
  ChangePasswordInputSchema,
  CreateUserInput,
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
