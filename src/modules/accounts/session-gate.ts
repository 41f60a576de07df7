import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/http/context';
import { authenticate } from './actor';

/**
 * Whether a route may be called without a session: it declares so in its schema with
 * `security: []` (the same declaration the API document shows), e.g. sign-in, the health check,
 * signed links. Hidden routes (the API document, its page, the web app) are not API routes.
 */
function isOpen(schema: { security?: unknown[]; hide?: boolean } | undefined): boolean {
  return Boolean(schema?.hide || (Array.isArray(schema?.security) && schema.security.length === 0));
}

/**
 * Every route of the API requires a session, checked before anything reads the input: an
 * anonymous caller gets 401, never the route's validation answer (which would describe the
 * route's fields to anyone). Runs as an onRequest hook, so not even the body is parsed first. The
 * actor found is kept for the handler's `authorize`, which then checks the permission.
 */
export function sessionGate(ctx: AppContext) {
  return async function requireSession(request: FastifyRequest): Promise<void> {
    const route = request.routeOptions;
    if (!route.url?.startsWith('/api/') || isOpen(route.schema as Parameters<typeof isOpen>[0])) return;
    await authenticate(ctx, request);
  };
}
