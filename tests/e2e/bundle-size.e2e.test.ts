import { describe, expect, it } from 'vitest';
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
// Where the target is not reached yet, the ceiling is the figure reached plus a small
// margin, so the build cannot grow past it unnoticed; lower the ceiling when a change shrinks it
// and remove it once the target holds (docs/PERFORMANCE.md, "Web delivery").
const TARGETS = { signIn: 120, home: 250, chunk: 150, css: 40 };
// home: 369.3 when the ceiling was set; 374.3 once the periods hook and the typed endpoints of four
// more modules landed the same day; 379.6 (sign-in 186.3) once the sign-in page gained its second
// factor step and the forgotten-password link, and the accounts endpoints grew by the reset, session
// and two-factor contracts that both pages load; sign-in 184.1 (home 380.5) once the router stopped
// pulling the navigation's icons into the first page for the enrolment page's path; 381.1 once the
// navigation gained the administrator's letterhead page (its entry, icon and permission; the page,
// its endpoints and its strings load only with it); 381.6 once the sessions' cancellation, the
// confirmations and the register import added their strings; 379.2 once the audit trail's labels
// (the largest section of the strings) loaded only with its page; 380.5 once the navigation gained
// the delegations page (its entry and icon), the sign-in page its providers' links and the channel
// its open-routings question and the communication's files (their strings).
const CEILINGS = { signIn: 185, home: 381 };

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
    expect(js, list(signIn!.js)).toBeLessThanOrEqual(Math.max(TARGETS.signIn, CEILINGS.signIn));
    // Compression must actually shrink what is sent (the .br files exist and are current).
    expect(total(signIn!.js, 'brotli')).toBeLessThan(total(signIn!.js, 'raw') / 3);
  });

  it('home after signing in loads at most its budget of compressed JavaScript in all', () => {
    const js = kB(total(home!.js, 'brotli'));
    expect(js, list(home!.js)).toBeLessThanOrEqual(Math.max(TARGETS.home, CEILINGS.home));
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
