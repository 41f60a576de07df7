import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { authenticate, authorize } from './actor';
import { completeSignIn } from './complete-sign-in';
import { disableTwoFactor } from './disable-two-factor';
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from './enrol-two-factor';
import { resetUserTwoFactor } from './reset-user-two-factor';
import { setTwoFactorPolicy } from './set-two-factor-policy';
import { SignInThrottled } from './sign-in';
import * as endpoints from './endpoints';
import { findTwoFactorPolicy } from './two-factor-repository';

// Two-factor authentication (ADR 0028).
export const twoFactorRoutes: ModuleRoutes = (api, ctx) => {
  route(api, endpoints.verifySignInCode, async (req, reply) => {
    try {
      const cookies = await completeSignIn(ctx, req.body.code, { ip: req.ip, headers: req.headers });
      return reply.header('set-cookie', cookies).status(204).send(null);
    } catch (error) {
      if (error instanceof SignInThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });

  route(api, endpoints.startTwoFactorEnrolment, async (req) => {
    const actor = await authenticate(ctx, req);
    return startTwoFactorEnrolment(ctx, actor, req.body.password, req.headers);
  });

  route(api, endpoints.confirmTwoFactorEnrolment, async (req, reply) => {
    const actor = await authenticate(ctx, req);
    const { recoveryCodes, cookies } = await confirmTwoFactorEnrolment(
      ctx,
      actor,
      req.body.code,
      req.headers,
    );
    return reply.header('set-cookie', cookies).send({ recoveryCodes });
  });

  route(api, endpoints.disableTwoFactor, async (req, reply) => {
    const actor = await authenticate(ctx, req);
    const cookies = await disableTwoFactor(ctx, actor, req.body.password, req.headers);
    return reply.header('set-cookie', cookies).status(204).send(null);
  });

  route(api, endpoints.getTwoFactorPolicy, async (req) => {
    const actor = await authorize(ctx, req, 'users.read');
    return { requiredRoles: await findTwoFactorPolicy(ctx.database.db, actor.organizationId) };
  });

  route(api, endpoints.setTwoFactorPolicy, async (req) => {
    const actor = await authorize(ctx, req, 'users.manage');
    return setTwoFactorPolicy(ctx.database.db, actor, req.body.requiredRoles);
  });

  route(api, endpoints.resetUserTwoFactor, async (req) => {
    const actor = await authorize(ctx, req, 'users.manage');
    return resetUserTwoFactor(ctx.database.db, actor, req.params.id);
  });
};
