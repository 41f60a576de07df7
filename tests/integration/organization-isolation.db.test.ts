import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../support/test-app';
import type { HttpClient } from '../support/http-client';
import { governanceProbes } from '../../src/modules/governance/isolation-probes';
import { insertAlert } from '../../src/modules/agreements/repository';
import { channelRoutingProbes } from '../../src/modules/channel/routing-isolation-probes';
import { reportsProbes } from '../../src/modules/reports/isolation-probes';
import { programProbes } from '../../src/modules/program/isolation-probes';
import { outreachProbes } from '../../src/modules/outreach/isolation-probes';
import { observersProbes } from '../../src/modules/outreach/observers/isolation-probes';
import { channelReportProbes } from '../../src/modules/channel/report-isolation-probes';
import { agreementsImportProbes } from '../../src/modules/agreements/isolation-probes';
import { letterheadProbes } from '../../src/modules/accounts/letterhead-isolation-probes';
import { delegationProbes } from '../../src/modules/accounts/delegation-isolation-probes';

/**
 * Every organization sees only its own data. Organization B's administrator (the widest role) tries
 * every route of the API against organization A's records. The table below must name every route
 * of the OpenAPI document: a new route without an isolation check fails this test.
 */

type Ids = {
  institution: string;
  area: string;
  person: string;
  position: string;
  user: string;
  bArea: string;
  bPerson: string;
};
type Probe = (b: HttpClient, a: Ids) => Promise<void>;

let t: TestApp;
let orgA: TestOrg;
let orgB: TestOrg;
let ids: Ids;
let a: HttpClient;
let b: HttpClient;

function csv(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'datos.csv');
  return form;
}

const notFound = (res: { status: number }) => expect(res.status).toBe(404);
const listIsEmptyOfA = async (res: Promise<{ status: number; body: unknown }>) => {
  const r = await res;
  expect(r.status).toBe(200);
  expect(JSON.stringify(r.body)).not.toContain('Organismo A');
  expect(JSON.stringify(r.body)).not.toContain(ids.institution);
};

// Organization A's agreements register (created on first use, through A's own API).
type AgreementIds = {
  instrument: string;
  file: string;
  commitment: string;
  review: string;
  opinion: string;
};
let agreementsA: Promise<AgreementIds> | undefined;
/** A follow-up folio of organization A, sent by a national authority added for the purpose. */
let channelA: Promise<{ folio: string; communication: string; ine: TestOrg }> | undefined;
let liaisonB: Promise<HttpClient> | undefined;
/** The channel is worked by liaison staff (the administrator only reads it). */
const liaisonOfB = () => (liaisonB ??= t.as(orgB, 'liaison_staff'));
/** A monthly obligation of A's folio, with its first occurrence. */
async function obligationOfA() {
  const { folio } = await channelOfA();
  const liaisonA = await t.as(orgA, 'liaison_staff');
  await liaisonA.post(`/api/channel/folios/${folio}/obligations`, {
    description: 'Informe mensual de A',
    dueRule: { kind: 'last_business_day_of_month' },
    startsOn: '2024-01-01',
    endsOn: '2024-02-29',
  });
  const [o] = (
    await liaisonA.get<{ id: string; occurrences: { id: string }[] }[]>(
      `/api/channel/folios/${folio}/obligations`,
    )
  ).body;
  return { obligation: o!.id, occurrence: o!.occurrences[0]!.id };
}
function channelOfA() {
  channelA ??= (async () => {
    const ine = await t.createOrg('INEI', 'national_authority');
    const staff = await t.as(ine, 'national_authority_staff');
    const sent = await staff.post<{ communicationId: string; folioIds: string[] }>(
      '/api/channel/communications',
      {
        module: 'follow_up',
        documentType: 'oficio',
        subject: 'Oficio para el Organismo A',
        sentOn: '2024-01-10',
        recipientOrgIds: [orgA.id],
      },
    );
    return { folio: sent.body.folioIds[0]!, communication: sent.body.communicationId, ine };
  })();
  return channelA;
}

