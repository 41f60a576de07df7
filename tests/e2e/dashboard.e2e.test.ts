import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../src/modules/channel/routing-contract';
import type { MonthlyStatusTable } from '../../src/modules/channel/contract';
import {
  choose,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// What each role sees first on the home page of the demo, checked against the records as the
// channel's and the program's own APIs give them (read with the same signed-in session): liaison
// staff look at January–March 2024; the UTAJ's area staff see their queue and its deadlines.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${app.url}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The number a figure card shows under its label. */
async function figure(scope: Locator, label: string): Promise<number> {
  const card = scope
    .locator('.mantine-Card-root')
    .filter({ has: scope.page().getByText(label, { exact: true }) });
  const text = await card.first().innerText();
  return Number(text.replace(label, '').replace(/[^\d]/g, ''));
}

/** A table's body rows as the text of their cells. */
async function rows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())),
    );
}

describe('home dashboard', () => {
  it('shows liaison staff the quarter at a glance, with the figures of the records', async () => {
    const page = await (await newContext(browser, app.url)).newPage();
    const errors = watchErrors(page);
    await signIn(page, 'enlace@iecm.demo');
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 2, name: /El periodo de un vistazo/ }).waitFor();
    await choose(page, 'Trimestre', 'enero a marzo de 2024');
    const section = page.locator('section[aria-labelledby="dashboard-title"]');
    await section
      .getByRole('heading', { level: 2, name: 'El periodo de un vistazo: enero a marzo de 2024' })
      .waitFor();

    // The CVOE's three sessions and eleven agreements of the reference report; the Consejo General held none.
    expect(await figure(section, 'Sesiones')).toBe(3);
    expect(await figure(section, 'Acuerdos')).toBe(11);
    const folios = (q: string) => json<{ total: number }>(page, `/api/channel/folios?${q}&pageSize=1`);
    expect(await figure(section, 'Folios pendientes de atender')).toBe(
      (await folios('status=pending_local')).total,
    );
    expect(await figure(section, 'Vencidos')).toBe((await folios('status=pending_local&overdue=true')).total);
    expect(await figure(section, 'Folios en trámite con la autoridad nacional')).toBe(
      (await folios('status=in_process_national')).total,
    );
    // Months of the recurring reports still owed past their due date, as each folio's page lists them.
    let overdueMonths = 0;
    for (const folio of ['270/2023', '24/2024', '30/2024']) {
      const found = await json<{ items: { id: string }[] }>(
        page,
        `/api/channel/folios?q=${encodeURIComponent(folio)}&module=follow_up`,
      );
      const obligations = await json<{ occurrences: { overdue: boolean }[] }[]>(
        page,
        `/api/channel/folios/${found.items[0]!.id}/obligations`,
      );
      overdueMonths += obligations.flatMap((o) => o.occurrences).filter((o) => o.overdue).length;
    }
    expect(overdueMonths).toBeGreaterThan(0);
    expect(await figure(section, 'Informes mensuales vencidos')).toBe(overdueMonths);

    // The chart's table: folios received each month, as the channel's monthly statistics count them.
    const period = 'from=2024-01-01&to=2024-03-31';
    const monthly = (m: string) =>
      json<MonthlyStatusTable>(page, `/api/channel/statistics/monthly?module=${m}&${period}`);
    const followUp = await monthly('follow_up');
    const consultation = await monthly('consultation');
    expect(await rows(section.getByRole('table', { name: 'Folios recibidos por mes' }))).toEqual(
      ['ene', 'feb', 'mar'].map((label, k) => [
        label,
        String(followUp.months[k]!.total),
        String(consultation.months[k]!.total),
      ]),
    );
    expect(followUp.totals.total).toBe(272);

    // The work program's lines: activities of the quarter per line add up to the program's list.
    const program = await rows(
      section.getByRole('table', { name: 'Programa de trabajo: objetivos con actividad en el periodo' }),
    );
    expect(program.length).toBeGreaterThan(0);
    const activities = await json<{ total: number }>(page, `/api/program/activities?${period}&pageSize=1`);
    expect(program.reduce((s, r) => s + Number(r[2]), 0)).toBe(activities.total);
    for (const r of program) expect(r[1]).toMatch(/^\d+ de \d+$/);

    // The chart itself (bars, axis and legend) is drawn, hidden from assistive technology and inert.
    const chart = section.locator('[aria-hidden="true"][inert]').first();
    await chart.getByText('Seguimiento de actividades').waitFor();
    expect(await chart.locator('a, button, input, [tabindex]').count()).toBe(0);
    await expectAccessible(page, 'tablero del periodo');
    expect(errors).toEqual([]);
  }, 300_000);

  it("shows area staff their queue with its deadlines, as the channel's queue lists it", async () => {
    const page = await (await newContext(browser, app.url)).newPage();
    const errors = watchErrors(page);
    await signIn(page, 'area@iecm.demo');
    await page.goto(`${app.url}/`);
    const queue = await json<{ items: QueueItem[]; total: number }>(
      page,
      '/api/channel/my-routings?state=open&pageSize=200',
    );
    expect(queue.total).toBeGreaterThan(0);
    const section = page.locator('section[aria-labelledby="queue-title"]');
    await section
      .getByRole('heading', {
        level: 2,
        name:
          queue.total === 1 ? 'Mi bandeja: un turno abierto' : `Mi bandeja: ${queue.total} turnos abiertos`,
      })
      .waitFor();
    // Area staff do not read reports: no period at a glance.
    await expect.poll(() => page.locator('#dashboard-title').count()).toBe(0);

    const overdue = queue.items.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(await figure(section, 'Turnos abiertos')).toBe(queue.total);
    expect(await figure(section, 'Vencidos')).toBe(overdue.length);
    expect(await figure(section, 'Por vencer')).toBe(queue.items.filter((i) => i.dueSoon).length);

    const shown = await rows(section.getByRole('table', { name: /Turnos abiertos de mis áreas/ }));
    expect(shown.map((r) => r[0])).toEqual(queue.items.map((i) => i.folioSummary.folio));
    const day = new Intl.DateTimeFormat('es-MX', { timeZone: 'UTC', dateStyle: 'medium' });
    queue.items.forEach((item, k) => {
      const [, , subject, due] = shown[k]!;
      expect(subject).toBe(item.folioSummary.subject);
      if (item.internalDueOn) expect(due).toContain(day.format(new Date(`${item.internalDueOn}T12:00:00Z`)));
      // Badges are upper-cased by CSS, which innerText reflects.
      expect(due!.toLowerCase().includes('vencido')).toBe(item.overdue);
    });
    await section.getByRole('link', { name: overdue[0]!.folioSummary.folio }).first().click();
    await page.waitForURL(`**/canal/turnos/${overdue[0]!.id}`);
    // The slip's page, loaded (a loader's label is not allowed on its span, so axe waits for it).
    await page.getByRole('heading', { level: 1, name: `Folio ${overdue[0]!.folioSummary.folio}` }).waitFor();
    await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
    await expectAccessible(page, 'turno desde la bandeja');
    await page.goto(`${app.url}/`);
    await section.getByRole('table').waitFor();
    await expectAccessible(page, 'bandeja del área');
    expect(errors).toEqual([]);
  }, 300_000);
});
