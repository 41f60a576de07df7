import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_PAGES, filesLoaded, readManifest } from '../../scripts/bundle-sizes';
import { launchBrowser, newContext, signIn } from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// How the web app reaches a browser (issue 18): its files compressed at build time and chosen by
// Accept-Encoding, hashed files cached for a year, index.html asked for again on every load, API
// answers compressed above 1 KiB; and the pages fetch exactly the chunks the size budget counts
// (tests/e2e/bundle-size.e2e.test.ts reads them from Vite's manifest).

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The JavaScript files the page fetches, with their answers' headers, by path. */
function watchScripts(page: Page): Map<string, Record<string, string>> {
  const scripts = new Map<string, Record<string, string>>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.set(url.pathname.replace(/^\//, ''), response.headers());
  });
  return scripts;
}

describe('web delivery', () => {
  it('serves the scripts compressed and immutable, index.html revalidated, the pages loading what the budget counts', async () => {
    const manifest = readManifest();
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const scripts = watchScripts(page);

    const index = await page.goto('/iniciar-sesion');
    expect(index!.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    await page.waitForLoadState('networkidle');
    const signInFiles = filesLoaded(manifest, BUDGET_PAGES[0]!.sources).js;
    expect([...scripts.keys()].sort()).toEqual(signInFiles);
    for (const [file, headers] of scripts) {
      expect(headers['content-encoding'], file).toMatch(/^(br|gzip)$/);
      expect(headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(headers['content-type'], file).toMatch(/^(text|application)\/javascript/);
      expect(headers['vary'], file).toMatch(/accept-encoding/i);
    }

    await signIn(page, 'enlace@iecm.demo');
    await page.waitForLoadState('networkidle');
    await page.getByRole('table', { name: 'Folios recibidos por mes' }).waitFor();
    await page.waitForLoadState('networkidle');
    const homeFiles = filesLoaded(manifest, BUDGET_PAGES[1]!.sources).js;
    expect([...scripts.keys()].sort()).toEqual(homeFiles);

    // The sign-in page carries only its own strings; the signed-in frame brings the rest, and the
    // channel's pages their module's section.
    await page.goto('/canal/folios');
    await page.getByRole('heading', { level: 1, name: 'Folios del canal INE–OPLE' }).waitFor();

    // Another path of the single-page app is index.html again, also revalidated.
    const other = await page.request.get('/canal/folios');
    expect(other.headers()['cache-control']).toBe('no-cache');
    expect(other.headers()['content-type']).toMatch(/^text\/html/);
    await context.close();
  });

  it('the public unsubscribe page, outside the signed-in frame, shows its own wording', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await page.goto('/baja/enlace-que-no-existe');
    await page.getByRole('heading', { level: 1, name: 'Dejar de recibir correos' }).waitFor();
    await context.close();
  });

  it('sends brotli or gzip as asked, and the plain file to a client that accepts neither', async () => {
    const file = filesLoaded(readManifest(), BUDGET_PAGES[0]!.sources).js[0]!;
    const plain = await fetch(`${app.url}/${file}`, { headers: { 'accept-encoding': 'identity' } });
    const original = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(original.toString('utf8')).toMatch(/import|export|function/);

    // node's fetch decodes what it receives; a raw request shows the bytes as sent.
    for (const [encoding, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      const res = await rawGet(`${app.url}/${file}`, encoding);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.body.length).toBeLessThan(original.length);
      expect(decode(res.body).equals(original)).toBe(true);
    }

    // The build's records are not served: the path falls back to the app.
    const manifestFile = await fetch(`${app.url}/.vite/manifest.json`);
    expect(manifestFile.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('compresses API answers above 1 KiB, not the small ones nor downloads', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, 'enlace@iecm.demo');
    const list = await page.request.get('/api/institutions?pageSize=100');
    expect(list.status()).toBe(200);
    expect(list.headers()['content-encoding']).toBe('br');
    expect(list.headers()['cache-control']).toBe('no-store');
    expect(((await list.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const health = await page.request.get('/api/health');
    expect(health.headers()['content-encoding']).toBeUndefined();
    expect(await health.json()).toEqual({ status: 'ok' });

    const download = await page.request.get('/api/channel/folios/import/template?format=xlsx');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-encoding']).toBeUndefined();
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });
});

async function rawGet(
  url: string,
  encoding: string,
): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}
