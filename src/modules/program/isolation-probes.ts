import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';

// Organization-isolation probes of the program routes, used by
// tests/integration/organization-isolation.db.test.ts: organization B's administrator tries every
// route against organization A's records (created here through A's own client).

type Fixture = {
  program: string;
  line: string;
  objective: string;
  target: string;
  reason: string;
  activity: string;
  file: string;
  series: string;
  issue: string;
  review: string;
};

async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

const MARK = 'Registro del Organismo A';
let fixture: Promise<Fixture> | undefined;
function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    type Tree = { id: string; lines: { id: string; objectives: { id: string }[] }[] };
    const program = (
      await ok<Tree>(a.post('/api/program/programs', { year: 2030, name: `Programa ${MARK}` }))
    ).id;
    const line = (
      await ok<Tree>(a.post(`/api/program/programs/${program}/lines`, { number: 1, title: MARK }))
    ).lines[0]!.id;
    const objective = (
      await ok<Tree>(a.post(`/api/program/lines/${line}/objectives`, { key: 'A', title: MARK }))
    ).lines[0]!.objectives[0]!.id;
    const target = (
      await ok<{ id: string }>(
        a.post('/api/program/targets', {
          objectiveId: objective,
          description: MARK,
          minimumCount: 2,
          unit: 'eventos',
          periodStart: '2030-01-01',
          periodEnd: '2030-03-31',
          source: 'activities',
        }),
      )
    ).id;
    const reason = (
      await ok<{ id: string }>(
        a.put('/api/program/reasons', {
          objectiveId: objective,
          periodStart: '2030-04-01',
          periodEnd: '2030-06-30',
          reason: MARK,
        }),
      )
    ).id;
    await ok(a.post('/api/program/activity-kinds', { code: 'kind_of_a', name: 'Tipo del Organismo A' }));
    const activity = (
      await ok<{ id: string }>(
        a.post('/api/program/activities', {
          objectiveId: objective,
          kind: 'kind_of_a',
          title: MARK,
          dates: { mode: 'day', day: '2030-01-10' },
        }),
      )
    ).id;
    const form = new FormData();
    form.append('file', new Blob(['evidencia de A'], { type: 'text/plain' }), 'a.txt');
    const file = (
      await ok<{ files: { id: string }[] }>(a.post(`/api/program/activities/${activity}/files`, form))
    ).files[0]!.id;
    const series = (
      await ok<{ id: string }>(
        a.post('/api/program/series', { objectiveId: objective, name: MARK, cadence: 'weekly' }),
      )
    ).id;
    const issue = (
      await ok<{ id: string }>(
        a.post(`/api/program/series/${series}/issues`, { publishedOn: '2030-01-11', title: MARK }),
      )
    ).id;
    const issueFile = new FormData();
    issueFile.append('file', new Blob(['número de A'], { type: 'text/plain' }), 'n.txt');
    await ok(a.put(`/api/program/issues/${issue}/file`, issueFile));
    const review = (
      await ok<{ id: string }>(
        a.post('/api/program/plan-reviews', {
          objectiveId: objective,
          system: MARK,
          reviewedOn: '2030-01-12',
          changes: MARK,
        }),
      )
    ).id;
    return { program, line, objective, target, reason, activity, file, series, issue, review };
  })();
  return fixture;
}

