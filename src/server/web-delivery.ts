import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../modules/platform/errors';

/** Hashed file names change with their content, so a browser may keep them for a year unasked. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: the browser must ask every time (a 304 is cheap). */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * Compresses answers of 1 KiB or more (API JSON, CSV, HTML) on the fly with brotli or gzip as the
 * browser accepts. Brotli at quality 4: near gzip's speed with smaller output; the web app's own
 * files are compressed once at build time at full quality instead (vite.config.ts). Compressed
 * request bodies are not accepted: no client of ours sends them, and they would only widen what
 * an attacker can send.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/**
 * Serves the built web app (dist/web): the build's .br and .gz siblings by Accept-Encoding
 * (preCompressed), hashed assets cached for a year, and index.html for every other path outside
 * /api, revalidated on each load.
 */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  // cacheControl false: @fastify/send would otherwise overwrite ours with "public, max-age=0".
  await app.register(fastifyStatic, {
    root: webDist,
    serve: false,
    preCompressed: true,
    cacheControl: false,
  });
  // The single-page app owns every path outside /api.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    let file: string;
    try {
      file = decodeURIComponent(request.url.split('?')[0]!).replace(/^\/+/, '');
    } catch {
      return reply.status(404).send(new AppError('NOT_FOUND', 404).toJSON());
    }
    const full = path.join(webDist, file);
    // Dot folders (the build's .vite/manifest.json) are build records, not part of the app.
    const hidden = file.split('/').some((segment) => segment.startsWith('.'));
    if (
      !hidden &&
      file &&
      full.startsWith(webDist + path.sep) &&
      fs.existsSync(full) &&
      fs.statSync(full).isFile()
    ) {
      const immutable = file.startsWith('assets/');
      return reply.header('cache-control', immutable ? IMMUTABLE_CACHE : REVALIDATE_CACHE).sendFile(file);
    }
    return reply.header('cache-control', REVALIDATE_CACHE).sendFile('index.html');
  });
}
