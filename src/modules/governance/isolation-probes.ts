import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';

// Organization-isolation probes of the governance routes, used by
// tests/integration/organization-isolation.db.test.ts: organization B's administrator tries every
// route against organization A's records (created here through A's own client).

type Fixture = {
  body: string;
  membership: string;
  session: string;
  item: string;
  document: string;
  agreement: string;
  cgAgreement: string;
  mandate: string;
  person: string;
};

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  if (r.status !== 201) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

let fixture: Promise<Fixture> | undefined;
function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    const person = await created(a.post('/api/people', { fullName: 'Consejera del Organismo A' }));
    const body = await created(
      a.post('/api/governance/bodies', {
        name: 'Comisión del Organismo A',
        acronym: 'CA',
        kind: 'permanent_committee',
        createdOn: '2023-01-01',
      }),
    );
    const membership = await created(
      a.post(`/api/governance/bodies/${body}/memberships`, {
        role: 'president',
        personId: person,
        startsOn: '2023-01-01',
      }),
    );
    const session = await created(
      a.post(`/api/governance/bodies/${body}/sessions`, {
        kind: 'ordinaria',
        heldOn: '2024-01-25',
        modality: 'presencial',
      }),
    );
    const item = await created(
      a.post(`/api/governance/sessions/${session}/agenda-items`, { title: 'Punto A' }),
    );
    const form = new FormData();
    form.append('file', new Blob(['documento de A'], { type: 'text/plain' }), 'a.txt');
    const withDoc = await a.post<{ documents: { id: string }[] }>(
      `/api/governance/agenda-items/${item}/documents`,
      form,
    );
    const agreement = await created(
      a.post(`/api/governance/sessions/${session}/agreements`, { title: 'Acuerdo del Organismo A' }),
    );
    const cg = await created(
      a.post('/api/governance/bodies', {
        name: 'Consejo General A',
        acronym: 'CGA',
        kind: 'consejo_general',
        createdOn: '2000-01-01',
      }),
    );
    const cgAgreement = await created(
      a.post(`/api/governance/bodies/${cg}/historical-agreements`, {
        number: 'CGA/001/2024',
        title: 'Acuerdo del Consejo A',
        adoptedOn: '2024-01-10',
      }),
    );
    const areaId = await created(a.post('/api/areas', { name: 'Área de mandatos A', kind: 'other' }));
    const mandate = await created(
      a.post('/api/governance/mandates', {
        agreementId: cgAgreement,
        description: 'Mandato A',
        areaIds: [areaId],
      }),
    );
    return {
      body,
      membership,
      session,
      item,
      document: withDoc.body.documents[0]!.id,
      agreement,
      cgAgreement,
      mandate,
      person,
    };
  })();
  return fixture;
}

let bFixture: Promise<{ body: string; session: string }> | undefined;
function ownOf(b: HttpClient) {
  bFixture ??= (async () => {
    const body = await created(
      b.post('/api/governance/bodies', {
        name: 'Comisión de B',
        acronym: 'CB',
        kind: 'permanent_committee',
        createdOn: '2023-01-01',
      }),
    );
    const session = await created(
      b.post(`/api/governance/bodies/${body}/sessions`, {
        kind: 'ordinaria',
        heldOn: '2024-02-01',
        modality: 'presencial',
      }),
    );
    return { body, session };
  })();
  return bFixture;
}

let opinionOfA: Promise<{ agreement: string; opinion: string }> | undefined;
/** A voto concurrente of A's president on A's (unanimous) agreement. */
function opinionOf(a: HttpClient) {
  opinionOfA ??= (async () => {
    const x = await fixtureOf(a);
    const form = new FormData();
    form.append('file', new Blob(['voto de A'], { type: 'text/plain' }), 'voto-a.txt');
    const res = await a.post<{ opinions: { id: string }[] }>(
      `/api/governance/agreements/${x.agreement}/opinions?personId=${x.person}&kind=concurrente`,
      form,
    );
    if (res.status !== 201) throw new Error(`fixture: ${res.status} ${JSON.stringify(res.body)}`);
    return { agreement: x.agreement, opinion: res.body.opinions[0]!.id };
  })();
  return opinionOfA;
}
const FORGED = '00000000-0000-4000-8000-000000000000.bm8tYS1maXJtYS12YWxpZGEtZGUtbmFkaWU';

