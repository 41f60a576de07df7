import { notFound } from '../platform/errors';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { acceptInvitation, readInvitation } from './accept-invitation';
import {
  auditActor,
  authenticate,
  authorize,
  authorizeOperator,
  permissionsOf,
  sessionTokenOf,
} from './actor';
import { changePassword } from './change-password';
import { hasPermission } from './contract';
import { DELEGABLE_PERMISSIONS } from './delegation-contract';
import { heldDelegations } from './delegation-repository';
import { checkSetupLink, createFirstOperator } from './create-first-operator';
import { createOrganization } from './create-organization';
import { createUser } from './create-user';
import { endMyOtherSessions } from './end-my-other-sessions';
import { endMySession } from './end-my-session';
import { endUserSessions } from './end-user-sessions';
import { listMySessions } from './list-my-sessions';
import { requestPasswordReset } from './request-password-reset';
import { readResetLink, resetPassword } from './reset-password';
import { inviteAdministrator } from './invite-administrator';
import { setOrganizationSuspension } from './suspend-organization';
import * as endpoints from './endpoints';
import { findManagedOrganization, findUser, listOrganizations, listUsers } from './repository';
import { signIn, SignInThrottled, TwoFactorRequired } from './sign-in';
import { signOut } from './sign-out';
import { updateUser } from './update-user';

export const accountsRoutes: ModuleRoutes = (api, ctx) => {
  route(api, endpoints.signIn, async (req, reply) => {
    try {
      const cookies = await signIn(ctx, req.body, { ip: req.ip, headers: req.headers });
      return reply.header('set-cookie', cookies).status(204).send(null);
    } catch (error) {
      if (error instanceof SignInThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
      // The right password of an account with a second factor: the pending sign-in's cookie.
      if (error instanceof TwoFactorRequired) reply.header('set-cookie', error.cookies);
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
    const held = a.operator ? [] : await heldDelegations(ctx.database.db, a.organizationId, a.userId);
    const own = permissionsOf(a);
    // What the absent people may do in their queue, the acting user may do there for them.
    const delegated = DELEGABLE_PERMISSIONS.filter(
      (p) => !own.includes(p) && held.some((d) => hasPermission(d.absent.roles, p)),
    );
    return {
      id: a.userId,
      name: a.name,
      email: a.email,
      roles: a.roles,
      areaIds: a.areaIds,
      organization: a.organization,
      operator: a.operator,
      twoFactor: a.twoFactor,
      permissions: [...own, ...delegated],
      actingFor: held.map((d) => ({ userId: d.absent.userId, name: d.absent.name, endsOn: d.endsOn })),
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

  route(api, endpoints.getSetupLink, async (req) => {
    await checkSetupLink(ctx.database.db, req.params.token);
    return { valid: true as const };
  });

  route(api, endpoints.completeSetup, async (req, reply) => {
    await createFirstOperator(ctx.database.db, req.body, {
      token: req.params.token,
      label: `enlace de instalación <${req.body.email}>`,
      ip: req.ip,
    });
    return reply.status(204).send(null);
  });

  route(api, endpoints.listOrganizations, async (req) => {
    await authorizeOperator(ctx, req);
    return listOrganizations(ctx.database.db);
  });

  route(api, endpoints.createOrganization, async (req) => {
    const actor = await authorizeOperator(ctx, req);
    const created = await createOrganization(ctx.database.db, auditActor(actor), req.body);
    return (await findManagedOrganization(ctx.database.db, created.id))!;
  });

  route(api, endpoints.updateOrganization, async (req) => {
    const actor = await authorizeOperator(ctx, req);
    return setOrganizationSuspension(ctx.database.db, auditActor(actor), req.params.id, req.body.suspended);
  });

  route(api, endpoints.inviteAdministrator, async (req) => {
    const actor = await authorizeOperator(ctx, req);
    return inviteAdministrator(
      {
        db: ctx.database.db,
        mailer: ctx.mailer,
        publicUrl: ctx.config.publicUrl,
        log: (msg, data) => req.log.warn(data, msg),
      },
      auditActor(actor),
      req.params.id,
      req.body,
    );
  });

  route(api, endpoints.getInvitation, async (req) => readInvitation(ctx.database.db, req.params.token));

  route(api, endpoints.acceptInvitation, async (req, reply) => {
    await acceptInvitation(ctx.database.db, req.params.token, req.body.password, req.ip);
    return reply.status(204).send(null);
  });

  route(api, endpoints.requestPasswordReset, async (req, reply) => {
    await requestPasswordReset(ctx.jobs, req.body.email, req.ip);
    return reply.status(204).send(null);
  });

  route(api, endpoints.getResetLink, async (req) => readResetLink(ctx.database.db, req.params.token));

  route(api, endpoints.resetPassword, async (req, reply) => {
    await resetPassword({ db: ctx.database.db, auth: ctx.auth }, req.params.token, req.body.password, req.ip);
    return reply.status(204).send(null);
  });

  route(api, endpoints.listMySessions, async (req) => {
    const actor = await authenticate(ctx, req);
    return listMySessions(ctx.database.db, actor, await sessionTokenOf(ctx, req));
  });

  route(api, endpoints.endMySession, async (req, reply) => {
    const actor = await authenticate(ctx, req);
    await endMySession(ctx.database.db, actor, req.params.id);
    return reply.status(204).send(null);
  });

  route(api, endpoints.endMyOtherSessions, async (req) => {
    const actor = await authenticate(ctx, req);
    return endMyOtherSessions(ctx.database.db, actor, await sessionTokenOf(ctx, req));
  });

  route(api, endpoints.endUserSessions, async (req) => {
    const actor = await authorize(ctx, req, 'users.manage');
    return endUserSessions(ctx.database.db, actor, req.params.id);
  });
};
