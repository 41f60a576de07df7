import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_PASSWORD } from '../../cli/demo';
import { todayInMexicoCity } from '../../shared/dates';
import { quarterKeyOf, suggestedQuarter } from '../../shared/periods';
import type { RecordPeriods } from './contract';

// The quarters that hold records, which every period choice of the web app opens on: in the demo,
// the reference quarter and the live layer written around today.

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({}, { demo: true });
}, 600_000);
afterAll(() => t?.close());

async function periodsOf(email: string) {
  const client = new HttpClient(t.url);
  await client.signIn(email, DEMO_PASSWORD);
  const res = await client.get<RecordPeriods>('/api/periods');
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /api/periods', () => {
  it("lists the liaison office's quarters with records, newest first, and opens on the latest", async () => {
    const p = await periodsOf('enlace@iecm.demo');
    // 270/2023 arrived in November 2023, then the reference quarter and the folios moving on in April.
    expect(p.quarters).toEqual(expect.arrayContaining(['2023-T4', '2024-T1']));
    const order = p.quarters.map((k) => Number(k.slice(0, 4)) * 4 + Number(k.slice(6)));
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(p.suggested).toBe(suggestedQuarter(p.quarters, todayInMexicoCity()));
    expect(p.suggested).not.toBe('2024-T1');
    expect(p.today).toBe(todayInMexicoCity());
  });

  it("opens on today's quarter, which the demo's live layer fills", async () => {
    const p = await periodsOf('enlace@iecm.demo');
    expect(p.quarters).toContain(quarterKeyOf(todayInMexicoCity()));
    expect(p.suggested).toBe(quarterKeyOf(todayInMexicoCity()));
  });

  it("gives the national authority its own side's quarters (no sessions nor activities of the IECM's)", async () => {
    const liaison = await periodsOf('enlace@iecm.demo');
    const ine = await periodsOf('enlace@ine.demo');
    // The INE sent the IECM's follow-up folios: the same quarters of the channel, no more.
    expect(ine.quarters).toContain('2024-T1');
    for (const k of ine.quarters) expect(liaison.quarters).toContain(k);
  });

  it('answers 401 without a session', async () => {
    const res = await new HttpClient(t.url).get('/api/periods');
    expect(res.status).toBe(401);
  });
});
