import { notFound } from '../platform/errors';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { auditActor, authenticate, authorize } from './actor';
import { changePassword } from './change-password';
import { PERMISSIONS, hasPermission, type Permission } from './contract';
import { createUser } from './create-user';
import * as endpoints from './endpoints';
import { findUser, listUsers } from './repository';
import { signIn, SignInThrottled } from './sign-in';
import { signOut } from './sign-out';
import { updateUser } from './update-user';

export const accountsRoutes: ModuleRoutes = (api, ctx) => {
  route(api, endpoints.signIn, async (req, reply) => {
    try {
      const cookies = await signIn(ctx, req.body, { ip: req.ip, headers: req.headers });
      return reply.header('set-cookie', cookies).status(204).send(null);
    } catch (error) {
      if (error instanceof SignInThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });

  route(api, endpoints.signOut, async (req, reply) => {
    const actor = await authenticate(ctx, req);
    const cookies = await signOut(ctx, actor, req.headers);
    return reply.header('set-cookie', cookies).status(204).send(null);
  });

  route(api, endpoints.getMe, async (req) => {
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
  });

  route(api, endpoints.changePassword, async (req, reply) => {
    const actor = await authenticate(ctx, req);
    const cookies = await changePassword(ctx, actor, req.body, req.headers);
    return reply.header('set-cookie', cookies).status(204).send(null);
  });

  route(api, endpoints.listUsers, async (req) => {
    const actor = await authorize(ctx, req, 'users.read');
    return listUsers(ctx.database.db, actor.organizationId, req.query);
  });

  route(api, endpoints.getUser, async (req) => {
    const actor = await authorize(ctx, req, 'users.read');
    const found = await findUser(ctx.database.db, actor.organizationId, req.params.id);
    if (!found) throw notFound();
    return found;
  });

  route(api, endpoints.createUser, async (req) => {
    const actor = await authorize(ctx, req, 'users.manage');
    return createUser(ctx.database.db, auditActor(actor), actor.organizationId, req.body, ctx.areaIdsOf);
  });

  route(api, endpoints.updateUser, async (req) => {
    const actor = await authorize(ctx, req, 'users.manage');
    return updateUser(ctx.database.db, actor, req.params.id, req.body, ctx.areaIdsOf);
  });
};
