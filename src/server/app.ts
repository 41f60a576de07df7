import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import '../shared/zod-setup';
import { requestLogSerializer } from '../modules/platform/http/log-redaction';
import { registerRequestLogging } from '../modules/platform/http/request-logging';
import { accountsRoutes } from '../modules/accounts/routes';
import { twoFactorRoutes } from '../modules/accounts/two-factor-routes';
import { ssoRoutes } from '../modules/accounts/sso-routes';
import { letterheadRoutes } from '../modules/accounts/letterhead-routes';
import { delegationRoutes } from '../modules/accounts/delegation-routes';
import { sessionGate } from '../modules/accounts/session-gate';
import { agreementsRoutes } from '../modules/agreements/routes';
import { auditRoutes } from '../modules/audit/routes';
import { channelRoutes } from '../modules/channel/routes';
import { channelRoutingRoutes } from '../modules/channel/routing-routes';
import { channelReportRoutes } from '../modules/channel/report-routes';
import { directoryRoutes } from '../modules/directory/routes';
import { governanceRoutes } from '../modules/governance/routes';
import { reportsRoutes } from '../modules/reports/routes';
import { programRoutes } from '../modules/program/routes';
import { importExportRoutes } from '../modules/directory/import-export/routes';
import { outreachRoutes } from '../modules/outreach/routes';
import { observersRoutes } from '../modules/outreach/observers/routes';
import type { AppContext } from '../modules/platform/http/context';
import { registerCompression, serveWebApp } from './web-delivery';
import { assertSameOrigin } from '../modules/platform/http/csrf';
import { frameworkErrorHandler, registerErrorHandling } from '../modules/platform/http/errors';
import { openApiOptions } from '../modules/platform/http/openapi';
import { rawSecurityHeaders, securityHeaders } from '../modules/platform/http/security-headers';
import { validatorCompiler } from '../modules/platform/http/validation';
import type { ModuleRoutes } from '../modules/platform/http/types';

const MODULES: ModuleRoutes[] = [
  accountsRoutes,
  twoFactorRoutes,
  ssoRoutes,
  letterheadRoutes,
  delegationRoutes,
  directoryRoutes,
  importExportRoutes,
  auditRoutes,
  agreementsRoutes,
  channelRoutes,
  channelRoutingRoutes,
  channelReportRoutes,
  governanceRoutes,
  reportsRoutes,
  programRoutes,
  outreachRoutes,
  observersRoutes,
];

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(
  ctx: AppContext,
  options: { logger?: { level: string; stream?: DestinationStream } } = {},
) {
  const app = Fastify({
    logger: {
      ...(options.logger ?? { level: ctx.config.logLevel }),
      serializers: { req: requestLogSerializer },
    },
    // One line per slow or failing request instead (VINCULA_LOG_REQUESTS, VINCULA_SLOW_REQUEST_MS).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Forwarded headers only from our own proxies (none by default): see VINCULA_TRUSTED_PROXIES.
    trustProxy: ctx.config.trustedProxies.length ? ctx.config.trustedProxies : false,
    frameworkErrors: frameworkErrorHandler(rawSecurityHeaders(ctx.config.publicUrl)),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerRequestLogging(app, ctx.config.requestLog);
  await app.register(securityHeaders, { publicUrl: ctx.config.publicUrl });
  await registerCompression(app);

  await app.register(fastifySwagger, openApiOptions(ctx.config.publicUrl));
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 1 } });

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) assertSameOrigin(request, ctx.config.publicUrl);
  });
  app.addHook('onRequest', sessionGate(ctx));
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Plataforma'],
        summary: 'Estado del servicio y de la base de datos',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok') }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await ctx.database.db.execute(sql`select 1`);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );

  for (const routes of MODULES) routes(app, ctx);

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) await serveWebApp(app, WEB_DIST);

  return app;
}
