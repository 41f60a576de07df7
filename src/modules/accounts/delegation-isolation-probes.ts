import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { addDays } from '../../shared/dates';
import { todayIn } from './delegation-contract';

// Organization-isolation probes of the delegation routes (ADR 0035), used by
// tests/integration/organization-isolation.db.test.ts: organization A's administrator records that
// one of A's users acts for another; organization B's administrator neither reads, names nor ends it.

type Fixture = { id: string; absent: string; acting: string };
let fixture: Promise<Fixture> | undefined;

function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    const users = await a.get<{ items: { id: string; roles: string[] }[] }>('/api/users?pageSize=200');
    const absent = users.body.items.find((u) => u.roles.includes('area_staff'))!.id;
    const acting = users.body.items.find((u) => u.roles.includes('liaison_staff'))!.id;
    const today = todayIn('America/Mexico_City');
    const res = await a.post<{ id: string }>('/api/delegations', {
      absentUserId: absent,
      actingUserId: acting,
      startsOn: today,
      endsOn: addDays(today, 30),
      reason: 'Comisión del Organismo A',
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, absent, acting };
  })();
  return fixture;
}

async function expectAUnchanged(a: HttpClient, f: Fixture) {
  const list = await a.get<{ items: { id: string; status: string }[] }>('/api/delegations');
  expect(list.body.items.find((d) => d.id === f.id)?.status).toBe('current');
}

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function delegationProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  return {
    'GET /api/delegations': async (b) => {
      await A();
      const res = await b.get('/api/delegations?state=all');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
    },
    'POST /api/delegations': async (b) => {
      const f = await A();
      const today = todayIn('America/Mexico_City');
      const res = await b.post<{ fields: { path: string }[] }>('/api/delegations', {
        absentUserId: f.absent,
        actingUserId: f.acting,
        startsOn: addDays(today, 40),
        endsOn: addDays(today, 41),
        reason: 'Intruso',
      });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((x) => x.path)).toEqual(['absentUserId', 'actingUserId']);
      await expectAUnchanged(a(), f);
    },
    'POST /api/delegations/{id}/end': async (b) => {
      const f = await A();
      expect((await b.post(`/api/delegations/${f.id}/end`)).status).toBe(404);
      await expectAUnchanged(a(), f);
    },
  };
}
