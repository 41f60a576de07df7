import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../shared/errors';
import type { AppContext } from './context';

export type Api = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's routes: registered on the API with the shared context. */
export type ModuleRoutes = (api: Api, ctx: AppContext) => void;

/** The success responses of a route plus the error answers every route may give. */
export function responses<T extends Record<number, unknown>>(ok: T) {
  return {
    ...ok,
    400: ApiErrorSchema,
    401: ApiErrorSchema,
    403: ApiErrorSchema,
    404: ApiErrorSchema,
    409: ApiErrorSchema,
  };
}
