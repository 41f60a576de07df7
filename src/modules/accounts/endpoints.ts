import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import {
  ChangePasswordInputSchema,
  CreateUserInputSchema,
  MeSchema,
  SignInInputSchema,
  UpdateUserInputSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserParamsSchema,
  UserSchema,
} from './contract';

// The accounts module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const session = ['Sesión'];
const users = ['Usuarios'];

export const signIn = defineEndpoint({
  method: 'POST',
  path: '/api/session',
  operationId: 'signIn',
  tags: session,
  summary: 'Iniciar sesión con correo y contraseña',
  public: true,
  body: SignInInputSchema,
  status: 204,
  response: z.null(),
  errors: [429],
});
export const signOut = defineEndpoint({
  method: 'DELETE',
  path: '/api/session',
  operationId: 'signOut',
  tags: session,
  summary: 'Cerrar sesión',
  status: 204,
  response: z.null(),
});
export const getMe = defineEndpoint({
  method: 'GET',
  path: '/api/me',
  operationId: 'getMe',
  tags: session,
  summary: 'Usuario de la sesión',
  response: MeSchema,
});
export const changePassword = defineEndpoint({
  method: 'POST',
  path: '/api/me/password',
  operationId: 'changePassword',
  tags: session,
  summary: 'Cambiar la contraseña propia',
  body: ChangePasswordInputSchema,
  status: 204,
  response: z.null(),
});

export const listUsers = defineEndpoint({
  method: 'GET',
  path: '/api/users',
  operationId: 'listUsers',
  tags: users,
  summary: 'Usuarios de la organización',
  query: UserListQuerySchema,
  response: UserPageSchema,
});
export const getUser = defineEndpoint({
  method: 'GET',
  path: '/api/users/:id',
  operationId: 'getUser',
  tags: users,
  summary: 'Un usuario',
  params: UserParamsSchema,
  response: UserSchema,
});
export const createUser = defineEndpoint({
  method: 'POST',
  path: '/api/users',
  operationId: 'createUser',
  tags: users,
  summary: 'Crear un usuario',
  body: CreateUserInputSchema,
  status: 201,
  response: UserSchema,
});
export const updateUser = defineEndpoint({
  method: 'PATCH',
  path: '/api/users/:id',
  operationId: 'updateUser',
  tags: users,
  summary: 'Modificar, desactivar o restablecer la contraseña de un usuario',
  params: UserParamsSchema,
  body: UpdateUserInputSchema,
  response: UserSchema,
});
