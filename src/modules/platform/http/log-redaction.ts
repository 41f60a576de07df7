import type { FastifyRequest } from 'fastify';

/**
 * Request logs without the secrets some addresses carry: calendar-feed tokens, unsubscribe and
 * open-tracking links. Whoever reads the logs could otherwise subscribe to a feed or unsubscribe
 * someone. Hidden: path parameters whose name says token or secret (from the route's own
 * pattern, so new routes are covered), such query parameters, and the token of the pages e-mailed
 * links open in the single-page app.
 */
export const REDACTED = '[oculto]';

const SECRET_NAME = /token|secret/i;
/**
 * Pages of the single-page app whose last segment is a secret (web router: /baja/:token, the
 * setup link /instalacion/:token, invitations /invitacion/:token, a convocatoria's /convocatoria/:token).
 */
const SECRET_PAGES = ['/baja/', '/instalacion/', '/invitacion/', '/convocatoria/'];

export function redactUrl(url: string, routePattern: string | undefined): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  return redactPath(path, routePattern) + (q === -1 ? '' : `?${redactQuery(query)}`);
}

function redactPath(path: string, routePattern: string | undefined): string {
  const page = SECRET_PAGES.find((p) => path.startsWith(p) && path.length > p.length);
  if (page) return page + REDACTED;
  if (!routePattern) return path;
  const pattern = routePattern.split('/');
  return path
    .split('/')
    .map((segment, i) => {
      const name = pattern[i]?.startsWith(':') ? pattern[i]!.slice(1) : undefined;
      return name && SECRET_NAME.test(name) ? REDACTED : segment;
    })
    .join('/');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_NAME.test(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** Fastify's request serializer, with the URL redacted. */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url, request.routeOptions?.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