const is404 = async (res: Promise<{ status: number }>) => expect((await res).status).toBe(404);
const refused = async (res: Promise<{ status: number; body: unknown }>, path: string) => {
  const r = await res;
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.body)).toContain(path);
};
const noneOfA = async (res: Promise<{ status: number; body: unknown }>, x: Fixture) => {
  const r = await res;
  expect(r.status).toBe(200);
  const text = JSON.stringify(r.body);
  expect(text).not.toContain(MARK);
  for (const id of Object.values(x)) expect(text).not.toContain(id);
};
const upload = () => {
  const form = new FormData();
  form.append('file', new Blob(['de B'], { type: 'text/plain' }), 'b.txt');
  return form;
};

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function programProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  return {
    'GET /api/program/programs': async (b) => noneOfA(b.get('/api/program/programs'), await A()),
    'POST /api/program/programs': async (b) => {
      await A();
      // Same year as A's program: not a duplicate, A's program does not exist for B.
      const res = await b.post('/api/program/programs', { year: 2030, name: 'Programa de B' });
      expect(res.status).toBe(201);
    },
    'GET /api/program/programs/{id}': async (b) =>
      is404(b.get(`/api/program/programs/${(await A()).program}`)),
    'PATCH /api/program/programs/{id}': async (b) =>
      is404(b.patch(`/api/program/programs/${(await A()).program}`, { name: 'x' })),
    'GET /api/program/import/template': async (b) => {
      await A();
      const res = await b.request<string>('GET', '/api/program/import/template?format=csv');
      expect(res.status).toBe(200);
      expect(res.body).not.toContain(MARK);
    },
    'POST /api/program/programs/{id}/import': async (b) => {
      const form = new FormData();
      const csv = 'Línea,Título de la línea\n7,Línea de B';
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'programa.csv');
      await is404(b.post(`/api/program/programs/${(await A()).program}/import?dryRun=true`, form));
    },
    'POST /api/program/programs/{id}/lines': async (b) =>
      is404(b.post(`/api/program/programs/${(await A()).program}/lines`, { number: 9, title: 'x' })),
    'PATCH /api/program/lines/{id}': async (b) =>
      is404(b.patch(`/api/program/lines/${(await A()).line}`, { title: 'x' })),
    'DELETE /api/program/lines/{id}': async (b) => is404(b.delete(`/api/program/lines/${(await A()).line}`)),
    'POST /api/program/lines/{id}/objectives': async (b) =>
      is404(b.post(`/api/program/lines/${(await A()).line}/objectives`, { key: 'Z', title: 'x' })),
    'PATCH /api/program/objectives/{id}': async (b) =>
      is404(b.patch(`/api/program/objectives/${(await A()).objective}`, { title: 'x' })),
    'DELETE /api/program/objectives/{id}': async (b) =>
      is404(b.delete(`/api/program/objectives/${(await A()).objective}`)),
    'GET /api/program/record-sources': async (b) => noneOfA(b.get('/api/program/record-sources'), await A()),
    'POST /api/program/targets': async (b) =>
      refused(
        b.post('/api/program/targets', {
          objectiveId: (await A()).objective,
          description: 'x',
          minimumCount: 1,
          unit: 'x',
          periodStart: '2030-01-01',
          periodEnd: '2030-01-31',
          source: 'activities',
        }),
        'objectiveId',
      ),
    'PUT /api/program/targets/{id}': async (b) => {
      const x = await A();
      await is404(
        b.put(`/api/program/targets/${x.target}`, {
          objectiveId: x.objective,
          description: 'x',
          minimumCount: 1,
          unit: 'x',
          periodStart: '2030-01-01',
          periodEnd: '2030-01-31',
          source: 'activities',
        }),
      );
    },
    'DELETE /api/program/targets/{id}': async (b) =>
      is404(b.delete(`/api/program/targets/${(await A()).target}`)),
    'GET /api/program/reasons': async (b) =>
      noneOfA(b.get('/api/program/reasons?from=2030-01-01&to=2030-12-31'), await A()),
    'PUT /api/program/reasons': async (b) =>
      refused(
        b.put('/api/program/reasons', {
          objectiveId: (await A()).objective,
          periodStart: '2030-04-01',
          periodEnd: '2030-06-30',
          reason: 'x',
        }),
        'objectiveId',
      ),
    'DELETE /api/program/reasons/{id}': async (b) =>
      is404(b.delete(`/api/program/reasons/${(await A()).reason}`)),
    'GET /api/program/unexplained': async (b) =>
      noneOfA(b.get('/api/program/unexplained?from=2030-01-01&to=2030-12-31'), await A()),
    'GET /api/program/activity-kinds': async (b) => {
      await A();
      const res = await b.get('/api/program/activity-kinds');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('kind_of_a');
    },
    'POST /api/program/activity-kinds': async (b) => {
      await A();
      const res = await b.post('/api/program/activity-kinds', { code: 'kind_of_a', name: 'Tipo de B' });
      expect(res.status).toBe(201);
    },
    'GET /api/program/activities': async (b) =>
      noneOfA(b.get('/api/program/activities?pageSize=200'), await A()),
    'GET /api/program/activities/export': async (b) => {
      await A();
      const res = await b.get('/api/program/activities/export?format=csv');
      expect(res.status).toBe(200);
      expect(String(res.body)).not.toContain(MARK);
    },
    'GET /api/program/activities/{id}': async (b) =>
      is404(b.get(`/api/program/activities/${(await A()).activity}`)),
    'POST /api/program/activities': async (b) =>
      refused(
        b.post('/api/program/activities', {
          objectiveId: (await A()).objective,
          kind: 'other',
          title: 'x',
          dates: { mode: 'day', day: '2030-01-10' },
        }),
        'objectiveId',
      ),
    'PUT /api/program/activities/{id}': async (b) => {
      const x = await A();
      await is404(
        b.put(`/api/program/activities/${x.activity}`, {
          objectiveId: x.objective,
          kind: 'other',
          title: 'x',
          dates: { mode: 'day', day: '2030-01-10' },
        }),
      );
    },
    'DELETE /api/program/activities/{id}': async (b) =>
      is404(b.delete(`/api/program/activities/${(await A()).activity}`)),
    'POST /api/program/activities/{id}/files': async (b) =>
      is404(b.post(`/api/program/activities/${(await A()).activity}/files`, upload())),
    'GET /api/program/activities/{id}/files/{fileId}': async (b) => {
      const x = await A();
      await is404(b.get(`/api/program/activities/${x.activity}/files/${x.file}`));
    },
    'DELETE /api/program/activities/{id}/files/{fileId}': async (b) => {
      const x = await A();
      await is404(b.delete(`/api/program/activities/${x.activity}/files/${x.file}`));
    },
    'GET /api/program/plan-reviews': async (b) => noneOfA(b.get('/api/program/plan-reviews'), await A()),
    'POST /api/program/plan-reviews': async (b) =>
      refused(
        b.post('/api/program/plan-reviews', {
          objectiveId: (await A()).objective,
          system: 'x',
          reviewedOn: '2030-01-12',
          changes: 'x',
        }),
        'objectiveId',
      ),
    'GET /api/program/series': async (b) =>
      noneOfA(b.get('/api/program/series?from=2030-01-01&to=2030-03-31'), await A()),
    'POST /api/program/series': async (b) =>
      refused(
        b.post('/api/program/series', { objectiveId: (await A()).objective, name: 'x', cadence: 'weekly' }),
        'objectiveId',
      ),
    'GET /api/program/series/{id}': async (b) => is404(b.get(`/api/program/series/${(await A()).series}`)),
    'PUT /api/program/series/{id}': async (b) => {
      const x = await A();
      await is404(
        b.put(`/api/program/series/${x.series}`, { objectiveId: x.objective, name: 'x', cadence: 'monthly' }),
      );
    },
    'POST /api/program/series/{id}/issues': async (b) =>
      is404(
        b.post(`/api/program/series/${(await A()).series}/issues`, { publishedOn: '2030-01-18', title: 'x' }),
      ),
    'DELETE /api/program/issues/{id}': async (b) =>
      is404(b.delete(`/api/program/issues/${(await A()).issue}`)),
    'PATCH /api/program/issues/{id}': async (b) =>
      is404(b.patch(`/api/program/issues/${(await A()).issue}`, { title: 'x' })),
    'DELETE /api/program/issues/{id}/file': async (b) =>
      is404(b.delete(`/api/program/issues/${(await A()).issue}/file`)),
    'PUT /api/program/issues/{id}/file': async (b) =>
      is404(b.put(`/api/program/issues/${(await A()).issue}/file`, upload())),
    'GET /api/program/issues/{id}/file': async (b) =>
      is404(b.get(`/api/program/issues/${(await A()).issue}/file`)),
  };
}
