import { expect } from 'vitest';
import type { HttpClient } from '../../../../tests/support/http-client';

// Organization-isolation probes of the accompaniment mission's routes, used by
// tests/integration/organization-isolation.db.test.ts: organization B's administrator tries every
// route against organization A's records (created here through A's own client).

type Fixture = {
  mission: string;
  registrant: string;
  group: string;
  item: string;
  assignment: string;
  communication: string;
};

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  if (r.status !== 201) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

let fixture: Promise<Fixture> | undefined;
function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    const mission = await created(
      a.post('/api/observers/missions', {
        name: 'Misión del Organismo A',
        process: 'Proceso del Organismo A',
        electionDay: '2024-06-02',
        startsOn: '2024-06-01',
        endsOn: '2024-06-03',
      }),
    );
    const group = await created(
      a.post(`/api/observers/missions/${mission}/groups`, { name: 'Grupo del Organismo A' }),
    );
    const registrant = await created(
      a.post(`/api/observers/missions/${mission}/registrants`, {
        kind: 'observer',
        fullName: 'Observadora del Organismo A',
        nationality: 'FR',
        email: 'observadora@a.test',
        groupId: group,
        consent: { givenOn: '2024-04-01', source: 'Formulario A', privacyNoticeVersion: 'A-1' },
      }),
    );
    const item = await created(
      a.post(`/api/observers/missions/${mission}/agenda`, {
        kind: 'activity',
        title: 'Actividad del Organismo A',
        day: '2024-06-01',
        startTime: '10:00',
        endTime: '11:00',
      }),
    );
    const staff = await a.get<{ userId: string | null }[]>('/api/observers/staff');
    const assignment = await created(
      a.post(`/api/observers/missions/${mission}/assignments`, {
        agendaItemId: item,
        userId: staff.body.find((s) => s.userId)!.userId,
        role: 'Enlace del Organismo A',
      }),
    );
    const communication = await created(
      a.post(`/api/observers/missions/${mission}/communications`, {
        subject: 'Aviso del Organismo A',
        body: 'Texto A',
      }),
    );
    return { mission, registrant, group, item, assignment, communication };
  })();
  return fixture;
}

