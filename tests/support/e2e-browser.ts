import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo';

/** Debian's Chromium; set CHROMIUM_PATH to use another build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

/** One headless Chromium for a test file. Fails with instructions when something is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No se encontró Chromium en ${CHROMIUM_PATH}. Instálelo con: apt-get update && apt-get install -y chromium ` +
        '(o indique otra ruta en CHROMIUM_PATH).',
    );
  }
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error('No hay compilación de la aplicación web (dist/web). Ejecute antes: npm run build');
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (no cookies) on the test server, as a user in Mexico City would have. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1366, height: 900 },
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Collects uncaught errors of the page and what the Content-Security-Policy refused (the browser
 * reports it on the console), so that a test can assert there were none.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** Signs in through the form and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/iniciar-sesion');
  await page.getByLabel('Correo electrónico').fill(email);
  await passwordInput(page, 'Contraseña').fill(password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { level: 1, name: /^Bienvenida\(o\)/ }).waitFor();
}

/** A field by its exact label, whether or not Mantine marks it as required ("Nombre *"). */
export function labelled(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

/** A password field by its label (its show/hide button also mentions "contraseña"). */
export function passwordInput(scope: Page | Locator, label: string): Locator {
  return scope.locator('input[type="password"], input[type="text"]').and(scope.getByLabel(labelled(label)));
}

/** The error message shown next to a form field (linked to it through aria-describedby). */
export async function fieldError(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '')
    .split(/\s+/)
    .filter((id) => id.endsWith('-error'));
  const page = field.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').trim();
}

/** Picks `option` in a Mantine Select or MultiSelect labelled `label`, typing `search` first if given. */
export async function choose(
  scope: Page | Locator,
  label: string,
  option: string,
  search?: string,
): Promise<void> {
  const input = scope.locator('input:not([type="hidden"])').and(scope.getByLabel(labelled(label)));
  await input.click({ force: true });
  if (search !== undefined) await input.fill(search);
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
}

// Legacy mode runs axe in the page itself; the default mode gathers partial results and finishes
// them on a blank page of its own, which made each scan of a large page take twice as long. Our
// frames are same-origin or sandboxed (scanned apart below), so nothing is lost.
function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true);
}

const OPEN_MODAL = '[role="dialog"][aria-modal="true"]';

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing each
 * with the elements at fault. With a modal open, the modal is what a person can reach (the page
 * behind is inert), so the scan covers the modal: the page itself is scanned by the call made
 * before it opened. A full scan of a long page with a modal on top took 30 s on a loaded machine;
 * the modal alone, 2 s.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // axe cannot run inside a sandboxed frame (no scripts there: it waits for ever), so such a frame
  // is left out of the page's scan and its document is scanned on a page of its own.
  const builder = axe(page).exclude('iframe[sandbox]');
  if ((await page.locator(OPEN_MODAL).count()) > 0) builder.include(OPEN_MODAL);
  const result = await builder.analyze();
  const violations = [...result.violations];
  for (const srcdoc of await page
    .locator('iframe[sandbox][srcdoc]')
    .evaluateAll((frames) => frames.map((f) => f.getAttribute('srcdoc') ?? ''))) {
    const framed = await page.context().newPage();
    try {
      await framed.setContent(srcdoc);
      violations.push(...(await axe(framed).analyze()).violations);
    } finally {
      await framed.close();
    }
  }
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
  expect(report, `violaciones de accesibilidad en ${where}`).toBe('');
}
