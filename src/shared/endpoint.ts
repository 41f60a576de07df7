import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API endpoint, declared once (ADR 0022): the server registers its route from it
 * (`platform/http/route.ts`, which also puts it in the OpenAPI document) and the web app calls it
 * with the types it infers (`web/shared/api/client.ts`, `callEndpoint`).
 */
export type Endpoint = {
  method: HttpMethod;
  /** Fastify's syntax: `/api/areas/:id`; every `:name` is a key of `params`. */
  path: `/api/${string}`;
  /** The OpenAPI operationId: camelCase, unique in the API (a test checks it). */
  operationId: string;
  tags: readonly string[];
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * The success answer's status (200 unless said) and body; 202 when the work is queued, 204 answers
   * carry none.
   */
  status?: 200 | 201 | 202 | 204;
  response: z.ZodType;
  /** Error answers beyond the ones every route may give (400, 401, 403, 404, 409), e.g. 429. */
  errors?: readonly number[];
  /** Answered without a session (the OpenAPI document declares `security: []`). */
  public?: boolean;
  /** Request media types other than JSON, e.g. `multipart/form-data` for an upload (no `body` then). */
  consumes?: readonly string[];
  /** Answer media types other than JSON, e.g. a file download's `text/csv`. */
  produces?: readonly string[];
};

export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

type Field<E, K extends string> = E extends { [key in K]: infer S extends z.ZodType } ? S : never;

/** A query's values, each optional; empty ones (null, '') are left out of the URL. */
type QueryArgs<Q> = { [K in keyof Q]?: Q[K] | null };

/** What a caller passes: path parameters, query and body, each only when the endpoint has one. */
export type EndpointArgs<E extends Endpoint> = ([Field<E, 'params'>] extends [never]
  ? { params?: undefined }
  : { params: z.output<Field<E, 'params'>> }) &
  ([Field<E, 'query'>] extends [never]
    ? { query?: undefined }
    : { query?: QueryArgs<z.output<Field<E, 'query'>>> }) &
  ([Field<E, 'body'>] extends [never] ? { body?: undefined } : { body: z.input<Field<E, 'body'>> });

/** What the endpoint answers on success, as the client receives it. */
export type EndpointResult<E extends Endpoint> = E extends { status: 204 } ? void : z.output<E['response']>;

/** `/api/people/:id/positions/:positionId` with `{ id, positionId }` → the URL path, each part encoded. */
export function endpointPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
