import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexicoCity } from '../../shared/dates';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { HttpClient } from '../../../tests/support/http-client';

// The Secretaría Ejecutiva's instruction of routings (issue 23 item 4, ADR 0038): with it required,
// liaison staff propose, the SE's staff instruct or send back, and only then do areas see a slip.

type Slip = {
  id: string;
  state: string;
  area: { id: string };
  instructions: string;
  instructedBy: string | null;
  instructedAt: string | null;
  returnReason: string | null;
  closedBy: string | null;
};
type Refusal = { code: string; message: string; fields: { path: string; message: string }[] };
type ToInstruct = { instructs: boolean; items: { folioSummary: { id: string }; routings: Slip[] }[] };

describe('routings instructed by the Secretaría Ejecutiva', () => {
  let t: TestApp;
  let opla: TestOrg;
  let oplb: TestOrg;
  let admin: HttpClient;
  let liaison: HttpClient;
  let areaStaff: HttpClient;
  let se: HttpClient;
  let bAdmin: HttpClient;
  let bSe: HttpClient;
  let areas: { organization: string; secretariat: string; legal: string };

  async function folio(number: string) {
    const res = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: number,
      documentType: 'oficio',
      subject: `Solicitud ${number} sobre la integración de consejos`,
      sentOn: todayInMexicoCity(),
      receivedOn: todayInMexicoCity(),
    });
    expect(res.status).toBe(201);
    return res.body.folioId;
  }
  const slipsOf = async (folioId: string) =>
    (await liaison.get<Slip[]>(`/api/channel/folios/${folioId}/routings`)).body;
  const queueIds = async (c: HttpClient) => {
    const r = await c.get<{ items: { id: string }[] }>('/api/channel/my-routings?state=all');
    expect(r.status).toBe(200);
    return r.body.items.map((i) => i.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    opla = await t.createOrg('OPLA');
    oplb = await t.createOrg('OPLB');
    admin = await t.as(opla, 'administrator');
    liaison = await t.as(opla, 'liaison_staff');
    bAdmin = await t.as(oplb, 'administrator');
    const area = async (c: HttpClient, name: string) =>
      (await c.post<{ id: string }>('/api/areas', { name, kind: 'directorate' })).body.id;
    areas = {
      organization: await area(admin, 'Dirección Ejecutiva de Organización Electoral'),
      secretariat: await area(admin, 'Secretaría Ejecutiva'),
      legal: await area(admin, 'Dirección Ejecutiva de Asuntos Jurídicos'),
    };
    const users = await admin.get<{ items: { id: string; email: string }[] }>('/api/users?q=area-staff');
    const user = users.body.items.find((u) => u.email === opla.users.area_staff)!;
    expect(
      (await admin.patch(`/api/users/${user.id}`, { areaIds: [areas.organization, areas.legal] })).status,
    ).toBe(200);
    areaStaff = await t.as(opla, 'area_staff');
    const newUser = async (c: HttpClient, email: string, areaId: string) => {
      const created = await c.post('/api/users', {
        name: 'Titular de la Secretaría Ejecutiva',
        email,
        password: TEST_PASSWORD,
        roles: ['area_staff'],
        areaIds: [areaId],
      });
      expect(created.status).toBe(201);
      const client = new HttpClient(t.url);
      await client.signIn(email, TEST_PASSWORD);
      return client;
    };
    se = await newUser(admin, 'se@opla.test', areas.secretariat);
    bSe = await newUser(bAdmin, 'se@oplb.test', await area(bAdmin, 'Secretaría Ejecutiva de B'));
  });
  afterAll(() => t.close());

  it('without the requirement, a routing reaches its area at once and nobody instructs', async () => {
    expect((await liaison.get('/api/channel/routing-policy')).body).toEqual({ instructingArea: null });
    const id = await folio('1/2024');
    const routed = await liaison.post<{ routingIds: string[] }>(`/api/channel/folios/${id}/routings`, {
      responsibleAreaId: areas.organization,
    });
    expect(routed.status).toBe(201);
    expect((await slipsOf(id)).map((s) => s.state)).toEqual(['assigned']);
    expect(await queueIds(areaStaff)).toContain(routed.body.routingIds[0]);
    expect((await se.get('/api/channel/routings-to-instruct')).body).toEqual({ instructs: false, items: [] });
    const refused = await se.post<Refusal>(`/api/channel/folios/${id}/instruction`, { decision: 'instruct' });
    expect(refused.status).toBe(403);
  });

  it('only the administrator sets the requirement, with an area of the organization', async () => {
    expect(
      (await liaison.put('/api/channel/routing-policy', { instructingAreaId: areas.secretariat })).status,
    ).toBe(403);
    const foreign = await admin.put<Refusal>('/api/channel/routing-policy', {
      instructingAreaId: (await bAdmin.get<{ items: { id: string }[] }>('/api/areas')).body.items[0]!.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([
      { path: 'instructingAreaId', message: 'El área no existe en su organización.' },
    ]);
    expect((await liaison.get('/api/channel/routing-policy')).body).toEqual({ instructingArea: null });

    const set = await admin.put('/api/channel/routing-policy', { instructingAreaId: areas.secretariat });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ instructingArea: { id: areas.secretariat, name: 'Secretaría Ejecutiva' } });
    expect((await bAdmin.get('/api/channel/routing-policy')).body).toEqual({ instructingArea: null });
    const audit = await admin.get<{ items: { action: string; after: Record<string, unknown> }[] }>(
      '/api/audit?action=channel.routing_policy',
    );
    expect(audit.body.items[0]?.after).toMatchObject({ instructingAreaId: areas.secretariat });
  });

  let proposedFolio: string;
  let proposedSlip: string;

  it('a proposed routing waits for the SE: the area neither sees nor answers it', async () => {
    proposedFolio = await folio('2/2024');
    const routed = await liaison.post<{ routingIds: string[] }>(
      `/api/channel/folios/${proposedFolio}/routings`,
      {
        responsibleAreaId: areas.organization,
        instructions: 'Preparar el informe solicitado.',
      },
    );
    expect(routed.status).toBe(201);
    proposedSlip = routed.body.routingIds[0]!;
    expect((await slipsOf(proposedFolio)).map((s) => s.state)).toEqual(['proposed']);
    expect(await queueIds(areaStaff)).not.toContain(proposedSlip);
    expect((await areaStaff.get(`/api/channel/my-routings/${proposedSlip}`)).status).toBe(404);
    const answer = await areaStaff.post(`/api/channel/my-routings/${proposedSlip}/answer`, { text: 'Listo' });
    expect(answer.status).toBe(404);
    // The same area cannot be routed twice while the proposal waits.
    const again = await liaison.post<Refusal>(`/api/channel/folios/${proposedFolio}/routings`, {
      responsibleAreaId: areas.organization,
    });
    expect(again.status).toBe(409);
  });

  it('only the SE sees the proposals; others are refused and nothing changes', async () => {
    expect((await areaStaff.get('/api/channel/routings-to-instruct')).body).toEqual({
      instructs: false,
      items: [],
    });
    const notSe = await areaStaff.post(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'instruct',
    });
    expect(notSe.status).toBe(403);
    const byLiaison = await liaison.post(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'instruct',
    });
    expect(byLiaison.status).toBe(403);
    // Another organization's SE: the folio is not theirs.
    expect((await bAdmin.put('/api/channel/routing-policy', { instructingAreaId: null })).status).toBe(200);
    const bArea = (await bAdmin.get<{ items: { id: string; name: string }[] }>('/api/areas')).body.items.find(
      (a) => a.name === 'Secretaría Ejecutiva de B',
    )!.id;
    expect((await bAdmin.put('/api/channel/routing-policy', { instructingAreaId: bArea })).status).toBe(200);
    expect((await bSe.get<ToInstruct>('/api/channel/routings-to-instruct')).body).toEqual({
      instructs: true,
      items: [],
    });
    const foreign = await bSe.post(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'instruct',
    });
    expect(foreign.status).toBe(404);
    expect((await slipsOf(proposedFolio)).map((s) => s.state)).toEqual(['proposed']);

    const list = await se.get<ToInstruct>('/api/channel/routings-to-instruct');
    expect(list.body.instructs).toBe(true);
    expect(list.body.items.map((i) => i.folioSummary.id)).toEqual([proposedFolio]);
    expect(list.body.items[0]!.routings.map((r) => r.id)).toEqual([proposedSlip]);
  });

  it('sending a proposal back needs a reason; without one nothing is written', async () => {
    const bad = await se.post<Refusal>(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'decline',
      note: '  ',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { path: 'note', message: 'Indique por qué se devuelve la propuesta de turno' },
    ]);
    const unknown = await se.post<Refusal>(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'approve',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.map((f) => f.path)).toEqual(['decision']);
    expect((await slipsOf(proposedFolio)).map((s) => s.state)).toEqual(['proposed']);
  });

  it('the SE instructs: the slip reaches its area with the SE’s words, once', async () => {
    const ok = await se.post<{ routingIds: string[]; state: string }>(
      `/api/channel/folios/${proposedFolio}/instruction`,
      { decision: 'instruct', note: 'Atender con prioridad.' },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ routingIds: [proposedSlip], state: 'assigned' });
    const [slip] = await slipsOf(proposedFolio);
    expect(slip).toMatchObject({
      state: 'assigned',
      instructedBy: 'Titular de la Secretaría Ejecutiva',
      instructions:
        'Preparar el informe solicitado.\n\nInstrucción de la Secretaría Ejecutiva: Atender con prioridad.',
    });
    expect(Date.parse(slip!.instructedAt!)).not.toBeNaN();
    expect(await queueIds(areaStaff)).toContain(proposedSlip);
    const twice = await se.post<Refusal>(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'instruct',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('El folio no tiene turnos por instruir.');
    const audit = await admin.get<{ items: { entityId: string; after: Record<string, unknown> }[] }>(
      '/api/audit?action=channel.routing_instructed',
    );
    expect(audit.body.items[0]).toMatchObject({
      entityId: proposedFolio,
      after: { routings: [proposedSlip], state: 'assigned', note: 'Atender con prioridad.' },
    });
  });

  it('the SE sends a proposal back: the slips are withdrawn with the reason, the area never sees them', async () => {
    const routed = await liaison.post<{ routingIds: string[] }>(
      `/api/channel/folios/${proposedFolio}/routings`,
      {
        informedAreaIds: [areas.legal],
      },
    );
    expect(routed.status).toBe(201);
    const declined = await se.post(`/api/channel/folios/${proposedFolio}/instruction`, {
      decision: 'decline',
      note: 'El asunto no requiere a la Dirección Jurídica.',
    });
    expect(declined.status).toBe(200);
    const legal = (await slipsOf(proposedFolio)).find((s) => s.id === routed.body.routingIds[0])!;
    expect(legal).toMatchObject({
      state: 'withdrawn',
      returnReason: 'Devuelto por la Secretaría Ejecutiva: El asunto no requiere a la Dirección Jurídica.',
      closedBy: 'Titular de la Secretaría Ejecutiva',
    });
    expect(await queueIds(areaStaff)).not.toContain(legal.id);
  });

  it('lifting the requirement sends the proposals still waiting to their areas', async () => {
    const id = await folio('3/2024');
    const routed = await liaison.post<{ routingIds: string[] }>(`/api/channel/folios/${id}/routings`, {
      responsibleAreaId: areas.legal,
    });
    expect((await slipsOf(id)).map((s) => s.state)).toEqual(['proposed']);
    const lifted = await admin.put('/api/channel/routing-policy', { instructingAreaId: null });
    expect(lifted.body).toEqual({ instructingArea: null });
    expect((await slipsOf(id)).map((s) => s.state)).toEqual(['assigned']);
    expect(await queueIds(areaStaff)).toContain(routed.body.routingIds[0]);
    expect((await se.get('/api/channel/routings-to-instruct')).body).toEqual({ instructs: false, items: [] });
  });
});
