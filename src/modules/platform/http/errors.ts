import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldProblem } from '../../../shared/errors';
import { AppError } from '../errors';

type ZodIssueLike = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

export function issuesToFields(issues: readonly ZodIssueLike[], prefix?: string): FieldProblem[] {
  return issues.flatMap((i) => {
    const base = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    // An unknown field is reported at the field itself, not at its parent object.
    if (i.code === 'unrecognized_keys' && i.keys) {
      return i.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'Este campo no se admite' }));
    }
    return [{ path: base, message: i.message }];
  });
}

// PostgreSQL errors that reach us only when input slipped past validation (e.g. a race on a
// unique value, a reference to a row removed meanwhile): answered as 409, never as 500.
const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_CHECK_VIOLATION = '23514';

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(error.toJSON());
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.status(500).send(new AppError('INTERNAL', 500).toJSON());
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE', 413).toJSON());
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(new AppError('UNSUPPORTED_MEDIA_TYPE', 415).toJSON());
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.status(400).send(new AppError('MALFORMED_REQUEST', 400).toJSON());
    }
    if (error.statusCode === 429) return reply.status(429).send(new AppError('RATE_LIMITED', 429).toJSON());
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.status(400).send(new AppError('MALFORMED_REQUEST', 400).toJSON());
    }
    const code = pgCode(error);
    if (code === PG_UNIQUE_VIOLATION) return reply.status(409).send(new AppError('DUPLICATE', 409).toJSON());
    if (code === PG_FOREIGN_KEY_VIOLATION || code === PG_CHECK_VIOLATION) {
      return reply.status(409).send(new AppError('CONFLICT', 409).toJSON());
    }
    // Class 22, data exceptions: a value the database cannot hold (a NUL byte, a number out of range).
    if (code?.startsWith('22'))
      return reply.status(400).send(new AppError('MALFORMED_REQUEST', 400).toJSON());
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(new AppError('INTERNAL', 500).toJSON());
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(new AppError('NOT_FOUND', 404).toJSON());
  });
}

/**
 * Fastify's `frameworkErrors`: failures of the router itself, before any hook or handler runs (an
 * address that does not decode, such as "/%ff", or a parameter over the length limit). Answered in
 * the API's format, with the security headers the hooks would have set.
 */
export function frameworkErrorHandler(secure: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    await secure(request.raw, reply.raw).catch((e: unknown) => request.log.error({ err: e }, 'headers'));
    const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
    return reply
      .status(status)
      .header('cache-control', 'no-store')
      .send(new AppError('MALFORMED_REQUEST', status).toJSON());
  };
}
