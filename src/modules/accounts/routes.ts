import { z } from 'zod';
import type { ModuleRoutes } from '../platform/http/types';
import { responses } from '../platform/http/types';
import { ApiErrorSchema } from '../../shared/errors';
import { authenticate, authorize } from './actor';
import { changePassword } from './change-password';
import {
  ChangePasswordInputSchema,
  CreateUserInputSchema,
  MeSchema,
  PERMISSIONS,
  SignInInputSchema,
  UpdateUserInputSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserParamsSchema,
  UserSchema,
  hasPermission,
  type Permission,
} from './contract';
import { createUser } from './create-user';
import { findUser, listUsers } from './repository';
import { signIn, SignInThrottled } from './sign-in';
import { signOut } from './sign-out';
import { updateUser } from './update-user';
import { auditActor } from './actor';
import { notFound } from '../platform/errors';

const session = ['Sesión'];
const users = ['Usuarios'];

export const accountsRoutes: ModuleRoutes = (api, ctx) => {
  api.post(
    '/api/session',
    {
      schema: {
        tags: session,
        summary: 'Iniciar sesión con correo y contraseña',
        security: [],
        body: SignInInputSchema,
        response: {
          204: z.null(),
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          429: ApiErrorSchema,
        },
      },
    },
    async (req, reply) => {
      try {
        const cookies = await signIn(ctx, req.body, { ip: req.ip, headers: req.headers });
        return reply.header('set-cookie', cookies).status(204).send(null);
      } catch (error) {
        if (error instanceof SignInThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  api.delete(
    '/api/session',
    { schema: { tags: session, summary: 'Cerrar sesión', response: responses({ 204: z.null() }) } },
    async (req, reply) => {
      const actor = await authenticate(ctx, req);
      const cookies = await signOut(ctx, actor, req.headers);
      return reply.header('set-cookie', cookies).status(204).send(null);
    },
  );

  api.get(
    '/api/me',
    { schema: { tags: session, summary: 'Usuario de la sesión', response: responses({ 200: MeSchema }) } },
    async (req) => {
      const a = await authenticate(ctx, req);
      return {
        id: a.userId,
        name: a.name,
        email: a.email,
        roles: a.roles,
        areaIds: a.areaIds,
        organization: a.organization,
        permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(a.roles, p)),
      };
    },
  );

  api.post(
    '/api/me/password',
    {
      schema: {
        tags: session,
        summary: 'Cambiar la contraseña propia',
        body: ChangePasswordInputSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      const actor = await authenticate(ctx, req);
      const cookies = await changePassword(ctx, actor, req.body, req.headers);
      return reply.header('set-cookie', cookies).status(204).send(null);
    },
  );

  api.get(
    '/api/users',
    {
      schema: {
        tags: users,
        summary: 'Usuarios de la organización',
        querystring: UserListQuerySchema,
        response: responses({ 200: UserPageSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'users.read');
      return listUsers(ctx.database.db, actor.organizationId, req.query);
    },
  );

  api.get(
    '/api/users/:id',
    {
      schema: {
        tags: users,
        summary: 'Un usuario',
        params: UserParamsSchema,
        response: responses({ 200: UserSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'users.read');
      const found = await findUser(ctx.database.db, actor.organizationId, req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );

  api.post(
    '/api/users',
    {
      schema: {
        tags: users,
        summary: 'Crear un usuario',
        body: CreateUserInputSchema,
        response: responses({ 201: UserSchema }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'users.manage');
      const created = await createUser(
        ctx.database.db,
        auditActor(actor),
        actor.organizationId,
        req.body,
        ctx.areaIdsOf,
      );
      return reply.status(201).send(created);
    },
  );

  api.patch(
    '/api/users/:id',
    {
      schema: {
        tags: users,
        summary: 'Modificar, desactivar o restablecer la contraseña de un usuario',
        params: UserParamsSchema,
        body: UpdateUserInputSchema,
        response: responses({ 200: UserSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'users.manage');
      return updateUser(ctx.database.db, actor, req.params.id, req.body, ctx.areaIdsOf);
    },
  );
};
