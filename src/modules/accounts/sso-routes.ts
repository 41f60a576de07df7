import type { FastifyReply, FastifyRequest } from 'fastify';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { authorize } from './actor';
import { finishSsoSignIn } from './finish-sso-sign-in';
import { setSsoPolicy } from './set-sso-policy';
import * as adminEndpoints from './sso-policy/endpoints';
import * as signInEndpoints from './sso/endpoints';
import { readSsoPolicy } from './sso-policy';
import { isSsoRefusal } from './sso-contract';
import { SsoRefused } from './sso-refusal';
import { startSsoSignIn } from './start-sso-sign-in';

// Single sign-on with the organizations' OpenID Connect providers (ADR 0034).
export const ssoRoutes: ModuleRoutes = (api, ctx) => {
  const endpoints = { ...signInEndpoints, ...adminEndpoints };
  route(api, endpoints.getSignInOptions, async (req) => {
    const reason = req.query.sso;
    return {
      providers: ctx.config.sso.map((p) => ({ id: p.id, label: p.label })),
      ...(reason === undefined
        ? {}
        : { refusal: new SsoRefused(isSsoRefusal(reason) ? reason : 'proveedor').message }),
    };
  });

  route(api, endpoints.startSsoSignIn, async (req, reply) =>
    toSignInPage(req, reply, async () => {
      const { url, cookies } = await startSsoSignIn(ctx, req.params.provider, {
        ip: req.ip,
        headers: req.headers,
      });
      return reply.header('set-cookie', cookies).redirect(url, 302);
    }),
  );

  route(api, endpoints.finishSsoSignIn, async (req, reply) =>
    toSignInPage(req, reply, async () => {
      const cookies = await finishSsoSignIn(ctx, req.params.provider, req.query, {
        ip: req.ip,
        headers: req.headers,
      });
      return reply.header('set-cookie', cookies).redirect('/', 303);
    }),
  );

  route(api, endpoints.getSsoPolicy, async (req) => {
    const actor = await authorize(ctx, req, 'users.read');
    return readSsoPolicy(ctx.database.db, ctx.config, actor.organizationId);
  });

  route(api, endpoints.setSsoPolicy, async (req) => {
    const actor = await authorize(ctx, req, 'users.manage');
    return setSsoPolicy(ctx.database.db, ctx.config, actor, req.body.required);
  });
};

/**
 * A browser (it asks for a page) is sent back to the sign-in page, which explains the refusal in
 * Spanish; any other client gets the refusal's code and message.
 */
async function toSignInPage(req: FastifyRequest, reply: FastifyReply, go: () => Promise<FastifyReply>) {
  try {
    return await go();
  } catch (error) {
    if (!(error instanceof SsoRefused) || !req.headers.accept?.includes('text/html')) throw error;
    req.log.info({ reason: error.reason }, 'single sign-on refused');
    return reply.redirect(`/iniciar-sesion?sso=${error.reason}`, 303);
  }
}
