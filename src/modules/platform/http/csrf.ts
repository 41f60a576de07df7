import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for cookie-authenticated requests. Browsers mark every request
 * with `Sec-Fetch-Site` and, for cross-origin writes, `Origin`; a write is refused when either
 * says it comes from another site. Clients that are not browsers send neither and carry no
 * ambient cookies to abuse. Session cookies are also SameSite=Lax.
 */
export function assertSameOrigin(request: FastifyRequest, trustedOrigin: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('CROSS_ORIGIN_REQUEST', 403);
  const origin = request.headers.origin;
  if (origin && origin !== trustedOrigin && origin !== selfOrigin(request)) {
    throw new AppError('CROSS_ORIGIN_REQUEST', 403);
  }
}

function selfOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
