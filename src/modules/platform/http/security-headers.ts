import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * The security headers of every answer (the web app, the API, its documentation page, downloads).
 * The app and the API page load scripts only from our origin; Mantine sets inline styles, so
 * styles may be inline (they cannot run code). No page of ours may be framed: a same-site page
 * framed the signed-in app. HSTS and the upgrade of plain requests only when the public address
 * is https (a plain-http deployment, tests included, would lock browsers out).
 */
export function securityHeaderOptions(publicUrl: string): FastifyHelmetOptions {
  const https = publicUrl.startsWith('https:');
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The parent domain of a deployment is not ours to bind: no includeSubDomains.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // Mail clients load the open-tracking image from other sites; that route relaxes it.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}

/** Registers the headers on every route of the app (hooks of the root, not encapsulated). */
export const securityHeaders = fp(async (app, options: { publicUrl: string }) => {
  await app.register(fastifyHelmet, { ...securityHeaderOptions(options.publicUrl), global: true });
});

/** The same headers for an answer Fastify sends before any hook runs (a malformed address). */
export function rawSecurityHeaders(publicUrl: string) {
  // The same options; helmet's ESM and CommonJS typings differ only in name.
  const apply = helmet(securityHeaderOptions(publicUrl) as Parameters<typeof helmet>[0]);
  return (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve, reject) => apply(req, res, (e?: unknown) => (e ? reject(e) : resolve())));
}
