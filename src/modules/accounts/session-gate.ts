import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/http/context';
import { AppError } from '../platform/errors';
import { authenticate, mustEnrolTwoFactor } from './actor';
import { getMe, OPEN_BEFORE_ENROLMENT, signOut } from './endpoints';

/**
 * What a person whose role requires a second factor may do before enrolling one (ADR 0028): see
 * who they are, enrol, and sign out. Everything else answers 403 TWO_FACTOR_ENROLMENT_REQUIRED.
 */
const OPEN_TO_UNENROLLED = new Set(
  [getMe, signOut, ...OPEN_BEFORE_ENROLMENT].map((e) => `${e.method} ${e.path}`),
);

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
 * actor found is kept for the handler's `authorize`, which then checks the permission. A person
 * who must enrol a second factor is held to the enrolment routes here, for every route at once.
 */
export function sessionGate(ctx: AppContext) {
  return async function requireSession(request: FastifyRequest): Promise<void> {
    const route = request.routeOptions;
    if (!route.url?.startsWith('/api/') || isOpen(route.schema as Parameters<typeof isOpen>[0])) return;
    const actor = await authenticate(ctx, request);
    if (mustEnrolTwoFactor(actor) && !OPEN_TO_UNENROLLED.has(`${request.method} ${route.url}`)) {
      throw new AppError('TWO_FACTOR_ENROLMENT_REQUIRED', 403);
    }
  };
}
