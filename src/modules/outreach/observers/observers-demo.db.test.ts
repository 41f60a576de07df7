import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../../tests/support/test-app';
import type { HttpClient } from '../../../../tests/support/http-client';
import type { AgendaItem, Group, Mission, Registrant } from './contract';
import { DEMO_MISSION, seedObserversDemo } from './demo';

// The demo's mission: the program of agreement CVOE/011/2024 with its election-day routes on
// Sunday 2 June 2024 (facts key `accompaniment_program`); seeding twice adds nothing.

let t: TestApp;
let org: TestOrg;
let staff: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('IEDEMO');
  staff = await t.as(org, 'liaison_staff');
});
afterAll(() => t.close());

describe('observers demo data', () => {
  it('seeds the 2023-2024 mission with registrants, groups, agenda and routes, once', async () => {
    const system = { userId: null, label: 'vincula demo', organizationId: org.id };
    expect((await seedObserversDemo(t.ctx.database.db, system)).registrants).toBe(6);
    expect((await seedObserversDemo(t.ctx.database.db, system)).registrants).toBe(0);

    const missions = (await staff.get<Mission[]>('/api/observers/missions')).body;
    expect(missions).toHaveLength(1);
    const m = missions[0]!;
    expect(m).toMatchObject({
      name: DEMO_MISSION,
      process: 'Proceso Electoral Local Ordinario 2023-2024',
      electionDay: '2024-06-02',
      agreementRef: 'CVOE/011/2024',
      approvedOn: '2024-03-26',
      registrants: 6,
      accredited: 3,
      consenting: 5,
      groups: 2,
    });
    const groups = (await staff.get<Group[]>(`/api/observers/missions/${m.id}/groups`)).body;
    expect(groups.map((g) => [g.name, g.members])).toEqual([
      ['Grupo A', 3],
      ['Grupo B', 3],
    ]);
    const agenda = (await staff.get<AgendaItem[]>(`/api/observers/missions/${m.id}/agenda`)).body;
    const routes = agenda.filter((a) => a.kind === 'route');
    expect(routes.map((r) => [r.day, r.groupName, r.stops.length])).toEqual([
      ['2024-06-02', 'Grupo A', 4],
      ['2024-06-02', 'Grupo B', 3],
    ]);
    expect(routes.every((r) => r.staff.length === 1)).toBe(true);
    const regs = (await staff.get<{ items: Registrant[] }>(`/api/observers/missions/${m.id}/registrants`))
      .body;
    expect(regs.items.every((r) => r.email?.endsWith('@example.org'))).toBe(true);
  });
});