const is404 = async (res: Promise<{ status: number }>) => expect((await res).status).toBe(404);

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function observersProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  return {
    'GET /api/observers/missions': async (b) => {
      const x = await A();
      const r = await b.get('/api/observers/missions');
      expect(r.status).toBe(200);
      // (B may hold a mission of the same name: the POST probe creates one.)
      expect(JSON.stringify(r.body)).not.toContain(x.mission);
      expect(JSON.stringify(r.body)).not.toContain('Proceso del Organismo A');
    },
    'POST /api/observers/missions': async (b) => {
      await A();
      // A's mission name is free in B.
      const r = await b.post('/api/observers/missions', {
        name: 'Misión del Organismo A',
        process: 'B',
        electionDay: '2024-06-02',
        startsOn: '2024-06-02',
        endsOn: '2024-06-02',
      });
      expect(r.status).toBe(201);
    },
    'GET /api/observers/missions/{id}': async (b) =>
      is404(b.get(`/api/observers/missions/${(await A()).mission}`)),
    'PATCH /api/observers/missions/{id}': async (b) =>
      is404(b.patch(`/api/observers/missions/${(await A()).mission}`, { process: 'B' })),
    'GET /api/observers/missions/{id}/registrants': async (b) =>
      is404(b.get(`/api/observers/missions/${(await A()).mission}/registrants`)),
    'POST /api/observers/missions/{id}/registrants': async (b) =>
      is404(
        b.post(`/api/observers/missions/${(await A()).mission}/registrants`, {
          kind: 'visitor',
          fullName: 'Intrusa',
          nationality: 'CL',
        }),
      ),
    'GET /api/observers/registrants/{id}': async (b) =>
      is404(b.get(`/api/observers/registrants/${(await A()).registrant}`)),
    'PATCH /api/observers/registrants/{id}': async (b) =>
      is404(b.patch(`/api/observers/registrants/${(await A()).registrant}`, { notes: 'B' })),
    'DELETE /api/observers/registrants/{id}': async (b) =>
      is404(b.delete(`/api/observers/registrants/${(await A()).registrant}`)),
    'POST /api/observers/registrants/{id}/consents': async (b) =>
      is404(
        b.post(`/api/observers/registrants/${(await A()).registrant}/consents`, {
          givenOn: '2024-04-01',
          source: 'B',
          privacyNoticeVersion: 'B',
        }),
      ),
    'GET /api/observers/missions/{id}/groups': async (b) =>
      is404(b.get(`/api/observers/missions/${(await A()).mission}/groups`)),
    'POST /api/observers/missions/{id}/groups': async (b) =>
      is404(b.post(`/api/observers/missions/${(await A()).mission}/groups`, { name: 'B' })),
    'PATCH /api/observers/groups/{id}': async (b) =>
      is404(b.patch(`/api/observers/groups/${(await A()).group}`, { name: 'B' })),
    'DELETE /api/observers/groups/{id}': async (b) =>
      is404(b.delete(`/api/observers/groups/${(await A()).group}`)),
    'PUT /api/observers/groups/{id}/members': async (b) =>
      is404(b.put(`/api/observers/groups/${(await A()).group}/members`, { registrantIds: [] })),
    'GET /api/observers/missions/{id}/agenda': async (b) =>
      is404(b.get(`/api/observers/missions/${(await A()).mission}/agenda`)),
    'POST /api/observers/missions/{id}/agenda': async (b) =>
      is404(
        b.post(`/api/observers/missions/${(await A()).mission}/agenda`, {
          kind: 'activity',
          title: 'B',
          day: '2024-06-01',
          startTime: '10:00',
          endTime: '11:00',
        }),
      ),
    'PATCH /api/observers/agenda/{id}': async (b) =>
      is404(b.patch(`/api/observers/agenda/${(await A()).item}`, { title: 'B' })),
    'DELETE /api/observers/agenda/{id}': async (b) =>
      is404(b.delete(`/api/observers/agenda/${(await A()).item}`)),
    'GET /api/observers/staff': async (b) => {
      await A();
      const r = await b.get<{ userId: string | null }[]>('/api/observers/staff');
      expect(r.status).toBe(200);
      const own = await a().get<{ userId: string | null }[]>('/api/observers/staff');
      const aUsers = own.body.map((s) => s.userId).filter(Boolean);
      expect(r.body.some((s) => aUsers.includes(s.userId))).toBe(false);
    },
    'GET /api/observers/missions/{id}/assignments': async (b) =>
      is404(b.get(`/api/observers/missions/${(await A()).mission}/assignments`)),
    'POST /api/observers/missions/{id}/assignments': async (b) => {
      const x = await A();
      await is404(
        b.post(`/api/observers/missions/${x.mission}/assignments`, {
          agendaItemId: x.item,
          personId: '00000000-0000-4000-8000-000000000000',
          role: 'B',
        }),
      );
      // A's user cannot be assigned in B's own mission.
      const own = await b.get<{ id: string }[]>('/api/observers/missions');
      const aUser = (await a().get<{ userId: string | null }[]>('/api/observers/staff')).body.find(
        (s) => s.userId,
      )!;
      const mine =
        own.body[0]?.id ??
        (
          await b.post<{ id: string }>('/api/observers/missions', {
            name: 'Misión propia de B',
            process: 'B',
            electionDay: '2024-06-02',
            startsOn: '2024-06-02',
            endsOn: '2024-06-02',
          })
        ).body.id;
      const r = await b.post(`/api/observers/missions/${mine}/assignments`, {
        groupId: x.group,
        userId: aUser.userId,
        role: 'B',
      });
      // A's group is not in B's mission, and A's user is not B's.
      expect(r.status).toBe(400);
    },
    'DELETE /api/observers/assignments/{id}': async (b) =>
      is404(b.delete(`/api/observers/assignments/${(await A()).assignment}`)),
    'GET /api/observers/missions/{id}/communications': async (b) =>
      is404(b.get(`/api/observers/missions/${(await A()).mission}/communications`)),
    'POST /api/observers/missions/{id}/communications': async (b) =>
      is404(
        b.post(`/api/observers/missions/${(await A()).mission}/communications`, { subject: 'B', body: 'B' }),
      ),
    'GET /api/observers/communications/{id}': async (b) =>
      is404(b.get(`/api/observers/communications/${(await A()).communication}`)),
  };
}
