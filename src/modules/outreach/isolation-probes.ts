import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';

// Organization-isolation probes of the outreach routes, used by
// tests/integration/organization-isolation.db.test.ts: organization B's administrator tries every
// route against organization A's records (created here through A's own client).

type Fixture = { base: string; contact: string; consent: string; arco: string; campaign: string };

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  if (r.status !== 201) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

let fixture: Promise<Fixture> | undefined;
function fixtureOf(a: HttpClient): Promise<Fixture> {
  fixture ??= (async () => {
    const base = await created(
      a.post('/api/outreach/bases', { name: 'Base del Organismo A', kind: 'observer_network' }),
    );
    const contact = await created(
      a.post('/api/outreach/contacts', {
        fullName: 'Contacto del Organismo A',
        email: 'contacto@a.test',
        baseIds: [base],
      }),
    );
    const consent = await created(
      a.post(`/api/outreach/contacts/${contact}/consents`, {
        purpose: 'Difusión A',
        givenOn: '2024-01-02',
        source: 'Formulario A',
        privacyNoticeVersion: 'A-1',
      }),
    );
    const arco = await created(
      a.post('/api/outreach/arco-requests', { contactId: contact, kind: 'access', receivedOn: '2024-01-03' }),
    );
    const campaign = await created(
      a.post('/api/outreach/campaigns', {
        topic: 'Campaña del Organismo A',
        channels: ['email', 'whatsapp'],
        month: '2024-01',
        baseIds: [base],
        subject: 'Asunto A',
        textTemplate: 'Texto A',
      }),
    );
    return { base, contact, consent, arco, campaign };
  })();
  return fixture;
}

