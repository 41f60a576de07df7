import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, signIn, watchErrors } from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// The security headers as a browser meets them: the app and the API's documentation page work
// under the Content-Security-Policy (nothing refused on the console), and no site can frame them.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers['content-security-policy'], where).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
  expect(headers['content-security-policy'], where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('no-referrer');
  expect(headers['x-frame-options'], where).toBe('DENY');
}

describe('security headers in the browser', () => {
  it('the app (index.html), the API and a download carry them', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const index = await page.goto('/iniciar-sesion');
    expect(index!.headers()['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders(index!.headers(), 'index.html');
    await signIn(page, 'enlace@iecm.demo');
    const api = await page.request.get('/api/me');
    expect(api.status()).toBe(200);
    expectSecurityHeaders(api.headers(), 'GET /api/me');
    const download = await page.request.get('/api/channel/folios/import/template?format=xlsx');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expectSecurityHeaders(download.headers(), 'download');
    await context.close();
  });

  it('the app and the API documentation page run with nothing refused', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iecm.demo');
    for (const path of ['/directorio/instituciones', '/canal/folios', '/informes', '/programa']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await page.goto('/api/docs');
    // Swagger UI renders the whole document first: slow when another browser test runs beside it.
    await page.getByText('Vincula API').first().waitFor({ timeout: 60_000 });
    await page.locator('.opblock').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('no other page can frame the app', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Framing|frame-ancestors|Refused to (display|frame)/i.test(m.text())) refused.push(m.text());
    });
    // Another origin (the test server's other name) frames the sign-in page.
    await page.goto('/iniciar-sesion');
    const other = app.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${other}/api/health`);
    await page.setContent(`<iframe src="${app.url}/iniciar-sesion" title="marco"></iframe>`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(
      await frame
        ?.locator('input')
        .count()
        .catch(() => 0),
    ).toBeFalsy();
    await context.close();
  });
});