const is404 = async (res: Promise<{ status: number }>) => expect((await res).status).toBe(404);

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function governanceProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  return {
    'GET /api/governance/bodies': async (b) => {
      const x = await A();
      const res = await b.get('/api/governance/bodies');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(x.body);
    },
    'POST /api/governance/bodies': async (b) => {
      await A();
      // Same acronym as A's committee: not a duplicate, A's records do not exist for B.
      const res = await b.post('/api/governance/bodies', {
        name: 'Comisión homónima',
        acronym: 'CA',
        kind: 'permanent_committee',
        createdOn: '2023-01-01',
      });
      expect(res.status).toBe(201);
    },
    'GET /api/governance/bodies/{id}': async (b) =>
      is404(b.get(`/api/governance/bodies/${(await A()).body}`)),
    'PATCH /api/governance/bodies/{id}': async (b) => {
      const x = await A();
      await is404(b.patch(`/api/governance/bodies/${x.body}`, { name: 'Tomada' }));
      expect((await a().get<{ name: string }>(`/api/governance/bodies/${x.body}`)).body.name).toBe(
        'Comisión del Organismo A',
      );
    },
    'GET /api/governance/feed-tokens': async (b) => {
      const x = await A();
      const token = await a().post<{ id: string }>('/api/governance/feed-tokens', { bodyId: x.body });
      expect(token.status).toBe(201);
      const res = await b.get('/api/governance/feed-tokens');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(token.body.id);
    },
    'POST /api/governance/feed-tokens': async (b) => {
      const res = await b.post('/api/governance/feed-tokens', { bodyId: (await A()).body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ fields: [{ path: 'bodyId' }] });
    },
    'DELETE /api/governance/feed-tokens/{id}': async (b) => {
      const token = await a().post<{ id: string; url: string }>('/api/governance/feed-tokens', {});
      await is404(b.delete(`/api/governance/feed-tokens/${token.body.id}`));
      expect((await a().get(new URL(token.body.url).pathname)).status).toBe(200);
    },
    'GET /api/governance/feeds/{token}/sesiones.ics': async (b) => {
      const x = await A();
      // B's own feed of all bodies holds none of A's sessions.
      const own = await b.post<{ url: string }>('/api/governance/feed-tokens', {});
      const res = await b.get<string>(new URL(own.body.url).pathname);
      expect(res.status).toBe(200);
      expect(res.body).not.toContain(x.session);
      expect(res.body).not.toContain('CA:');
    },
    'POST /api/governance/bodies/{id}/memberships': async (b) => {
      const x = await A();
      await is404(
        b.post(`/api/governance/bodies/${x.body}/memberships`, {
          role: 'member',
          personId: x.person,
          startsOn: '2024-01-01',
        }),
      );
      const own = await ownOf(b);
      const res = await b.post(`/api/governance/bodies/${own.body}/memberships`, {
        role: 'member',
        personId: x.person,
        startsOn: '2024-01-01',
      });
      expect(res.status).toBe(400);
    },
    'PATCH /api/governance/bodies/{id}/memberships/{membershipId}': async (b) => {
      const x = await A();
      await is404(
        b.patch(`/api/governance/bodies/${x.body}/memberships/${x.membership}`, { endsOn: '2024-01-01' }),
      );
      const own = await ownOf(b);
      await is404(
        b.patch(`/api/governance/bodies/${own.body}/memberships/${x.membership}`, { endsOn: '2024-01-01' }),
      );
    },
    'GET /api/governance/bodies/{id}/sessions': async (b) =>
      is404(b.get(`/api/governance/bodies/${(await A()).body}/sessions`)),
    'POST /api/governance/bodies/{id}/sessions': async (b) =>
      is404(
        b.post(`/api/governance/bodies/${(await A()).body}/sessions`, {
          kind: 'ordinaria',
          heldOn: '2024-03-01',
          modality: 'presencial',
        }),
      ),
    'GET /api/governance/sessions/{id}': async (b) =>
      is404(b.get(`/api/governance/sessions/${(await A()).session}`)),
    'PATCH /api/governance/sessions/{id}': async (b) =>
      is404(b.patch(`/api/governance/sessions/${(await A()).session}`, { place: 'Tomada' })),
    'POST /api/governance/sessions/{id}/agenda-items': async (b) =>
      is404(b.post(`/api/governance/sessions/${(await A()).session}/agenda-items`, { title: 'Intruso' })),
    'PATCH /api/governance/agenda-items/{id}': async (b) =>
      is404(b.patch(`/api/governance/agenda-items/${(await A()).item}`, { title: 'Intruso' })),
    'DELETE /api/governance/agenda-items/{id}': async (b) =>
      is404(b.delete(`/api/governance/agenda-items/${(await A()).item}`)),
    'PUT /api/governance/sessions/{id}/agenda-order': async (b) => {
      const x = await A();
      await is404(b.put(`/api/governance/sessions/${x.session}/agenda-order`, { itemIds: [x.item] }));
    },
    'POST /api/governance/sessions/{id}/cancellation': async (b) =>
      is404(b.post(`/api/governance/sessions/${(await A()).session}/cancellation`, { reason: 'Intruso' })),
    'POST /api/governance/agenda-items/{id}/documents': async (b) => {
      const form = new FormData();
      form.append('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
      await is404(b.post(`/api/governance/agenda-items/${(await A()).item}/documents`, form));
    },
    'GET /api/governance/agenda-documents/{id}': async (b) =>
      is404(b.get(`/api/governance/agenda-documents/${(await A()).document}`)),
    'PUT /api/governance/sessions/{id}/attendance': async (b) => {
      const x = await A();
      await is404(
        b.put(`/api/governance/sessions/${x.session}/attendance`, {
          entries: [{ personId: x.person, present: true }],
        }),
      );
      const own = await ownOf(b);
      const res = await b.put(`/api/governance/sessions/${own.session}/attendance`, {
        entries: [{ personId: x.person, present: true }],
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain('Consejera del Organismo A');
    },
    'POST /api/governance/sessions/{id}/agreements': async (b) =>
      is404(b.post(`/api/governance/sessions/${(await A()).session}/agreements`, { title: 'Intruso' })),
    'POST /api/governance/sessions/{id}/minutes-approval': async (b) => {
      const x = await A();
      await is404(
        b.post(`/api/governance/sessions/${x.session}/minutes-approval`, { agreementId: x.agreement }),
      );
      const own = await ownOf(b);
      const res = await b.post(`/api/governance/sessions/${own.session}/minutes-approval`, {
        agreementId: x.agreement,
      });
      expect(res.status).toBe(400);
    },
    'GET /api/governance/sessions/{id}/documents/{document}': async (b) =>
      is404(b.get(`/api/governance/sessions/${(await A()).session}/documents/minuta?format=docx`)),
    'GET /api/governance/bodies/{id}/agreements': async (b) =>
      is404(b.get(`/api/governance/bodies/${(await A()).body}/agreements`)),
    'GET /api/governance/sessions/import/template': async (b) => {
      await A();
      const res = await b.request<string>('GET', '/api/governance/sessions/import/template?format=csv');
      expect(res.status).toBe(200);
      expect(res.body).toContain('Órgano');
    },
    'POST /api/governance/sessions/import': async (b) => {
      await A();
      await ownOf(b);
      // A's Consejo General (CGA) and its agreement CGA/001/2024 do not exist for B: the row is
      // refused, and the message names only B's own bodies (CGA once: the cell it quotes).
      const form = new FormData();
      const csv =
        'Órgano,Tipo de sesión,Fecha,Acuerdo,Título del acuerdo\nCGA,Ordinaria,10/01/2024,CGA/001/2024,Intruso';
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'sesiones.csv');
      const res = await b.post<{ counts: { refused: number }; rows: { problems: { message: string }[] }[] }>(
        '/api/governance/sessions/import?dryRun=true',
        form,
      );
      expect(res.status).toBe(200);
      expect(res.body.counts.refused).toBe(1);
      const message = res.body.rows[0]!.problems[0]!.message;
      expect(message).toContain('CB');
      expect(message.split('CGA')).toHaveLength(2);
    },
    'POST /api/governance/bodies/{id}/historical-agreements': async (b) =>
      is404(
        b.post(`/api/governance/bodies/${(await A()).body}/historical-agreements`, {
          number: 'CA/009/2023',
          title: 'Intruso',
          adoptedOn: '2023-05-05',
        }),
      ),
    'GET /api/governance/agreements': async (b) => {
      const x = await A();
      const r = await b.get<{ id: string }[]>('/api/governance/agreements?q=Organismo%20A');
      expect(r.status).toBe(200);
      expect(r.body.map((o) => o.id)).not.toContain(x.agreement);
      // A sees its own through the same search.
      const own = await a().get<{ id: string }[]>('/api/governance/agreements?q=Organismo%20A');
      expect(own.body.map((o) => o.id)).toContain(x.agreement);
    },
    'GET /api/governance/agreements/{id}': async (b) =>
      is404(b.get(`/api/governance/agreements/${(await A()).agreement}`)),
    'PATCH /api/governance/agreements/{id}': async (b) => {
      const x = await A();
      await is404(b.patch(`/api/governance/agreements/${x.agreement}`, { title: 'Tomado' }));
      expect((await a().get<{ title: string }>(`/api/governance/agreements/${x.agreement}`)).body.title).toBe(
        'Acuerdo del Organismo A',
      );
    },
    'GET /api/governance/bodies/{id}/attendance-report': async (b) =>
      is404(b.get(`/api/governance/bodies/${(await A()).body}/attendance-report`)),
    'GET /api/governance/bodies/{id}/attendance-report/document': async (b) =>
      is404(b.get(`/api/governance/bodies/${(await A()).body}/attendance-report/document?format=pdf`)),
    'GET /api/governance/bodies/{id}/calendar.ics': async (b) =>
      is404(b.get(`/api/governance/bodies/${(await A()).body}/calendar.ics`)),
    'GET /api/governance/mandates': async (b) => {
      const x = await A();
      const res = await b.get('/api/governance/mandates');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(x.mandate);
    },
    'POST /api/governance/mandates': async (b) => {
      const res = await b.post('/api/governance/mandates', {
        agreementId: (await A()).cgAgreement,
        description: 'Intruso',
        areaIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ fields: [{ path: 'agreementId' }] });
    },
    'GET /api/governance/mandates/{id}': async (b) =>
      is404(b.get(`/api/governance/mandates/${(await A()).mandate}`)),
    'PATCH /api/governance/mandates/{id}': async (b) =>
      is404(b.patch(`/api/governance/mandates/${(await A()).mandate}`, { status: 'cancelled' })),
    'POST /api/governance/sessions/{id}/convocation': async (b) => {
      const x = await A();
      await is404(b.post(`/api/governance/sessions/${x.session}/convocation`, { confirmLate: true }));
      const detail = await a().get<{ convocation: unknown }>(`/api/governance/sessions/${x.session}`);
      expect(detail.body.convocation).toBeNull();
    },
    'PUT /api/governance/sessions/{id}/convocation/recipients/{recipientId}': async (b) => {
      // Sending needs the job queue, which this suite does not start: A's session is named with a
      // recipient id that B cannot know to exist (db test convocation.db.test.ts covers the rest).
      const x = await A();
      const own = await ownOf(b);
      const some = '00000000-0000-4000-8000-000000000000';
      await is404(
        b.put(`/api/governance/sessions/${x.session}/convocation/recipients/${some}`, {
          response: 'attending',
        }),
      );
      await is404(
        b.put(`/api/governance/sessions/${own.session}/convocation/recipients/${some}`, {
          response: 'attending',
        }),
      );
    },
    'GET /api/governance/notice-settings': async (b) => {
      await a().put('/api/governance/notice-settings', {
        ordinaryNoticeHours: 48,
        extraordinaryNoticeHours: 12,
        urgentNoticeHours: 1,
      });
      const res = await b.get<{ ordinaryNoticeHours: number }>('/api/governance/notice-settings');
      expect(res.body.ordinaryNoticeHours).not.toBe(48);
    },
    'PUT /api/governance/notice-settings': async (b) => {
      const before = await a().get('/api/governance/notice-settings');
      const res = await b.put('/api/governance/notice-settings', {
        ordinaryNoticeHours: 5,
        extraordinaryNoticeHours: 5,
        urgentNoticeHours: 5,
      });
      expect(res.status).toBe(200);
      expect((await a().get('/api/governance/notice-settings')).body).toEqual(before.body);
    },
    'GET /api/public/convocations/{token}': async (b) => is404(b.get(`/api/public/convocations/${FORGED}`)),
    'POST /api/public/convocations/{token}/response': async (b) =>
      is404(b.post(`/api/public/convocations/${FORGED}/response`, { response: 'attending' })),
    'GET /api/public/convocations/{token}/documents/{documentId}': async (b) =>
      is404(b.get(`/api/public/convocations/${FORGED}/documents/${(await A()).document}`)),
    'POST /api/governance/agreements/{id}/votes': async (b) => {
      const x = await A();
      await is404(
        b.post(`/api/governance/agreements/${x.agreement}/votes`, { personId: x.person, vote: 'favor' }),
      );
    },
    'POST /api/governance/agreements/{id}/opinions': async (b) => {
      const x = await A();
      const form = new FormData();
      form.append('file', new Blob(['intruso'], { type: 'text/plain' }), 'x.txt');
      await is404(
        b.post(
          `/api/governance/agreements/${x.agreement}/opinions?personId=${x.person}&kind=concurrente`,
          form,
        ),
      );
    },
    'GET /api/governance/agreements/{id}/opinions/{opinionId}': async (b) => {
      const o = await opinionOf(a());
      await is404(b.get(`/api/governance/agreements/${o.agreement}/opinions/${o.opinion}`));
      expect((await a().get(`/api/governance/agreements/${o.agreement}/opinions/${o.opinion}`)).status).toBe(
        200,
      );
    },
    'POST /api/governance/mandates/{id}/updates': async (b) =>
      is404(
        b.post(`/api/governance/mandates/${(await A()).mandate}/updates`, {
          occurredOn: '2024-02-01',
          note: 'x',
        }),
      ),
  };
}