const is404 = async (res: Promise<{ status: number }>) => expect((await res).status).toBe(404);
const FORGED = 'a'.repeat(30);

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function outreachProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  const notListed = async (res: Promise<{ status: number; body: unknown }>, id: string) => {
    const r = await res;
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain(id);
    expect(JSON.stringify(r.body)).not.toContain('Organismo A');
  };
  return {
    'GET /api/outreach/bases': async (b) => notListed(b.get('/api/outreach/bases'), (await A()).base),
    'POST /api/outreach/bases': async (b) => {
      await A();
      // A's base name is free in B.
      const res = await b.post('/api/outreach/bases', { name: 'Base del Organismo A', kind: 'other' });
      expect(res.status).toBe(201);
    },
    'PATCH /api/outreach/bases/{id}': async (b) =>
      is404(b.patch(`/api/outreach/bases/${(await A()).base}`, { name: 'X' })),
    'GET /api/outreach/contacts': async (b) =>
      notListed(b.get('/api/outreach/contacts?q=Organismo'), (await A()).contact),
    'POST /api/outreach/contacts': async (b) => {
      const x = await A();
      // Same e-mail as A's contact is not a duplicate in B; A's base is not B's.
      expect(
        (await b.post('/api/outreach/contacts', { fullName: 'Contacto B', email: 'contacto@a.test' })).status,
      ).toBe(201);
      expect(
        (await b.post('/api/outreach/contacts', { fullName: 'Contacto B2', baseIds: [x.base] })).status,
      ).toBe(400);
    },
    'GET /api/outreach/contacts/{id}': async (b) =>
      is404(b.get(`/api/outreach/contacts/${(await A()).contact}`)),
    'PATCH /api/outreach/contacts/{id}': async (b) =>
      is404(b.patch(`/api/outreach/contacts/${(await A()).contact}`, { city: 'B' })),
    'POST /api/outreach/contacts/import': async (b) => {
      const x = await A();
      const form = new FormData();
      form.append('file', new Blob(['nombre\nPersona B\n'], { type: 'text/csv' }), 'b.csv');
      const res = await b.post(`/api/outreach/contacts/import?baseId=${x.base}`, form);
      expect(res.status).toBe(400);
    },
    'POST /api/outreach/contacts/{id}/consents': async (b) =>
      is404(
        b.post(`/api/outreach/contacts/${(await A()).contact}/consents`, {
          purpose: 'x',
          givenOn: '2024-01-01',
          source: 'x',
          privacyNoticeVersion: 'x',
        }),
      ),
    'POST /api/outreach/consents/{id}/withdraw': async (b) =>
      is404(
        b.post(`/api/outreach/consents/${(await A()).consent}/withdraw`, {
          withdrawnOn: '2024-01-05',
          source: 'x',
        }),
      ),
    'PUT /api/outreach/contacts/{id}/opt-outs': async (b) =>
      is404(
        b.put(`/api/outreach/contacts/${(await A()).contact}/opt-outs`, {
          email: true,
          whatsapp: true,
          phone: true,
        }),
      ),
    'GET /api/outreach/contacts/{id}/export': async (b) =>
      is404(b.get(`/api/outreach/contacts/${(await A()).contact}/export?format=json`)),
    'POST /api/outreach/contacts/{id}/erase': async (b) =>
      is404(b.post(`/api/outreach/contacts/${(await A()).contact}/erase`, { reason: 'x' })),
    'GET /api/outreach/arco-requests': async (b) =>
      notListed(b.get('/api/outreach/arco-requests'), (await A()).arco),
    'POST /api/outreach/arco-requests': async (b) => {
      const res = await b.post('/api/outreach/arco-requests', {
        contactId: (await A()).contact,
        kind: 'access',
        receivedOn: '2024-01-03',
      });
      expect(res.status).toBe(400);
    },
    'GET /api/outreach/arco-requests/{id}': async (b) =>
      is404(b.get(`/api/outreach/arco-requests/${(await A()).arco}`)),
    'POST /api/outreach/arco-requests/{id}/extend': async (b) =>
      is404(
        b.post(`/api/outreach/arco-requests/${(await A()).arco}/extend`, {
          extendedOn: '2024-01-10',
          reason: 'x',
        }),
      ),
    'POST /api/outreach/arco-requests/{id}/resolve': async (b) =>
      is404(
        b.post(`/api/outreach/arco-requests/${(await A()).arco}/resolve`, {
          resolvedOn: '2024-01-10',
          outcome: 'granted',
          resolution: 'x',
        }),
      ),
    'GET /api/outreach/campaigns': async (b) =>
      notListed(b.get('/api/outreach/campaigns'), (await A()).campaign),
    'GET /api/outreach/objectives': async (b) => {
      const res = await b.get<unknown[]>('/api/outreach/objectives');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
    },
    'POST /api/outreach/campaigns': async (b) => {
      const res = await b.post('/api/outreach/campaigns', {
        topic: 'B',
        channels: ['email'],
        month: '2024-01',
        baseIds: [(await A()).base],
      });
      expect(res.status).toBe(400);
    },
    'GET /api/outreach/campaigns/{id}': async (b) =>
      is404(b.get(`/api/outreach/campaigns/${(await A()).campaign}`)),
    'PATCH /api/outreach/campaigns/{id}': async (b) =>
      is404(b.patch(`/api/outreach/campaigns/${(await A()).campaign}`, { topic: 'B' })),
    'POST /api/outreach/campaigns/{id}/start': async (b) =>
      is404(b.post(`/api/outreach/campaigns/${(await A()).campaign}/start`)),
    'POST /api/outreach/campaigns/{id}/pause': async (b) =>
      is404(b.post(`/api/outreach/campaigns/${(await A()).campaign}/pause`)),
    'POST /api/outreach/campaigns/{id}/resume': async (b) =>
      is404(b.post(`/api/outreach/campaigns/${(await A()).campaign}/resume`)),
    'POST /api/outreach/campaigns/{id}/cancel': async (b) =>
      is404(b.post(`/api/outreach/campaigns/${(await A()).campaign}/cancel`)),
    'POST /api/outreach/bounces': async (b) => {
      await A();
      // A DSN naming organization A's address: nothing of A's is touched or shown to B.
      const res = await b.post<{ recorded: unknown[]; ignored: { reason: string }[] }>(
        '/api/outreach/bounces',
        {
          dsn: 'Message-ID: <outreach.1@vincula.test>\n\nFinal-Recipient: rfc822; contacto@a.test\nAction: failed\nStatus: 5.1.1\n',
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.recorded).toEqual([]);
      expect(res.body.ignored).toHaveLength(1);
    },
    'GET /api/outreach/campaigns/{id}/ledger': async (b) =>
      is404(b.get(`/api/outreach/campaigns/${(await A()).campaign}/ledger`)),
    'GET /api/outreach/campaigns/{id}/manual-contacts': async (b) =>
      is404(b.get(`/api/outreach/campaigns/${(await A()).campaign}/manual-contacts`)),
    'POST /api/outreach/campaigns/{id}/manual-contacts': async (b) => {
      const x = await A();
      await is404(
        b.post(`/api/outreach/campaigns/${x.campaign}/manual-contacts`, {
          contactId: x.contact,
          channel: 'whatsapp',
          outcome: 'delivered',
          contactedOn: '2024-01-10',
        }),
      );
    },
    // Public routes: the signed token is the only key; a token not signed by the server is unknown.
    'GET /api/public/outreach/unsubscribe/{token}': async (b) =>
      is404(b.get(`/api/public/outreach/unsubscribe/${FORGED}`)),
    'POST /api/public/outreach/unsubscribe/{token}': async (b) =>
      is404(b.post(`/api/public/outreach/unsubscribe/${FORGED}`)),
    'GET /api/public/outreach/open/{token}': async (b) => is404(b.get(`/api/public/outreach/open/${FORGED}`)),
  };
}
