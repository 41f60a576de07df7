import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';

// Organization-isolation probes of the channel's statistics, fortnightly reports, calendar and
// folio import, used by tests/integration/organization-isolation.db.test.ts: organization B's
// administrator (or liaison staff, for the channel's writes) tries each route against
// organization A's records, created here through A's administrator.

type Fixture = { report: string; recipient: string; period: string };
type Probe = (b: HttpClient) => Promise<void>;

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  if (r.status !== 201) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

let fixture: Promise<Fixture> | undefined;
function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    const recipient = await created(
      a.post('/api/channel/report-recipients', { email: 'consejera@organismo-a.test' }),
    );
    const report = await created(a.post('/api/channel/reports', { year: 2024, month: 1, half: 1 }));
    const period = await created(
      a.post('/api/channel/calendar/every-day-counts', {
        startsOn: '2024-06-01',
        endsOn: '2024-06-05',
        reason: 'Periodo del Organismo A',
      }),
    );
    const day = await a.post('/api/channel/calendar/non-working-days', {
      day: '2024-12-24',
      reason: 'Receso del Organismo A',
    });
    if (day.status !== 201) throw new Error(`fixture: ${day.status}`);
    return { report, recipient, period };
  })();
  return fixture;
}

const notFound = (res: { status: number }) => expect(res.status).toBe(404);

export function channelReportProbes(
  a: () => HttpClient,
  liaisonOfB: () => Promise<HttpClient>,
): Record<string, Probe> {
  const f = () => fixtureOf(a());
  return {
    'GET /api/channel/statistics': async (c) => {
      await f();
      const res = await c.get<{ received: number; byArea: unknown[] }>(
        '/api/channel/statistics?from=2024-01-01&to=2024-12-31',
      );
      expect(res.status).toBe(200);
      expect(res.body.received).toBe(0);
      expect(res.body.byArea).toEqual([]);
    },
    'GET /api/channel/reports': async (c) => {
      const { report } = await f();
      const res = await c.get('/api/channel/reports');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(report);
    },
    'POST /api/channel/reports': async (c) => {
      const { report } = await f();
      // B's report of the same fortnight is B's own; A's is untouched.
      const res = await c.post<{ id: string }>('/api/channel/reports', { year: 2024, month: 1, half: 1 });
      expect(res.status).toBe(201);
      expect(res.body.id).not.toBe(report);
    },
    'GET /api/channel/reports/{id}/{format}': async (c) =>
      notFound(await c.get(`/api/channel/reports/${(await f()).report}/pdf`)),
    'POST /api/channel/reports/{id}/send': async (c) =>
      notFound(await c.post(`/api/channel/reports/${(await f()).report}/send`)),
    'GET /api/channel/report-recipients': async (c) => {
      await f();
      const res = await c.get('/api/channel/report-recipients');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('organismo-a.test');
    },
    'POST /api/channel/report-recipients': async (c) => {
      await f();
      // The same address on B's list is no duplicate of A's.
      const res = await c.post('/api/channel/report-recipients', { email: 'consejera@organismo-a.test' });
      expect(res.status).toBe(201);
    },
    'DELETE /api/channel/report-recipients/{id}': async (c) =>
      notFound(await c.delete(`/api/channel/report-recipients/${(await f()).recipient}`)),
    'GET /api/channel/calendar': async (c) => {
      await f();
      const res = await c.get('/api/channel/calendar?year=2024');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
    },
    'POST /api/channel/calendar/non-working-days': async (c) => {
      await f();
      const res = await c.post('/api/channel/calendar/non-working-days', {
        day: '2024-12-24',
        reason: 'Receso',
      });
      expect(res.status).toBe(201);
    },
    'DELETE /api/channel/calendar/non-working-days/{day}': async (c) => {
      await f();
      notFound(
        await c.delete('/api/channel/calendar/non-working-days/2024-12-24').then(async (r) => {
          // B may have declared the same day itself (the probe above): only A's remains after.
          if (r.status === 204) return c.delete('/api/channel/calendar/non-working-days/2024-12-24');
          return r;
        }),
      );
      const aCalendar = await a().get('/api/channel/calendar?year=2024');
      expect(JSON.stringify(aCalendar.body)).toContain('2024-12-24');
    },
    'POST /api/channel/calendar/every-day-counts': async (c) => {
      await f();
      const res = await c.post('/api/channel/calendar/every-day-counts', {
        startsOn: '2024-06-01',
        endsOn: '2024-06-05',
        reason: 'Periodo de B',
      });
      expect(res.status).toBe(201);
    },
    'DELETE /api/channel/calendar/every-day-counts/{id}': async (c) =>
      notFound(await c.delete(`/api/channel/calendar/every-day-counts/${(await f()).period}`)),
    'GET /api/channel/folios/import/template': async () => {
      const res = await (await liaisonOfB()).request<string>('GET', '/api/channel/folios/import/template');
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('Organismo A');
    },
    'POST /api/channel/folios/import': async () => {
      // Folio 1/2024 of A's series, with a date that does not exist: refused as a whole (400, or
      // 409 when a national authority operates in the installation), so B's channel stays empty
      // for the other probes; nothing of A shows in the answer.
      const form = new FormData();
      const csv =
        'modulo,folio,tipo,asunto,fecha_envio,fecha_recepcion\nSeguimiento,1/2024,Oficio,De B,2024-02-30,2024-02-30';
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'folios.csv');
      const res = await (await liaisonOfB()).post('/api/channel/folios/import', form);
      expect([400, 409]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
      const seen = await a().get<{ total: number }>('/api/channel/folios?q=De%20B');
      expect(seen.body.total).toBe(0);
    },
    'GET /api/channel/sent-folios/import/template': async () => {
      const res = await (
        await liaisonOfB()
      ).request<string>('GET', '/api/channel/sent-folios/import/template');
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('Organismo A');
    },
    'POST /api/channel/sent-folios/import': async () => {
      // Only the national authority brings in the folios it sent: a local body (B) naming A as the
      // recipient is refused before the file is read, and A receives nothing.
      const form = new FormData();
      const csv =
        'folio,destinatario,tipo,asunto,fecha_envio\n77/2024,OPLA,Oficio,Folio de B para A,2024-02-01';
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'enviados.csv');
      const res = await (await liaisonOfB()).post('/api/channel/sent-folios/import', form);
      expect(res.status).toBe(409);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
      const seen = await a().get<{ total: number }>('/api/channel/folios?q=Folio%20de%20B');
      expect(seen.body.total).toBe(0);
    },
  };
}
