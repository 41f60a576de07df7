import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signIn, watchErrors } from '../support/e2e-browser';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../support/test-app';

// Keyboard use: the skip link comes first, focus lands on the page's heading after signing in
// and after each navigation, returns to what opened a dialog, and reaches the password toggle.

let app: TestApp;
let browser: Browser;
let org: TestOrg;

const SHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots/keyboard');

beforeAll(async () => {
  // Without the demo data (seeding it takes minutes on a loaded machine): an organization of
  // its own, whose trail already holds the creation of its users.
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  org = await app.createOrg('OPLTECLADO');
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** What has focus, described as a test reads it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      label: el?.getAttribute('aria-label') ?? '',
      type: el?.getAttribute('type') ?? '',
    };
  });
}

describe('keyboard and focus', () => {
  it('reaches the password toggle with Tab and lands on the first heading after signing in', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/iniciar-sesion');
    await page.getByLabel('Correo electrónico').focus();
    await page.keyboard.type(org.users.liaison_staff);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', type: 'password' });
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Mostrar u ocultar la contraseña' });
    // The toggle works from the keyboard: the password shows, and hides again.
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('input[autocomplete="current-password"]').getAttribute('type'))
      .toBe('text');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('input[autocomplete="current-password"]').getAttribute('type'))
      .toBe('password');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Iniciar sesión' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Bienvenida\(o\)/ }).waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    expect((await focused(page)).text).toMatch(/^Bienvenida\(o\)/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the skip link first on a page load, and it takes focus to the content', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, org.users.auditor, TEST_PASSWORD);
    await page.goto('/bitacora');
    await page.getByRole('heading', { level: 1, name: 'Bitácora' }).waitFor();
    // A page load leaves focus where the browser puts it: the first Tab reaches the skip link.
    expect((await focused(page)).tag).toBe('body');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Saltar al contenido' });
    const box = await page.getByRole('link', { name: 'Saltar al contenido' }).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'skip-link-1366.png') });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'main', id: 'contenido' });
    expect(new URL(page.url()).pathname).toBe('/bitacora');
    // The next Tab goes into the page, past the menu.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.getElementById('contenido')!.contains(document.activeElement)),
    ).toBe(true);
    await context.close();
  });

  it('moves focus to the new page heading after navigating, and back to the trigger after a modal', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, org.users.auditor, TEST_PASSWORD);
    const navLink = page.getByRole('navigation').getByRole('link', { name: 'Bitácora' });
    await navLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bitacora$/);
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    expect((await focused(page)).text).toBe('Bitácora');

    // The audit trail speaks Spanish: labels, the code on hover.
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'audit-1366.png'), fullPage: true });
    await expectAccessible(page, 'bitácora');
    const actionCell = firstRow.locator('td').nth(3).locator('[title]');
    expect(await actionCell.getAttribute('title')).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    expect(await actionCell.textContent()).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);

    // A dialog opened from the keyboard gives focus back to its button when it closes.
    const view = firstRow.getByRole('button', { name: /^Ver detalle del folio \d+$/ });
    const viewLabel = await view.getAttribute('aria-label');
    await view.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).label).toBe(viewLabel);

    // And with the close button too.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).label).toBe(viewLabel);

    // On a phone the trail shows what happened, to what, when and by whom without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.locator('thead th').count()).toBe(3);
    const narrowAction = page.locator('tbody tr').first().locator('td').first().locator('[title]').first();
    expect(await narrowAction.getAttribute('title')).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    // The shell slides its menu away (a CSS transition) before the table takes the whole width.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('table')!.getBoundingClientRect().right))
      .toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'audit-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('shows a visible ring on a focused field', async () => {
    const context = await newContext(browser, app.url);
    const page = await context.newPage();
    await page.goto('/iniciar-sesion');
    const email = page.getByLabel('Correo electrónico');
    await email.focus();
    const outline = await email.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline).toEqual({ style: 'solid', width: 2 });
    await context.close();
  });
});