function agreementsOfA(): Promise<AgreementIds> {
  agreementsA ??= (async () => {
    await a.put('/api/agreement-settings', {
      opinionPrefix: 'PREFIJO/A',
      alertLeadDays: 30,
      alertRepeatDays: 7,
    });
    await a.post('/api/instrument-types', { name: 'Tipo del Organismo A', gender: 'm' });
    const types = await a.get<{ id: string; name: string }[]>('/api/instrument-types');
    const typeId = types.body.find((t) => t.name === 'Convenio de Colaboración')!.id;
    const instrument = (
      await a.post<{ id: string }>('/api/instruments', {
        typeId,
        subject: 'entre el OPLA y la Universidad del Organismo A',
        partyIds: [ids.institution],
        areaIds: [ids.area],
        signedOn: '2024-01-10',
        validFrom: '2024-01-10',
        validUntil: '2024-12-31',
        status: 'in_force',
      })
    ).body.id;
    const form = new FormData();
    form.append('file', new Blob(['firmado'], { type: 'application/pdf' }), 'convenio.pdf');
    const file = (await a.post<{ id: string }>(`/api/instruments/${instrument}/files?kind=signed`, form)).body
      .id;
    const commitment = (
      await a.post<{ id: string }>(`/api/instruments/${instrument}/commitments`, {
        owedByAreaId: ids.area,
        description: 'Compromiso del Organismo A',
      })
    ).body.id;
    const review = (
      await a.post<{ id: string }>('/api/reviews', {
        period: '2024-02',
        title: 'Revisión del Organismo A',
        openedOn: '2024-02-01',
      })
    ).body.id;
    const opinion = (
      await a.post<{ id: string }>('/api/opinions', {
        instrumentId: instrument,
        areaIds: [ids.area],
        requestedOn: '2024-01-05',
        content: 'Opinión del Organismo A',
      })
    ).body.id;
    await a.post('/api/accompaniments', {
      occurredOn: '2024-01-08',
      areaId: ids.area,
      institutionId: ids.institution,
      description: 'Acompañamiento del Organismo A',
    });
    return { instrument, file, commitment, review, opinion };
  })();
  return agreementsA;
}

