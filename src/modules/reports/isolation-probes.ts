import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { todayInMexicoCity } from '../../shared/dates';
import type { SetupChecklist } from './setup-checklist-contract';

// Organization-isolation probes of the reports routes, used by
// tests/integration/organization-isolation.db.test.ts: organization B's administrator tries every
// route against organization A's report (created here through A's own client).

type Fixture = { body: string; report: string; agreement: string };

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  if (r.status !== 201) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

let fixture: Promise<Fixture> | undefined;
function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    const body = await created(
      a.post('/api/governance/bodies', {
        name: 'Comisión de Informes A',
        acronym: 'CIA',
        kind: 'permanent_committee',
        createdOn: '1995-01-01',
      }),
    );
    // A session in a quarter no other fixture uses, for the periods with records.
    await created(
      a.post(`/api/governance/bodies/${body}/sessions`, {
        kind: 'ordinaria',
        heldOn: '1995-05-10',
        modality: 'presencial',
      }),
    );
    const session = await created(
      a.post(`/api/governance/bodies/${body}/sessions`, {
        kind: 'ordinaria',
        heldOn: '2024-04-20',
        modality: 'presencial',
      }),
    );
    const agreement = await created(
      a.post(`/api/governance/sessions/${session}/agreements`, { title: 'Aprobación del informe de A' }),
    );
    const report = await created(
      a.post('/api/reports', { bodyId: body, from: '2024-01-01', to: '2024-03-31' }),
    );
    return { body, report, agreement };
  })();
  return fixture;
}

const is404 = async (res: Promise<{ status: number }>) => expect((await res).status).toBe(404);

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function reportsProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  return {
    'GET /api/reports': async (b) => {
      const x = await A();
      const res = await b.get('/api/reports');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(x.report);
      expect(JSON.stringify(res.body)).not.toContain('Informes A');
    },
    'GET /api/periods': async (b) => {
      await A();
      const own = await a().get<{ quarters: string[] }>('/api/periods');
      expect(own.body.quarters).toContain('1995-T2');
      const res = await b.get<{ quarters: string[] }>('/api/periods');
      expect(res.status).toBe(200);
      expect(res.body.quarters).not.toContain('1995-T2');
    },
    'GET /api/dashboard': async (b) => {
      const x = await A();
      const res = await b.get('/api/dashboard?from=2024-01-01&to=2024-03-31');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(x.body);
      expect(JSON.stringify(res.body)).not.toContain('CIA');
      expect((res.body as { reports: { drafts: number } }).reports.drafts).toBe(0);
    },
    'GET /api/setup-checklist': async (b) => {
      await A();
      // A's body counts in A's checklist; B's counts only B's own bodies.
      const bodiesIn = (c: SetupChecklist) => c.items.find((i) => i.key === 'bodies')!.count;
      const inOffice = async (c: HttpClient) => {
        const res = await c.get<{ items: { endedOn: string | null }[] }>('/api/governance/bodies');
        return res.body.items.filter((x) => !x.endedOn || x.endedOn >= todayInMexicoCity()).length;
      };
      const own = await a().get<SetupChecklist>('/api/setup-checklist');
      expect(bodiesIn(own.body)).toBe(await inOffice(a()));
      expect(bodiesIn(own.body)).toBeGreaterThan(0);
      const res = await b.get<SetupChecklist>('/api/setup-checklist');
      expect(res.status).toBe(200);
      expect(bodiesIn(res.body)).toBe(await inOffice(b));
      expect(JSON.stringify(res.body)).not.toContain('CIA');
    },
    'POST /api/reports': async (b) => {
      const x = await A();
      await is404(b.post('/api/reports', { bodyId: x.body, from: '2024-01-01', to: '2024-03-31' }));
    },
    'GET /api/reports/{id}': async (b) => is404(b.get(`/api/reports/${(await A()).report}`)),
    'POST /api/reports/{id}/regenerate': async (b) =>
      is404(b.post(`/api/reports/${(await A()).report}/regenerate`, {})),
    'PUT /api/reports/{id}/narrative': async (b) =>
      is404(
        b.put(`/api/reports/${(await A()).report}/narrative`, { paragraphs: { 'presentation.intro': 'B' } }),
      ),
    'PUT /api/reports/{id}/pending-items': async (b) =>
      is404(
        b.put(`/api/reports/${(await A()).report}/pending-items`, { items: [{ line: null, text: 'B' }] }),
      ),
    'GET /api/reports/{id}/check': async (b) => is404(b.get(`/api/reports/${(await A()).report}/check`)),
    'POST /api/reports/{id}/approve': async (b) => {
      const x = await A();
      await is404(b.post(`/api/reports/${x.report}/approve`, { agreementId: x.agreement }));
    },
    'GET /api/reports/{id}/file': async (b) => {
      const x = await A();
      for (const format of ['md', 'docx'])
        await is404(b.get(`/api/reports/${x.report}/file?format=${format}`));
    },
  };
}
