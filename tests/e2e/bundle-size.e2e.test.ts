import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientEndpoints } from '../../scripts/vite-plugins';
import {
  BUDGET_PAGES,
  allChunks,
  allCss,
  pageSizes,
  readBundledPackages,
  readManifest,
  total,
  type FileSize,
} from '../../scripts/bundle-sizes';

// The size budget of what a browser downloads (issue 18), read from the build in dist/web (run
// `npm run build` first, as `npm test` and `npm run test:e2e` do): which files each page loads
// comes from Vite's manifest, their compressed sizes from the .br files the build writes and the
// server sends (tests/e2e/web-delivery.e2e.test.ts checks that the browser loads those files).
// Sizes in kB of 1,000 bytes, brotli as sent.
//
// Each page is held to the figure reached plus a small margin, so the build cannot grow unnoticed:
// above the target where it is not reached yet (sign-in: 155.4 kB against 120), below it where it
// is met (home: 235.1 kB against 250). A change that shrinks a page lowers its ceiling; one that
// must grow a page whose target holds may raise it, up to the target, saying why
// (docs/PERFORMANCE.md, "Web delivery", has the history).
const TARGETS = { signIn: 120, home: 250, chunk: 150, css: 40 };
// Home rose to 238 when the sign-in page's forms moved onto the shared form layer (issue 13:
// 237.1 kB, the layer's hook shared with the signed-in pages; zod and the Spanish map load with a
// form's first check, not with the page).
const CEILINGS = { signIn: 157, home: 238 };

const SERVER_ONLY = [
  'date-holidays',
  'drizzle-orm',
  'fastify',
  'pg',
  'pdfmake',
  'docx',
  'exceljs',
  'nodemailer',
];

const kB = (bytes: number) => bytes / 1000;
const list = (files: FileSize[]) => files.map((f) => `${f.file} ${kB(f.brotli).toFixed(1)} kB`).join(', ');

describe('size budget of the web build', () => {
  const manifest = readManifest();
  const [signIn, home] = BUDGET_PAGES.map((p) => pageSizes(manifest, p));

  it('the sign-in page loads at most its budget of compressed JavaScript', () => {
    const js = kB(total(signIn!.js, 'brotli'));
    expect(js, list(signIn!.js)).toBeLessThanOrEqual(CEILINGS.signIn);
    // Compression must actually shrink what is sent (the .br files exist and are current).
    expect(total(signIn!.js, 'brotli')).toBeLessThan(total(signIn!.js, 'raw') / 3);
  });

  it('home after signing in loads at most its budget of compressed JavaScript in all', () => {
    const js = kB(total(home!.js, 'brotli'));
    expect(js, list(home!.js)).toBeLessThanOrEqual(CEILINGS.home);
    expect(CEILINGS.home).toBeLessThanOrEqual(TARGETS.home);
    // The home page's own parts are on top of the sign-in page's, which they reuse.
    expect(home!.js.length).toBeGreaterThan(signIn!.js.length);
  });

  it('no chunk goes over 150 kB compressed', () => {
    const chunks = allChunks(manifest);
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.filter((c) => kB(c.brotli) > TARGETS.chunk)).toEqual([]);
  });

  it('stylesheets stay within 40 kB compressed in all', () => {
    const css = allCss(manifest);
    expect(css.length).toBeGreaterThan(0);
    expect(kB(total(css, 'brotli')), list(css)).toBeLessThanOrEqual(TARGETS.css);
  });

  it('server-only packages stay out of the browser build', () => {
    const packages = readBundledPackages();
    expect(packages).toContain('react-dom');
    expect(packages.filter((p) => SERVER_ONLY.includes(p))).toEqual([]);
  });
});

describe('endpoint declarations in the browser build', () => {
  // The build hands the browser each endpoints.ts reduced to what the client reads (method, path,
  // operationId, status), without the Zod schemas; a stub that lost or changed a field would call
  // the wrong URL.
  const root = path.resolve(import.meta.dirname, '../../src/modules');
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'endpoints.ts')
    .map((f) => path.join(root, f));

  it.each(files.map((f) => [path.relative(root, f), f]))('%s', async (_name, file) => {
    const server = (await import(file)) as Record<string, unknown>;
    const stub = clientEndpoints(fs.readFileSync(file, 'utf8'), file);
    expect(stub).not.toMatch(/zod|Schema/);
    const browser = (await import(`data:text/javascript,${encodeURIComponent(stub)}`)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(browser).sort()).toEqual(Object.keys(server).sort());
    const fields = (e: unknown) => {
      const { method, path: p, operationId, status } = e as Record<string, unknown>;
      return { method, path: p, operationId, status };
    };
    for (const [name, value] of Object.entries(server)) {
      if (Array.isArray(value)) expect(browser[name]).toEqual(value.map(fields));
      else expect(browser[name], name).toEqual(fields(value));
    }
  });
});
