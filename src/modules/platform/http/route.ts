import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/errors';
import type { Endpoint } from '../../../shared/endpoint';
import { responses, type Api } from './types';

type Field<E, K extends string> = E extends { [key in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

/** The request a handler of `E` receives: params, query and body already validated by its schemas. */
export type EndpointRequest<E extends Endpoint> = FastifyRequest & {
  params: Field<E, 'params'>;
  query: Field<E, 'query'>;
  body: Field<E, 'body'>;
};

/** A handler answers the endpoint's response, or sends its own answer (headers, files) and returns the reply. */
export type EndpointHandler<E extends Endpoint> = (
  req: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<(E extends { status: 204 } ? void : z.input<E['response']>) | FastifyReply>;

/**
 * Registers the route an endpoint declares: its schemas validate the request and serialize the
 * answer, and the OpenAPI document describes it (operationId, summary, `security: []` when public).
 * The answer goes out with the endpoint's status (200 unless it says 201, 202 or 204).
 */
export function route<const E extends Endpoint>(api: Api, endpoint: E, handler: EndpointHandler<E>): void {
  const status = endpoint.status ?? 200;
  const extraErrors = Object.fromEntries((endpoint.errors ?? []).map((code) => [code, ApiErrorSchema]));
  api.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      operationId: endpoint.operationId,
      tags: [...endpoint.tags],
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      ...(endpoint.public ? { security: [] } : {}),
      ...(endpoint.consumes ? { consumes: [...endpoint.consumes] } : {}),
      ...(endpoint.produces ? { produces: [...endpoint.produces] } : {}),
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { ...responses({ [status]: endpoint.response }), ...extraErrors },
    },
    handler: async (req, reply) => {
      const answer = await handler(req as EndpointRequest<E>, reply);
      if (answer === reply || reply.sent) return reply;
      // The response schemas are the endpoint's: the type provider cannot follow them through E.
      return reply.status(status).send((status === 204 ? null : answer) as never);
    },
  });
}
