import type { ApiError, FieldProblem } from '@/shared/errors';
import { endpointPath, type Endpoint, type EndpointArgs, type EndpointResult } from '@/shared/endpoint';

/** A failed API call: the server's stable code, its Spanish message and the fields at fault. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** `/api/x?a=1&b=2&c=x,y`, leaving out empty values; a list travels comma-separated. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text === undefined || text === null || text === '') continue;
    params.set(key, String(text));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

let onUnauthenticated: (() => void) | undefined;

/** Called when any request answers 401 (the session ended): the app sends the user to sign in. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function toError(res: Response): Promise<ApiRequestError> {
  let body: Partial<ApiError> | undefined;
  try {
    body = (await res.json()) as Partial<ApiError>;
  } catch {
    body = undefined;
  }
  return new ApiRequestError(
    res.status,
    body?.code ?? `HTTP_${res.status}`,
    body?.message ?? '',
    Array.isArray(body?.fields) ? body.fields : [],
  );
}

async function send(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const isForm = body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      ...init,
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', '');
  }
  if (!res.ok) {
    const error = await toError(res);
    // The sign-in form handles its own 401; elsewhere a 401 means the session is gone.
    if (res.status === 401 && path !== '/api/session') onUnauthenticated?.();
    throw error;
  }
  return res;
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, query?: Query) => json<T>(await send('GET', withQuery(path, query))),
  post: async <T>(path: string, body?: unknown) => json<T>(await send('POST', path, body)),
  put: async <T>(path: string, body?: unknown) => json<T>(await send('PUT', path, body)),
  patch: async <T>(path: string, body?: unknown) => json<T>(await send('PATCH', path, body)),
  delete: async <T = void>(path: string) => json<T>(await send('DELETE', path)),
  /** Sends one file as multipart/form-data under `field`. */
  upload: async <T>(path: string, file: File, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return json<T>(await send('POST', path, form));
  },
  /** Downloads a file answer and hands it to the browser under the server's file name. */
  download: async (path: string, query: Query, fallbackName: string) => {
    const res = await send('GET', withQuery(path, query), undefined, { headers: {} });
    const blob = await res.blob();
    const disposition = res.headers.get('content-disposition') ?? '';
    const name =
      /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name ? decodeURIComponent(name) : fallbackName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/**
 * A body as a form sends it, before validation: a field the person left empty travels empty (null,
 * '' or absent) and the server's answer names it, since the same schema validates there.
 */
export type Unfinished<T> = { [K in keyof T]?: T[K] | string | string[] | null };

type Args<E extends Endpoint> = keyof EndpointArgs<E> extends never
  ? []
  : Partial<EndpointArgs<E>> extends EndpointArgs<E>
    ? [args?: EndpointArgs<E>]
    : [args: EndpointArgs<E>];

/**
 * Calls an endpoint declared in a module's `endpoints.ts`: fills its path, sends its query and body,
 * and answers its response type. The response is not parsed again here: the server serialized it
 * through the same schema (ADR 0022).
 */
export async function callEndpoint<E extends Endpoint>(
  endpoint: E,
  ...[args]: Args<E>
): Promise<EndpointResult<E>> {
  const { params, query, body } = (args ?? {}) as { params?: object; query?: Query; body?: unknown };
  const path = withQuery(endpointPath(endpoint.path, params as Record<string, unknown>), query);
  return json<EndpointResult<E>>(await send(endpoint.method, path, body));
}

type FileArgs<E extends Endpoint> = Omit<EndpointArgs<E>, 'body'>;

/** Sends one file, as multipart/form-data under `field`, to an endpoint that consumes it. */
export async function uploadToEndpoint<E extends Endpoint>(
  endpoint: E,
  args: FileArgs<E>,
  file: File,
  field = 'file',
): Promise<EndpointResult<E>> {
  const { params, query } = args as { params?: object; query?: Query };
  const form = new FormData();
  form.append(field, file);
  const path = withQuery(endpointPath(endpoint.path, params as Record<string, unknown>), query);
  return json<EndpointResult<E>>(await send(endpoint.method, path, form));
}

/**
 * Sends a form with its files in one multipart request, to an endpoint that takes them so: the
 * form's JSON in the field "data", each file in a field "files". The server keeps all or nothing.
 */
export async function sendWithFiles<E extends Endpoint>(
  endpoint: E,
  args: FileArgs<E>,
  data: unknown,
  files: readonly File[],
): Promise<EndpointResult<E>> {
  const { params, query } = args as { params?: object; query?: Query };
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const file of files) form.append('files', file);
  const path = withQuery(endpointPath(endpoint.path, params as Record<string, unknown>), query);
  return json<EndpointResult<E>>(await send(endpoint.method, path, form));
}

/** Downloads an endpoint's file answer under the server's file name (`fallbackName` without one). */
export function downloadEndpoint<E extends Endpoint>(
  endpoint: E,
  args: FileArgs<E>,
  fallbackName: string,
): Promise<void> {
  const { params, query } = args as { params?: object; query?: Query };
  return api.download(
    endpointPath(endpoint.path, params as Record<string, unknown>),
    query ?? {},
    fallbackName,
  );
}

/** The address of an endpoint's GET answer, for a link the browser follows itself (a file). */
export function endpointUrl<E extends Endpoint & { method: 'GET' }>(endpoint: E, args: FileArgs<E>): string {
  const { params, query } = args as { params?: object; query?: Query };
  return withQuery(endpointPath(endpoint.path, params as Record<string, unknown>), query);
}