async function ownInstrumentOfB(c: HttpClient): Promise<string> {
  const institution = (
    await c.post<{ id: string }>('/api/institutions', {
      name: 'Contraparte de B',
      kind: 'university',
      level: 'local',
    })
  ).body.id;
  const types = await c.get<{ id: string }[]>('/api/instrument-types');
  const res = await c.post<{ id: string }>('/api/instruments', {
    typeId: types.body[0]!.id,
    partyIds: [institution],
    areaIds: [ids.bArea],
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const PROBES: Record<string, Probe | 'self'> = {
  ...governanceProbes(() => a),
  ...channelRoutingProbes(() => ({ t, orgA, orgB })),
  ...reportsProbes(() => a),
  ...programProbes(() => a),
  ...outreachProbes(() => a),
  ...observersProbes(() => a),
  ...channelReportProbes(() => a, liaisonOfB),
  ...agreementsImportProbes(() => ({
    client: a,
    institution: 'Universidad del Organismo A',
    area: 'Dirección del Organismo A',
    instrumentTitle: async () => {
      await agreementsOfA();
      return 'Convenio de Colaboración entre el OPLA y la Universidad del Organismo A';
    },
  })),
  ...letterheadProbes(() => a),
  ...delegationProbes(() => a),
  'GET /api/instrument-types': async (c) => {
    await agreementsOfA();
    const res = await c.get('/api/instrument-types');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('Tipo del Organismo A');
  },
  'POST /api/instrument-types': async (c) => {
    expect((await c.post('/api/instrument-types', { name: 'Tipo del Organismo A' })).status).toBe(201);
  },
  'GET /api/agreement-settings': async (c) => {
    await agreementsOfA();
    const res = await c.get<{ opinionPrefix: string }>('/api/agreement-settings');
    expect(res.body.opinionPrefix).toBe('OPLB/SE/DVOE/OP');
  },
  'PUT /api/agreement-settings': async (c) => {
    expect((await c.put('/api/agreement-settings', { opinionPrefix: 'PREFIJO/B' })).status).toBe(200);
  },
  'GET /api/instruments': (c) => listIsEmptyOfA(c.get('/api/instruments?q=Organismo')),
  'GET /api/instruments/export': (c) => listIsEmptyOfA(c.get('/api/instruments/export?format=csv')),
  'GET /api/instruments/{id}': async (c) =>
    notFound(await c.get(`/api/instruments/${(await agreementsOfA()).instrument}`)),
  'POST /api/instruments': async (c, x) => {
    const g = await agreementsOfA();
    const types = await c.get<{ id: string }[]>('/api/instrument-types');
    const res = await c.post('/api/instruments', {
      typeId: types.body[0]!.id,
      parentId: g.instrument,
      partyIds: [x.institution],
      areaIds: [x.area],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      fields: [{ path: 'parentId' }, { path: 'partyIds.0' }, { path: 'areaIds.0' }],
    });
  },
  'PATCH /api/instruments/{id}': async (c) => {
    const g = await agreementsOfA();
    notFound(await c.patch(`/api/instruments/${g.instrument}`, { object: 'Tomado' }));
    const own = await ownInstrumentOfB(c);
    const res = await c.patch(`/api/instruments/${own}`, { parentId: g.instrument });
    expect(res.status).toBe(400);
  },
  'POST /api/instruments/{id}/status': async (c) =>
    notFound(
      await c.post(`/api/instruments/${(await agreementsOfA()).instrument}/status`, {
        status: 'concluded',
        changedOn: '2024-03-01',
      }),
    ),
  'POST /api/instruments/{id}/renewals': async (c) =>
    notFound(
      await c.post(`/api/instruments/${(await agreementsOfA()).instrument}/renewals`, {
        renewedOn: '2024-03-01',
        newEnd: '2030-01-01',
      }),
    ),
  'POST /api/instruments/{id}/files': async (c) => {
    const form = new FormData();
    form.append('file', new Blob(['intruso'], { type: 'text/plain' }), 'x.txt');
    notFound(await c.post(`/api/instruments/${(await agreementsOfA()).instrument}/files`, form));
  },
  'GET /api/instruments/{id}/files/{fileId}': async (c) => {
    const g = await agreementsOfA();
    notFound(await c.get(`/api/instruments/${g.instrument}/files/${g.file}`));
  },
  'POST /api/instruments/{id}/commitments': async (c) =>
    notFound(
      await c.post(`/api/instruments/${(await agreementsOfA()).instrument}/commitments`, {
        owedByAreaId: ids.bArea,
        description: 'Intruso',
      }),
    ),
  'POST /api/commitments/{id}/updates': async (c) =>
    notFound(
      await c.post(`/api/commitments/${(await agreementsOfA()).commitment}/updates`, {
        updatedOn: '2024-03-01',
        note: 'Intruso',
        fulfilled: true,
      }),
    ),
  'GET /api/instrument-alerts': async (c) => {
    await agreementsOfA();
    // A's instrument ends 2024-12-31 with alerts from 2024-12-01: B sees none of them.
    const res = await c.get<{ items: unknown[] }>('/api/instrument-alerts?on=2024-12-01');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  },
  'GET /api/instrument-alerts/sent': async (c) => {
    const g = await agreementsOfA();
    // A's ledger holds one alert of its instrument; B's ledger view shows none of it.
    await insertAlert(t.ctx.database.db, orgA.id, {
      instrumentId: g.instrument,
      effectiveEnd: '2024-12-31',
      dueOn: '2024-12-01',
      sentOn: '2024-12-01',
      recipients: ['area@organismo-a.test'],
    });
    for (const q of ['', `?instrumentId=${g.instrument}`]) {
      const res = await c.get<{ items: unknown[]; total: number }>(`/api/instrument-alerts/sent${q}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
      expect(JSON.stringify(res.body)).not.toContain(g.instrument);
    }
  },
  'GET /api/reviews': async (c) => {
    await agreementsOfA();
    const res = await c.get('/api/reviews');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('Organismo A');
  },
  'POST /api/reviews': async (c) => {
    const res = await c.post('/api/reviews', {
      period: '2024-02',
      title: 'Revisión de B',
      openedOn: '2024-02-01',
    });
    expect(res.status).toBe(201);
  },
  'GET /api/reviews/{id}': async (c) =>
    notFound(await c.get(`/api/reviews/${(await agreementsOfA()).review}`)),
  'PUT /api/reviews/{id}/decisions/{instrumentId}': async (c) => {
    const g = await agreementsOfA();
    const body = { decision: 'conclude', decidedOn: '2024-02-10' };
    notFound(await c.put(`/api/reviews/${g.review}/decisions/${g.instrument}`, body));
    const own = await c.get<{ items: { id: string }[] }>('/api/reviews');
    notFound(await c.put(`/api/reviews/${own.body.items[0]!.id}/decisions/${g.instrument}`, body));
  },
  'GET /api/opinions': async (c) => {
    await agreementsOfA();
    const res = await c.get('/api/opinions');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('Organismo A');
  },
  'GET /api/opinions/{id}': async (c) =>
    notFound(await c.get(`/api/opinions/${(await agreementsOfA()).opinion}`)),
  'POST /api/opinions': async (c) => {
    const res = await c.post('/api/opinions', {
      instrumentId: (await agreementsOfA()).instrument,
      areaIds: [ids.bArea],
      requestedOn: '2024-01-05',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: [{ path: 'instrumentId' }] });
  },
  'PUT /api/opinions/{id}/draft': async (c) =>
    notFound(await c.put(`/api/opinions/${(await agreementsOfA()).opinion}/draft`, { content: 'Tomada' })),
  'GET /api/opinions/{id}/document': async (c) =>
    notFound(await c.get(`/api/opinions/${(await agreementsOfA()).opinion}/document`)),
  'POST /api/opinions/{id}/issue': async (c) =>
    notFound(
      await c.post(`/api/opinions/${(await agreementsOfA()).opinion}/issue`, { issuedOn: '2024-02-01' }),
    ),
  'GET /api/agreements/report-tables': async (c) => {
    await agreementsOfA();
    await listIsEmptyOfA(c.get('/api/agreements/report-tables?from=2024-01-01&to=2024-12-31'));
  },
  'GET /api/accompaniments': async (c) => {
    await agreementsOfA();
    const res = await c.get<{ activities: number }>('/api/accompaniments');
    expect(res.body.activities).toBe(0);
  },
  'POST /api/accompaniments': async (c, x) => {
    const res = await c.post('/api/accompaniments', {
      occurredOn: '2024-01-08',
      areaId: x.area,
      institutionId: x.institution,
      description: 'Intruso',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: [{ path: 'areaId' }, { path: 'institutionId' }] });
  },
  'GET /api/health': 'self',
  // The installation's routes (ADR 0023): an organization's administrator manages no organization,
  // and a made-up link opens nothing.
  'GET /api/organizations': async (c) => expect((await c.get('/api/organizations')).status).toBe(403),
  'POST /api/organizations': async (c) =>
    expect(
      (await c.post('/api/organizations', { name: 'Otra', acronym: 'OTRA', kind: 'local_body' })).status,
    ).toBe(403),
  'PATCH /api/organizations/{id}': async (c) =>
    expect((await c.patch(`/api/organizations/${orgA.id}`, { suspended: true })).status).toBe(403),
  'POST /api/organizations/{id}/invitations': async (c) =>
    expect(
      (
        await c.post(`/api/organizations/${orgA.id}/invitations`, {
          name: 'Intruso',
          email: 'intruso@b.test',
        })
      ).status,
    ).toBe(403),
  'GET /api/setup/{token}': async (c) => notFound(await c.get(`/api/setup/${'a'.repeat(43)}`)),
  'POST /api/setup/{token}': async (c) =>
    notFound(
      await c.post(`/api/setup/${'a'.repeat(43)}`, {
        name: 'Intruso',
        email: 'intruso@b.test',
        password: 'una contraseña larga',
      }),
    ),
  'GET /api/invitations/{token}': async (c) => notFound(await c.get(`/api/invitations/${'a'.repeat(43)}`)),
  'POST /api/invitations/{token}': async (c) =>
    notFound(await c.post(`/api/invitations/${'a'.repeat(43)}`, { password: 'una contraseña larga' })),
  'POST /api/session': 'self',
  'DELETE /api/session': 'self',
  'GET /api/me': 'self',
  'POST /api/me/password': 'self',
  // Password reset and sessions (ADR 0027): a link is mailed only to the address's owner, a made-up
  // link opens nothing, and nobody ends a session or a user of another organization.
  'POST /api/password-reset': 'self',
  'GET /api/password-reset/{token}': async (c) =>
    notFound(await c.get(`/api/password-reset/${'a'.repeat(24)}`)),
  'POST /api/password-reset/{token}': async (c) =>
    notFound(await c.post(`/api/password-reset/${'a'.repeat(24)}`, { password: 'una contraseña larga' })),
  'GET /api/me/sessions': async (c) => {
    const res = await c.get<{ id: string }[]>('/api/me/sessions');
    const ofA = await t.ctx.database.query<{ id: string }>(
      `select s.id from session s join "user" u on u.id = s.user_id where u.organization_id = '${orgA.id}'`,
    );
    expect(ofA.length).toBeGreaterThan(0);
    expect(res.body.filter((s) => ofA.some((x) => x.id === s.id))).toEqual([]);
  },
  'DELETE /api/me/sessions/{id}': async (c) => {
    const [ofA] = await t.ctx.database.query<{ id: string }>(
      `select s.id from session s join "user" u on u.id = s.user_id where u.organization_id = '${orgA.id}' limit 1`,
    );
    notFound(await c.delete(`/api/me/sessions/${ofA!.id}`));
    expect((await a.get('/api/me')).status).toBe(200);
  },
  'POST /api/me/sessions/end-others': 'self',
  'POST /api/users/{id}/sessions/end-all': async (c, x) => {
    notFound(await c.post(`/api/users/${x.user}/sessions/end-all`));
    expect((await a.get('/api/me')).status).toBe(200);
  },
  'POST /api/session/two-factor': 'self',
  'POST /api/me/two-factor': 'self',
  'POST /api/me/two-factor/confirmation': 'self',
  'POST /api/me/two-factor/deactivation': 'self',
  // Each organization's second-factor policy is its own (ADR 0028); emptied again at once, so that
  // later probes' people are not held to enrolment.
  'GET /api/two-factor-policy': async (c) => {
    expect(
      (await a.put('/api/two-factor-policy', { requiredRoles: ['national_authority_staff'] })).status,
    ).toBe(200);
    const res = await c.get('/api/two-factor-policy');
    await a.put('/api/two-factor-policy', { requiredRoles: [] });
    expect(res.body).toEqual({ requiredRoles: [] });
  },
  'PUT /api/two-factor-policy': async (c) => {
    expect(
      (await c.put('/api/two-factor-policy', { requiredRoles: ['national_authority_staff'] })).status,
    ).toBe(200);
    const ofA = await a.get('/api/two-factor-policy');
    await c.put('/api/two-factor-policy', { requiredRoles: [] });
    expect(ofA.body).toEqual({ requiredRoles: [] });
  },
  // Single sign-on (ADR 0034): the providers and the sign-in's two navigations are the installation's,
  // not an organization's; each organization's policy is its own (no provider here: never required).
  'GET /api/sign-in-options': 'self',
  'GET /api/sso/{provider}': 'self',
  'GET /api/auth/callback/{provider}': 'self',
  'GET /api/sso-policy': async (c) => {
    expect((await c.get('/api/sso-policy')).body).toEqual({ required: false, providers: [] });
  },
  'PUT /api/sso-policy': async (c) => {
    expect((await c.put('/api/sso-policy', { required: false })).status).toBe(200);
    expect((await a.get('/api/sso-policy')).body).toEqual({ required: false, providers: [] });
    const [row] = await t.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from organization_sso_policy where organization_id = '${orgA.id}'`,
    );
    expect(row!.n).toBe(0);
  },
  'DELETE /api/users/{id}/two-factor': async (c, x) =>
    notFound(await c.delete(`/api/users/${x.user}/two-factor`)),
  'GET /api/users': async (c) => {
    const res = await c.get<{ items: { email: string }[] }>('/api/users?pageSize=200');
    expect(res.body.items.some((u) => u.email.endsWith('@opla.test'))).toBe(false);
  },
  'GET /api/users/{id}': async (c, x) => notFound(await c.get(`/api/users/${x.user}`)),
  'POST /api/users': async (c, x) => {
    const res = await c.post('/api/users', {
      name: 'Intruso',
      email: 'intruso@oplb.test',
      password: 'contraseña-larga-1',
      roles: ['area_staff'],
      areaIds: [x.area],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: [{ path: 'areaIds.0' }] });
  },
  'PATCH /api/users/{id}': async (c, x) =>
    notFound(await c.patch(`/api/users/${x.user}`, { disabled: true })),
  'GET /api/institutions': (c) => listIsEmptyOfA(c.get('/api/institutions?q=Organismo')),
  'GET /api/institutions/{id}': async (c, x) => notFound(await c.get(`/api/institutions/${x.institution}`)),
  'POST /api/institutions': async (c) => {
    expect(
      (await c.post('/api/institutions', { name: 'Propia de B', kind: 'university', level: 'local' })).status,
    ).toBe(201);
  },
  'PATCH /api/institutions/{id}': async (c, x) =>
    notFound(await c.patch(`/api/institutions/${x.institution}`, { name: 'Tomada' })),
  'GET /api/areas': (c) => listIsEmptyOfA(c.get('/api/areas?q=Organismo')),
  'GET /api/areas/{id}': async (c, x) => notFound(await c.get(`/api/areas/${x.area}`)),
  'POST /api/areas': async (c, x) => {
    const res = await c.post('/api/areas', { name: 'Hija', kind: 'other', parentId: x.area });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: [{ path: 'parentId' }] });
  },
  'PATCH /api/areas/{id}': async (c, x) => {
    notFound(await c.patch(`/api/areas/${x.area}`, { name: 'Tomada' }));
    const res = await c.patch(`/api/areas/${x.bArea}`, { parentId: x.area });
    expect(res.status).toBe(400);
  },
  'GET /api/people': (c) => listIsEmptyOfA(c.get('/api/people?q=Organismo')),
  'GET /api/people/{id}': async (c, x) => notFound(await c.get(`/api/people/${x.person}`)),
  'POST /api/people': async (c) => {
    expect((await c.post('/api/people', { fullName: 'Persona de B' })).status).toBe(201);
  },
  'PATCH /api/people/{id}': async (c, x) =>
    notFound(await c.patch(`/api/people/${x.person}`, { fullName: 'Tomada' })),
  'POST /api/people/{id}/positions': async (c, x) => {
    notFound(await c.post(`/api/people/${x.person}/positions`, { title: 'Cargo', startsOn: '2024-01-01' }));
    const res = await c.post(`/api/people/${x.bPerson}/positions`, {
      title: 'Cargo',
      areaId: x.area,
      startsOn: '2024-01-01',
    });
    expect(res.status).toBe(400);
    const inst = await c.post(`/api/people/${x.bPerson}/positions`, {
      title: 'Cargo',
      institutionId: x.institution,
      startsOn: '2024-01-01',
    });
    expect(inst.status).toBe(400);
  },
  'PUT /api/people/{id}/positions/{positionId}': async (c, x) =>
    notFound(
      await c.put(`/api/people/${x.person}/positions/${x.position}`, {
        title: 'Cargo',
        startsOn: '2024-01-01',
      }),
    ),
  'DELETE /api/people/{id}/positions/{positionId}': async (c, x) =>
    notFound(await c.delete(`/api/people/${x.person}/positions/${x.position}`)),
  'GET /api/institutions/export': (c) => listIsEmptyOfA(c.get('/api/institutions/export?format=csv')),
  'GET /api/areas/export': (c) => listIsEmptyOfA(c.get('/api/areas/export?format=csv')),
  'GET /api/people/export': (c) => listIsEmptyOfA(c.get('/api/people/export?format=csv')),
  'POST /api/institutions/import': async (c) => {
    const res = await c.post(
      '/api/institutions/import',
      csv('nombre,tipo,nivel\nUniversidad del Organismo A,university,local\n'),
    );
    // Same name as A's institution, yet not a duplicate: A's records do not exist for B.
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1 });
  },
  'POST /api/areas/import': async (c) => {
    const res = await c.post(
      '/api/areas/import',
      csv('nombre,tipo,area_superior\nSubárea,other,Dirección del Organismo A\n'),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('area_superior');
  },
  'POST /api/people/import': async (c) => {
    const res = await c.post('/api/people/import', csv('nombre_completo\nTitular del Organismo A\n'));
    expect(res.status).toBe(200);
  },
  'DELETE /api/institutions/{id}': async (c, x) =>
    notFound(await c.delete(`/api/institutions/${x.institution}`)),
  'DELETE /api/areas/{id}': async (c, x) => notFound(await c.delete(`/api/areas/${x.area}`)),
  'DELETE /api/people/{id}': async (c, x) => notFound(await c.delete(`/api/people/${x.person}`)),
  'GET /api/channel/counterparts': async (c) => {
    // The channel's directory: only names and acronyms of the organizations, by design.
    const res = await c.get<{ localBodies: Record<string, unknown>[] }>('/api/channel/counterparts');
    expect(res.status).toBe(200);
    for (const o of res.body.localBodies) expect(Object.keys(o).sort()).toEqual(['acronym', 'id', 'name']);
  },
  'GET /api/channel/statistics/monthly': async (c) => {
    await channelOfA();
    const res = await c.get<{ totals: { total: number } }>(
      '/api/channel/statistics/monthly?module=follow_up&from=2024-01-01&to=2024-12-31',
    );
    expect(res.status).toBe(200);
    expect(res.body.totals.total).toBe(0);
  },
  'GET /api/channel/folios/export': async (c) => {
    await channelOfA();
    const res = await c.get<string>('/api/channel/folios/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('Oficio para el Organismo A');
  },
  'GET /api/channel/folios/{id}/obligations': async (c) =>
    notFound(await c.get(`/api/channel/folios/${(await channelOfA()).folio}/obligations`)),
  'POST /api/channel/folios/{id}/obligations': async () => {
    const liaison = await liaisonOfB();
    notFound(
      await liaison.post(`/api/channel/folios/${(await channelOfA()).folio}/obligations`, {
        description: 'Informe',
        dueRule: { kind: 'last_business_day_of_month' },
        startsOn: '2024-01-01',
      }),
    );
  },
  'POST /api/channel/occurrences/{id}/answer': async () => {
    const liaison = await liaisonOfB();
    const { occurrence } = await obligationOfA();
    notFound(
      await liaison.post(`/api/channel/occurrences/${occurrence}/answer`, { on: '2024-02-01', text: 'x' }),
    );
  },
  'PUT /api/channel/obligations/{id}/area': async () => {
    const { obligation } = await obligationOfA();
    notFound(await (await liaisonOfB()).put(`/api/channel/obligations/${obligation}/area`, { areaId: null }));
  },
  'POST /api/channel/occurrences/{id}/accept': async () => {
    const { occurrence } = await obligationOfA();
    for (const c of [await liaisonOfB(), b]) {
      notFound(await c.post(`/api/channel/occurrences/${occurrence}/accept`, { on: '2024-02-01' }));
    }
  },
  'POST /api/channel/occurrences/{id}/return': async () => {
    const { occurrence } = await obligationOfA();
    notFound(
      await (
        await liaisonOfB()
      ).post(`/api/channel/occurrences/${occurrence}/return`, {
        on: '2024-02-01',
        reason: 'x',
      }),
    );
  },
  'POST /api/channel/occurrences/{id}/attachments': async () => {
    const { occurrence } = await obligationOfA();
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob(['B'], { type: 'application/pdf' }), 'informe-b.pdf');
      return f;
    };
    notFound(await (await liaisonOfB()).post(`/api/channel/occurrences/${occurrence}/attachments`, form()));
    // A's own file of the month is not B's to download either.
    const mine = await (
      await t.as(orgA, 'liaison_staff')
    ).post<{ id: string }>(`/api/channel/occurrences/${occurrence}/attachments`, form());
    expect(mine.status).toBe(201);
    notFound(await (await liaisonOfB()).get(`/api/channel/attachments/${mine.body.id}`));
  },
  'GET /api/channel/my-occurrences': async () => {
    // B's area staff answer a month of B's own folio; A's months never show in their queue.
    const { occurrence } = await obligationOfA();
    const area = (
      await b.post<{ id: string }>('/api/areas', { name: 'Área de informes de B', kind: 'other' })
    ).body.id;
    const users = await b.get<{ items: { id: string; email: string }[] }>('/api/users?q=area-staff');
    const user = users.body.items.find((u) => u.email === orgB.users.area_staff)!;
    expect((await b.patch(`/api/users/${user.id}`, { areaIds: [area] })).status).toBe(200);
    const liaison = await liaisonOfB();
    const ine = await t.as((await channelOfA()).ine, 'national_authority_staff');
    const sent = await ine.post<{ folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Informe mensual de B',
      sentOn: '2024-01-10',
      recipientOrgIds: [orgB.id],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const folio = sent.body.folioIds[0]!;
    const added = await liaison.post(`/api/channel/folios/${folio}/obligations`, {
      description: 'Informe mensual de B',
      dueRule: { kind: 'last_business_day_of_month' },
      startsOn: '2024-01-01',
      endsOn: '2024-01-31',
      areaId: area,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const res = await (
      await t.as(orgB, 'area_staff')
    ).get<{ id: string; folio: { id: string } }[]>('/api/channel/my-occurrences?state=all');
    expect(res.status).toBe(200);
    expect(res.body.map((o) => o.folio.id)).toContain(folio);
    expect(res.body.map((o) => o.id)).not.toContain(occurrence);
  },
  'GET /api/channel/folios': async (c) => {
    const { folio } = await channelOfA();
    const res = await c.get<{ items: { id: string }[] }>('/api/channel/folios?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.items.map((f) => f.id)).not.toContain(folio);
  },
  'GET /api/channel/folios/{id}': async (c) =>
    notFound(await c.get(`/api/channel/folios/${(await channelOfA()).folio}`)),
  'POST /api/channel/folios/{id}/events': async () => {
    const liaison = await liaisonOfB();
    notFound(
      await liaison.post(`/api/channel/folios/${(await channelOfA()).folio}/events`, {
        event: 'local_answers',
      }),
    );
  },
  'GET /api/channel/communications/{id}/summary': async (c) =>
    notFound(await c.get(`/api/channel/communications/${(await channelOfA()).communication}/summary`)),
  'POST /api/channel/communications': async () => {
    const { folio } = await channelOfA();
    // B may only send its own consultation; it lands as B's folio, never A's.
    const liaison = await liaisonOfB();
    const res = await liaison.post<{ folioIds: string[] }>('/api/channel/communications', {
      module: 'consultation',
      documentType: 'consulta',
      subject: 'Consulta de B',
      sentOn: '2024-01-11',
    });
    expect(res.status).toBe(201);
    expect(res.body.folioIds).not.toContain(folio);
    const own = await liaison.get<{ localOrganization: { id: string } }>(
      `/api/channel/folios/${res.body.folioIds[0]}`,
    );
    expect(own.body.localOrganization.id).toBe(orgB.id);
  },
  'POST /api/channel/folios': async () => {
    await channelOfA();
    // With the national authority in the installation, folios arrive through the system only.
    const res = await (
      await liaisonOfB()
    ).post('/api/channel/folios', {
      module: 'follow_up',
      folio: '9/2024',
      documentType: 'oficio',
      subject: 'Folio externo',
      sentOn: '2024-01-10',
      receivedOn: '2024-01-10',
    });
    expect(res.status).toBe(409);
  },
  'GET /api/audit/facets': async (c) => {
    const facets = await c.get<{ actions: string[] }>('/api/audit/facets');
    const own = await c.get<{ items: { action: string }[] }>('/api/audit?pageSize=200');
    expect(facets.status).toBe(200);
    expect(facets.body.actions.sort()).toEqual([...new Set(own.body.items.map((e) => e.action))].sort());
  },
  'GET /api/audit': async (c) => {
    const res = await c.get<{ items: { entityId: string | null }[] }>('/api/audit?pageSize=200');
    expect(res.status).toBe(200);
    expect(
      res.body.items.some(
        (e) =>
          Object.values(ids).includes(e.entityId ?? '') &&
          e.entityId !== ids.bArea &&
          e.entityId !== ids.bPerson,
      ),
    ).toBe(false);
  },
};

async function snapshotOfA(): Promise<unknown> {
  return Promise.all([
    a.get(`/api/institutions/${ids.institution}`),
    a.get(`/api/areas/${ids.area}`),
    a.get(`/api/people/${ids.person}`),
    a.get(`/api/users/${ids.user}`),
    agreementsOfA().then((g) => a.get(`/api/instruments/${g.instrument}`)),
    agreementsOfA().then((g) => a.get(`/api/opinions/${g.opinion}`)),
    agreementsOfA().then(() => a.get('/api/agreement-settings')),
  ]).then((rs) => rs.map((r) => r.body));
}

beforeAll(async () => {
  t = await startTestApp();
  orgA = await t.createOrg('OPLA');
  orgB = await t.createOrg('OPLB');
  a = await t.as(orgA, 'administrator');
  b = await t.as(orgB, 'administrator');
  const institution = (
    await a.post<{ id: string }>('/api/institutions', {
      name: 'Universidad del Organismo A',
      kind: 'university',
      level: 'local',
    })
  ).body.id;
  const area = (
    await a.post<{ id: string }>('/api/areas', { name: 'Dirección del Organismo A', kind: 'directorate' })
  ).body.id;
  const person = (await a.post<{ id: string }>('/api/people', { fullName: 'Titular del Organismo A' })).body
    .id;
  const position = (
    await a.post<{ id: string }>(`/api/people/${person}/positions`, {
      title: 'Titular',
      areaId: area,
      headKind: 'titular',
      startsOn: '2024-01-01',
    })
  ).body.id;
  const users = await a.get<{ items: { id: string; email: string }[] }>('/api/users?q=auditor');
  const bArea = (await b.post<{ id: string }>('/api/areas', { name: 'Área de B', kind: 'other' })).body.id;
  const bPerson = (await b.post<{ id: string }>('/api/people', { fullName: 'Otra persona de B' })).body.id;
  ids = { institution, area, person, position, user: users.body.items[0]!.id, bArea, bPerson };
});
afterAll(() => t.close());

describe('organization isolation', () => {
  it('has an isolation probe for every route of the API', async () => {
    const doc = await t
      .anonymous()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(r in PROBES))).toEqual([]);
  });

  it("keeps organization A's records out of reach of organization B's administrator", async () => {
    const before = await snapshotOfA();
    for (const [route, probe] of Object.entries(PROBES)) {
      if (probe === 'self') continue;
      await probe(b, ids).catch((e: Error) => {
        throw new Error(`${route}: ${e.message}`);
      });
    }
    expect(await snapshotOfA()).toEqual(before);
    // Every route of every module, each with its fixture: minutes on a machine shared by several runs.
  }, 600_000);

  it("answers the installation's operator 404 on every organization's records", async () => {
    const operator = await t.asOperator();
    const before = await snapshotOfA();
    // Records of A the walk above created: a folio, a contact, a report, an instrument.
    const firstId = async (path: string) => {
      const res = await a.get<{ items: { id: string }[] } | { id: string }[]>(path);
      const items = Array.isArray(res.body) ? res.body : res.body.items;
      if (!items?.length) throw new Error(`${path}: ${JSON.stringify(res.body).slice(0, 300)}`);
      expect(items.length, path).toBeGreaterThan(0);
      return items[0]!.id;
    };
    const records: Record<string, string> = {
      '/api/channel/folios/': (await channelOfA()).folio,
      '/api/outreach/contacts/': await firstId('/api/outreach/contacts'),
      '/api/reports/': await firstId('/api/reports'),
      '/api/instruments/': (await agreementsOfA()).instrument,
      '/api/institutions/': ids.institution,
      '/api/areas/': ids.area,
      '/api/people/': ids.person,
      '/api/users/': ids.user,
    };
    const doc = await t
      .anonymous()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const own =
      /^\/api\/(organizations|setup|invitations|password-reset|public|health|session|sign-in-options|me\b|openapi)/;
    const answers: string[] = [];
    let walked = 0;
    for (const [path, methods] of Object.entries(doc.body.paths)) {
      if (own.test(path) || path.endsWith('.ics')) continue;
      const prefix = Object.keys(records).find((p) => path.startsWith(p + '{'));
      const url = path
        .replace('{id}', prefix ? records[prefix]! : crypto.randomUUID())
        .replace(/\{[^}]+\}/g, () => crypto.randomUUID());
      for (const method of Object.keys(methods)) {
        walked++;
        const res = await operator.request<{ code?: string }>(
          method.toUpperCase(),
          url,
          method === 'get' ? undefined : {},
        );
        // Input that fails its schema (a body, a required query) is refused before anyone is asked
        // who is calling: nothing is read.
        const refusedInput = res.status === 400 && res.body.code === 'VALIDATION_FAILED';
        if (res.status !== 404 && !refusedInput)
          answers.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    expect(walked).toBeGreaterThan(100);
    expect(answers).toEqual([]);
    // The records named in the issue, by their real ids.
    for (const prefix of ['/api/channel/folios/', '/api/outreach/contacts/', '/api/reports/']) {
      notFound(await operator.get(prefix + records[prefix]));
    }
    // A well-formed write is refused too.
    notFound(await operator.post('/api/areas', { name: 'Área del operador', kind: 'other' }));
    expect(await snapshotOfA()).toEqual(before);
  }, 300_000);
});
