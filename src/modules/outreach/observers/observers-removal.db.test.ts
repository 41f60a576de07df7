import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../../tests/support/test-app';
import type { HttpClient } from '../../../../tests/support/http-client';
import type { AgendaItem, Group, Mission, Registrant, RegistrantDetail } from './contract';

// Linking an existing outreach contact as a registrant, and removing registrants, groups and agenda
// items through real HTTP: each removal audited; refused (409, saying why) where it would lose a
// record that must stay (a communication's ledger) or leave something pointing at nothing.

let t: TestApp;
let org: TestOrg;
let staff: HttpClient;
let auditor: HttpClient;
let mission: Mission;

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLR');
  staff = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
  mission = (
    await staff.post<Mission>('/api/observers/missions', {
      name: 'Misión de prueba de bajas',
      process: 'PELO 2023-2024',
      electionDay: '2024-06-02',
      startsOn: '2024-06-01',
      endsOn: '2024-06-03',
    })
  ).body;
});
afterAll(() => t.close());

const consent = { givenOn: '2024-04-01', source: 'Formulario', privacyNoticeVersion: 'AP-1' };

async function register(body: Record<string, unknown>): Promise<Registrant> {
  const res = await staff.post<Registrant>(`/api/observers/missions/${mission.id}/registrants`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function auditOf(entityId: string) {
  const res = await auditor.get<{ items: { action: string; before: unknown }[] }>(
    `/api/audit?entityId=${entityId}`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('an existing outreach contact', () => {
  it('is registered by its id, keeps its data and joins the mission’s base', async () => {
    const contact = await staff.post<{ id: string; baseIds: string[] }>('/api/outreach/contacts', {
      kind: 'person',
      fullName: 'Lucía Fernández',
      email: 'lucia.fernandez@ejemplo.uy',
      country: 'UY',
      affiliation: 'Corte Electoral del Uruguay',
      tags: [],
      baseIds: [],
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const r = await register({ kind: 'visitor', contactId: contact.body.id, nationality: 'UY', consent });
    expect(r).toMatchObject({
      contactId: contact.body.id,
      fullName: 'Lucía Fernández',
      organization: 'Corte Electoral del Uruguay',
      email: 'lucia.fernandez@ejemplo.uy',
      consenting: true,
    });
    const after = await staff.get<{ baseIds: string[] }>(`/api/outreach/contacts/${contact.body.id}`);
    expect(after.body.baseIds).toContain(mission.baseId);

    const unknown = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
      kind: 'visitor',
      contactId: '00000000-0000-4000-8000-000000000000',
      nationality: 'UY',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'contactId' }] });
  });
});

describe('removing a registrant', () => {
  it('takes the registration off (the contact and its consent stay), audited', async () => {
    const r = await register({
      kind: 'observer',
      fullName: 'Registro Equivocado',
      nationality: 'AR',
      email: 'equivocado@ejemplo.ar',
      consent,
    });
    expect((await auditor.delete(`/api/observers/registrants/${r.id}`)).status).toBe(403);
    const del = await staff.delete(`/api/observers/registrants/${r.id}`);
    expect(del.status).toBe(204);
    expect((await staff.get(`/api/observers/registrants/${r.id}`)).status).toBe(404);
    expect((await staff.delete(`/api/observers/registrants/${r.id}`)).status).toBe(404);
    const contact = await staff.get<{ baseIds: string[]; consents: { baseId: string }[] }>(
      `/api/outreach/contacts/${r.contactId}`,
    );
    expect(contact.status).toBe(200);
    expect(contact.body.baseIds).not.toContain(mission.baseId);
    expect(contact.body.consents).toHaveLength(1);
    const audit = await auditOf(r.id);
    expect(audit.map((a) => a.action)).toEqual([
      'observers.registrant.delete',
      'observers.registrant.create',
    ]);
    expect(audit[0]!.before).toMatchObject({ id: r.id, contactId: r.contactId, nationality: 'AR' });
    // No personal data in the entry.
    expect(JSON.stringify(audit[0])).not.toContain('Equivocado');
    // The person can be registered again afterwards.
    await register({ kind: 'observer', contactId: r.contactId, nationality: 'AR' });
  });

  it('is refused once the person is in a communication’s ledger', async () => {
    const r = await register({
      kind: 'observer',
      fullName: 'Marta Quispe',
      nationality: 'PE',
      email: 'marta.quispe@ejemplo.pe',
      consent,
    });
    const sent = await staff.post(`/api/observers/missions/${mission.id}/communications`, {
      subject: 'Bienvenida',
      body: 'Hola {{nombre}}',
    });
    expect(sent.status).toBe(201);
    const del = await staff.delete(`/api/observers/registrants/${r.id}`);
    expect(del.status).toBe(409);
    expect(del.body).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'id' }] });
    expect((del.body as { message: string }).message).toContain('una comunicación');
    const detail = await staff.get<RegistrantDetail>(`/api/observers/registrants/${r.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.deliveries).toEqual([expect.objectContaining({ subject: 'Bienvenida' })]);
  });
});

describe('removing a group', () => {
  it('releases its members and is audited; refused while the agenda, staff or a communication use it', async () => {
    const group = (
      await staff.post<Group>(`/api/observers/missions/${mission.id}/groups`, { name: 'Grupo Sur' })
    ).body;
    const member = await register({
      kind: 'visitor',
      fullName: 'Pedro Rojas',
      nationality: 'CL',
      groupId: group.id,
    });
    const item = (
      await staff.post<AgendaItem>(`/api/observers/missions/${mission.id}/agenda`, {
        kind: 'activity',
        title: 'Visita al consejo distrital',
        day: '2024-06-01',
        startTime: '10:00',
        endTime: '11:00',
        groupId: group.id,
      })
    ).body;
    const refused = await staff.delete(`/api/observers/groups/${group.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT' });
    expect((refused.body as { message: string }).message).toContain('«Visita al consejo distrital»');

    // Removing the agenda item (audited, with what it was) frees the group.
    expect((await staff.delete(`/api/observers/agenda/${item.id}`)).status).toBe(204);
    const itemAudit = await auditOf(item.id);
    expect(itemAudit[0]).toMatchObject({
      action: 'observers.agenda.delete',
      before: { title: 'Visita al consejo distrital' },
    });
    expect((await staff.delete(`/api/observers/groups/${group.id}`)).status).toBe(204);
    const groups = await staff.get<Group[]>(`/api/observers/missions/${mission.id}/groups`);
    expect(groups.body.map((g) => g.id)).not.toContain(group.id);
    const still = await staff.get<Registrant>(`/api/observers/registrants/${member.id}`);
    expect(still.body).toMatchObject({ id: member.id, groupId: null });
    const audit = await auditOf(group.id);
    expect(audit[0]).toMatchObject({
      action: 'observers.group.delete',
      before: { name: 'Grupo Sur', memberIds: [member.id] },
    });

    // A group that received a communication is kept for good.
    const norte = (
      await staff.post<Group>(`/api/observers/missions/${mission.id}/groups`, { name: 'Grupo Norte' })
    ).body;
    await register({
      kind: 'visitor',
      fullName: 'Inés Duarte',
      nationality: 'PY',
      email: 'ines.duarte@ejemplo.py',
      groupId: norte.id,
      consent,
    });
    expect(
      (
        await staff.post(`/api/observers/missions/${mission.id}/communications`, {
          subject: 'Punto de reunión',
          body: 'Texto',
          groupId: norte.id,
        })
      ).status,
    ).toBe(201);
    const kept = await staff.delete(`/api/observers/groups/${norte.id}`);
    expect(kept.status).toBe(409);
    expect((kept.body as { message: string }).message).toContain('1 comunicación');
  });
});
