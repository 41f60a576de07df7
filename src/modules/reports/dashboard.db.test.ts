import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_PASSWORD } from '../../cli/demo';
import type { ProgramTree } from '../program/contract';
import type { Dashboard } from './contract';
import { dashboard } from './dashboard';
import { findOrganizationByAcronym } from '../accounts';

// The home dashboard of the demo's first quarter of 2024, checked against the records as the other
// modules' own APIs list them (and the reference report's figures for the CVOE).

let t: TestApp;
let liaison: HttpClient;
let d: Dashboard;
const Q1 = 'from=2024-01-01&to=2024-03-31';

beforeAll(async () => {
  t = await startTestApp({}, { demo: true });
  liaison = new HttpClient(t.url);
  await liaison.signIn('enlace@iecm.demo', DEMO_PASSWORD);
  const res = await liaison.get<Dashboard>(`/api/dashboard?${Q1}`);
  expect(res.status).toBe(200);
  d = res.body;
}, 600_000);
afterAll(() => t?.close());

const total = async (path: string) => {
  const res = await liaison.get<{ total: number; totalIsLowerBound?: boolean }>(path);
  expect(res.status, path).toBe(200);
  // The channel's list stops counting at 1,000: the demo's counts are below it, so exact.
  expect(res.body.totalIsLowerBound ?? false, path).toBe(false);
  return res.body.total;
};

describe('the home dashboard', () => {
  it('counts the sessions and agreements of the quarter per body', () => {
    expect(d.label).toBe('enero a marzo de 2024');
    const cvoe = d.bodies.find((b) => b.acronym === 'CVOE')!;
    expect(cvoe).toMatchObject({ sessions: 3, agreements: 11 });
  });

  it('shows the folios received by month as the report counts them, and the open ones as the channel lists them', async () => {
    const ch = d.channel!;
    expect(ch.byMonth.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(ch.byMonth.reduce((s, m) => s + m.followUp, 0)).toBe(272);
    expect(ch.byMonth.reduce((s, m) => s + m.consultation, 0)).toBe(292);
    expect(ch.pending).toBe(await total('/api/channel/folios?status=pending_local&pageSize=1'));
    expect(ch.inProcess).toBe(await total('/api/channel/folios?status=in_process_national&pageSize=1'));
    expect(ch.overdue).toBe(await total('/api/channel/folios?status=pending_local&overdue=true&pageSize=1'));
  });

  it("shows each program line's objectives with activity in the quarter", async () => {
    expect(d.programLines.length).toBeGreaterThan(0);
    const activities = d.programLines.reduce((s, l) => s + l.activities, 0);
    expect(activities).toBe(await total(`/api/program/activities?${Q1}&pageSize=1`));
    for (const l of d.programLines) expect(l.objectivesWithActivity).toBeLessThanOrEqual(l.objectives);
    expect(d.programLines.some((l) => l.objectivesWithActivity > 0)).toBe(true);
  });

  it("lists the program's targets with their progress", async () => {
    const programs = await liaison.get<{ id: string; year: number }[]>('/api/program/programs');
    const p2024 = programs.body.find((p) => p.year === 2024)!;
    const tree = (await liaison.get<ProgramTree>(`/api/program/programs/${p2024.id}`)).body;
    const line = tree.lines.find((l) => l.number === 1)!;
    const objective = line.objectives.find((o) => o.key === 'B')!;
    const created = await liaison.post('/api/program/targets', {
      objectiveId: objective.id,
      description: 'Reuniones y seguimientos con la autoridad nacional',
      minimumCount: 40,
      unit: 'actividades',
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      source: 'activities',
    });
    expect(created.status).toBe(201);
    const count = await total(`/api/program/activities?${Q1}&objectiveId=${objective.id}&pageSize=1`);
    expect(count).toBeGreaterThan(0);
    const after = (await liaison.get<Dashboard>(`/api/dashboard?${Q1}`)).body;
    expect(after.targets).toContainEqual(
      expect.objectContaining({
        label: '1.B',
        count,
        minimum: 40,
        met: count >= 40,
        percent: Math.min(100, (count / 40) * 100),
      }),
    );
    // A target of another period is not the quarter's.
    const later = (await liaison.get<Dashboard>('/api/dashboard?from=2024-04-01&to=2024-06-30')).body;
    expect(later.targets.some((x) => x.label === '1.B')).toBe(false);
  });

  it('lists the sessions and program activities coming up from today', async () => {
    const db = t.ctx.database.db;
    const org = (await findOrganizationByAcronym(db, 'IECM'))!;
    const on = await dashboard(db, org.id, { from: '2024-01-01', to: '2024-03-31' }, '2024-02-10');
    expect(on.upcomingSessions.map((s) => s.heldOnText)).toEqual([
      'jueves 22 de febrero de 2024',
      'martes 26 de marzo de 2024',
    ]);
    expect(on.upcomingActivities.length).toBeGreaterThan(0);
    const starts = on.upcomingActivities.map((a) => a.startsOn);
    expect(starts).toEqual([...starts].sort());
    for (const s of starts) expect(s >= '2024-02-10' && s <= '2024-04-10', s).toBe(true);
    expect(on.upcomingActivities[0]).toMatchObject({
      startsOn: '2024-02-14',
      datesText: '14 de febrero de 2024',
    });
  });

  it("shows another organization nothing of the IECM's", async () => {
    const other = await t.createOrg('OTRO');
    const client = await t.as(other, 'liaison_staff');
    const res = await client.get<Dashboard>(`/api/dashboard?${Q1}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bodies: [], channel: null, targets: [], programLines: [] });
  });
});
