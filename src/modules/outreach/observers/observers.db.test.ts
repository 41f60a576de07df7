import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../../tests/support/test-app';
import type { HttpClient } from '../../../../tests/support/http-client';
import { startSmtpSink } from '../../../../tests/support/smtp-sink';
import { startBackgroundWork, stopBackgroundWork } from '../../../server/runtime';
import type {
  AgendaItem,
  Assignment,
  CommunicationDetail,
  Group,
  Mission,
  Registrant,
  RegistrantDetail,
  StaffOption,
} from './contract';

// The accompaniment mission through real HTTP: registration with consent and the accreditation
// rule, groups, the agenda with its election-day route, staff assignments, and a communication
// really sent over SMTP (a local sink) through the job queue to the consenting registrants only.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let org: TestOrg;
let staff: HttpClient;
let auditor: HttpClient;
let admin: HttpClient;
let mission: Mission;

async function until<T>(check: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const consent = {
  givenOn: '2024-04-10',
  source: 'Formulario de registro en línea',
  privacyNoticeVersion: 'AP-MISION-2024',
  evidence: 'Casilla de aceptación marcada, folio REG-0001',
};

async function register(body: Record<string, unknown>): Promise<Registrant> {
  const res = await staff.post<Registrant>(`/api/observers/missions/${mission.id}/registrants`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_FROM: 'Vincula <vincula@iecm.test>',
    VINCULA_PUBLIC_URL: 'http://vincula.test',
  });
  await startBackgroundWork(t.ctx);
  org = await t.createOrg('OPLV');
  staff = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
  admin = await t.as(org, 'administrator');
});
afterAll(async () => {
  await stopBackgroundWork(t.ctx);
  await t.close();
  await sink.close();
});

describe('the mission', () => {
  it('is created with its contact base; days must surround election day; names are unique', async () => {
    const bad = await staff.post('/api/observers/missions', {
      name: 'Misión mal fechada',
      process: 'PELO 2023-2024',
      electionDay: '2024-06-02',
      startsOn: '2024-06-03',
      endsOn: '2024-06-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'startsOn' }, { path: 'endsOn' }],
    });
    const res = await staff.post<Mission>('/api/observers/missions', {
      name: 'Misión de Acompañamiento 2024',
      process: 'Proceso Electoral Local Ordinario 2023-2024',
      electionDay: '2024-06-02',
      startsOn: '2024-05-31',
      endsOn: '2024-06-03',
      agreementRef: 'CVOE/011/2024',
      approvedOn: '2024-03-26',
    });
    expect(res.status).toBe(201);
    mission = res.body;
    expect(mission).toMatchObject({ agreementRef: 'CVOE/011/2024', registrants: 0 });
    const bases = await staff.get<{ id: string; name: string }[]>('/api/outreach/bases');
    expect(bases.body.find((b) => b.id === mission.baseId)?.name).toBe(
      'Misión: Misión de Acompañamiento 2024',
    );
    const dup = await staff.post('/api/observers/missions', {
      name: 'misión de acompañamiento 2024',
      process: 'x',
      electionDay: '2024-06-02',
      startsOn: '2024-06-01',
      endsOn: '2024-06-02',
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ fields: [{ path: 'name' }] });
    const asAuditor = await auditor.post('/api/observers/missions', {
      name: 'Otra misión',
      process: 'x',
      electionDay: '2024-06-02',
      startsOn: '2024-06-01',
      endsOn: '2024-06-02',
    });
    expect(asAuditor.status).toBe(403);
  });
});

describe('registrants', () => {
  it('registers with consent; an accredited person needs a number, unique in the mission', async () => {
    const noNumber = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
      kind: 'observer',
      fullName: 'Claire Dubois',
      nationality: 'FR',
      accreditationStatus: 'accredited',
    });
    expect(noNumber.status).toBe(400);
    expect(noNumber.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'accreditationNumber', message: expect.stringContaining('número de acreditación') }],
    });
    const badCountry = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
      kind: 'observer',
      fullName: 'Claire Dubois',
      nationality: 'ZZ',
    });
    expect(badCountry.status).toBe(400);
    expect(badCountry.body).toMatchObject({ fields: [{ path: 'nationality' }] });

    const claire = await register({
      kind: 'observer',
      fullName: 'Claire Dubois',
      nationality: 'FR',
      organization: 'Observatoire des Élections',
      email: 'claire.dubois@exemple.fr',
      accreditationStatus: 'accredited',
      accreditationNumber: ' ine/obs-0012 ',
      consent,
    });
    expect(claire).toMatchObject({
      accreditationNumber: 'INE/OBS-0012',
      consenting: true,
      organization: 'Observatoire des Élections',
      nationality: 'FR',
    });
    const dup = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
      kind: 'visitor',
      fullName: 'Otra Persona',
      nationality: 'CL',
      accreditationStatus: 'accredited',
      accreditationNumber: 'INE/OBS-0012',
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'accreditationNumber' }] });
    expect((dup.body as { message: string }).message).toContain('Claire Dubois');

    const numberTooEarly = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
      kind: 'visitor',
      fullName: 'Otra Persona',
      nationality: 'CL',
      accreditationStatus: 'in_process',
      accreditationNumber: 'INE/OBS-0099',
    });
    expect(numberTooEarly.status).toBe(400);

    // The person became an outreach contact in the mission's base, with a consent for that base.
    const contact = await staff.get<{ baseIds: string[]; consents: { baseId: string; purpose: string }[] }>(
      `/api/outreach/contacts/${claire.contactId}`,
    );
    expect(contact.body.baseIds).toContain(mission.baseId);
    expect(contact.body.consents[0]).toMatchObject({ baseId: mission.baseId });

    // A second registration of the same contact in the mission is refused.
    const again = await staff.post(`/api/observers/missions/${mission.id}/registrants`, {
      kind: 'observer',
      contactId: claire.contactId,
      nationality: 'FR',
    });
    expect(again.status).toBe(409);
  });

  it('moves through accreditation states and corrects the person in its contact', async () => {
    const ana = await register({
      kind: 'visitor',
      fullName: 'Ana Souza',
      nationality: 'BR',
      email: 'ana.souza@exemplo.br',
      consent,
    });
    expect(ana.accreditationStatus).toBe('requested');
    const noNumber = await staff.patch(`/api/observers/registrants/${ana.id}`, {
      accreditationStatus: 'accredited',
    });
    expect(noNumber.status).toBe(400);
    const ok = await staff.patch<Registrant>(`/api/observers/registrants/${ana.id}`, {
      accreditationStatus: 'accredited',
      accreditationNumber: 'INE/VIS-0003',
      organization: 'Tribunal Superior Eleitoral',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      accreditationNumber: 'INE/VIS-0003',
      organization: 'Tribunal Superior Eleitoral',
    });
    const list = await staff.get<{ items: Registrant[]; total: number }>(
      `/api/observers/missions/${mission.id}/registrants?accreditationStatus=accredited`,
    );
    expect(list.body.items.map((r) => r.fullName).sort()).toEqual(['Ana Souza', 'Claire Dubois']);
    expect((await auditor.get(`/api/observers/missions/${mission.id}/registrants`)).status).toBe(200);
    expect((await auditor.patch(`/api/observers/registrants/${ana.id}`, { notes: 'x' })).status).toBe(403);
  });
});

describe('groups, agenda and staff', () => {
  let group: Group;
  let route: AgendaItem;

  it('groups registrants (one group each)', async () => {
    const res = await staff.post<Group>(`/api/observers/missions/${mission.id}/groups`, {
      name: 'Grupo 1 — Centro',
    });
    expect(res.status).toBe(201);
    group = res.body;
    const regs = await staff.get<{ items: Registrant[] }>(
      `/api/observers/missions/${mission.id}/registrants`,
    );
    const ids = regs.body.items.map((r) => r.id);
    const members = await staff.put<Group>(`/api/observers/groups/${group.id}/members`, {
      registrantIds: ids,
    });
    expect(members.body.members).toBe(2);
    const bad = await staff.put(`/api/observers/groups/${group.id}/members`, {
      registrantIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ fields: [{ path: 'registrantIds.0' }] });
  });

  it('keeps agenda dates inside the mission and route stops in time order', async () => {
    const outside = await staff.post(`/api/observers/missions/${mission.id}/agenda`, {
      kind: 'activity',
      title: 'Bienvenida',
      day: '2024-05-20',
      startTime: '10:00',
      endTime: '12:00',
    });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({
      fields: [{ path: 'day', message: expect.stringContaining('fuera de la misión') }],
    });

    const welcome = await staff.post<AgendaItem>(`/api/observers/missions/${mission.id}/agenda`, {
      kind: 'activity',
      title: 'Bienvenida y sesión informativa',
      day: '2024-06-01',
      startTime: '10:00',
      endTime: '12:00',
      place: 'Sede del Instituto, Huizaches 25',
    });
    expect(welcome.status).toBe(201);

    const stops = [
      {
        section: 4321,
        casillaType: 'B',
        address: 'Escuela Primaria Benito Juárez',
        arrivalTime: '08:00',
        departureTime: '08:45',
      },
      {
        section: 4322,
        casillaType: 'c1',
        address: 'Parque Hundido',
        arrivalTime: '08:30',
        departureTime: '09:30',
      },
    ];
    const disordered = await staff.post(`/api/observers/missions/${mission.id}/agenda`, {
      kind: 'route',
      title: 'Recorrido por casillas',
      day: '2024-06-02',
      startTime: '07:30',
      endTime: '14:00',
      groupId: group.id,
      stops,
    });
    expect(disordered.status).toBe(400);
    expect(disordered.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'stops.1.arrivalTime', message: expect.stringContaining('ordene las paradas') }],
    });
    const badTime = await staff.post(`/api/observers/missions/${mission.id}/agenda`, {
      kind: 'route',
      title: 'Recorrido',
      day: '2024-06-02',
      startTime: '7:30',
      endTime: '25:00',
      stops,
    });
    expect(badTime.status).toBe(400);
    const notElectionDay = await staff.post(`/api/observers/missions/${mission.id}/agenda`, {
      kind: 'route',
      title: 'Recorrido',
      day: '2024-06-01',
      startTime: '07:30',
      endTime: '14:00',
      stops: [stops[0]],
    });
    expect(notElectionDay.status).toBe(400);
    expect(notElectionDay.body).toMatchObject({ fields: [{ path: 'day' }] });

    stops[1]!.arrivalTime = '09:00';
    const ok = await staff.post<AgendaItem>(`/api/observers/missions/${mission.id}/agenda`, {
      kind: 'route',
      title: 'Recorrido por casillas',
      day: '2024-06-02',
      startTime: '07:30',
      endTime: '14:00',
      groupId: group.id,
      stops,
    });
    expect(ok.status).toBe(201);
    route = ok.body;
    expect(route.stops.map((s) => [s.position, s.casillaType, s.arrivalTime])).toEqual([
      [1, 'B', '08:00'],
      [2, 'C1', '09:00'],
    ]);
    expect(route.groupName).toBe('Grupo 1 — Centro');

    const patchBad = await staff.patch(`/api/observers/agenda/${route.id}`, { endTime: '08:30' });
    expect(patchBad.status).toBe(400);
    const shrinkMission = await staff.patch(`/api/observers/missions/${mission.id}`, {
      startsOn: '2024-06-02',
    });
    expect(shrinkMission.status).toBe(400);
    expect(shrinkMission.body).toMatchObject({ fields: [{ path: 'startsOn' }] });

    const agenda = await staff.get<AgendaItem[]>(`/api/observers/missions/${mission.id}/agenda`);
    expect(agenda.body.map((a) => a.title)).toEqual([
      'Bienvenida y sesión informativa',
      'Recorrido por casillas',
    ]);
  });

  it('assigns the organization’s users and directory people to the route and the group', async () => {
    const options = await staff.get<StaffOption[]>('/api/observers/staff');
    const user = options.body.find((o) => o.kind === 'user')!;
    const person = await staff.post<{ id: string }>('/api/people', { fullName: 'Intérprete Rosa Méndez' });
    expect(person.status).toBe(201);
    const a = await staff.post<Assignment>(`/api/observers/missions/${mission.id}/assignments`, {
      agendaItemId: route.id,
      groupId: group.id,
      userId: user.userId,
      role: 'Enlace del grupo',
    });
    expect(a.status).toBe(201);
    expect(a.body.staff.name).toBe(user.name);
    const p = await staff.post<Assignment>(`/api/observers/missions/${mission.id}/assignments`, {
      agendaItemId: route.id,
      personId: person.body.id,
      role: 'Intérprete',
    });
    expect(p.status).toBe(201);
    const twice = await staff.post(`/api/observers/missions/${mission.id}/assignments`, {
      agendaItemId: route.id,
      groupId: group.id,
      userId: user.userId,
      role: 'Otra',
    });
    expect(twice.status).toBe(409);
    const neither = await staff.post(`/api/observers/missions/${mission.id}/assignments`, { role: 'x' });
    expect(neither.status).toBe(400);
    expect(neither.body).toMatchObject({ fields: [{ path: 'agendaItemId' }, { path: 'userId' }] });
    const agenda = await staff.get<AgendaItem[]>(`/api/observers/missions/${mission.id}/agenda`);
    expect(
      agenda.body
        .find((x) => x.id === route.id)!
        .staff.map((s) => s.role)
        .sort(),
    ).toEqual(['Enlace del grupo', 'Intérprete']);
    expect((await staff.delete(`/api/observers/assignments/${p.body.id}`)).status).toBe(204);
    expect(
      (await staff.get<Assignment[]>(`/api/observers/missions/${mission.id}/assignments`)).body,
    ).toHaveLength(1);
  });
});

describe('communications to registrants', () => {
  it('refuses a group with no consenting registrant', async () => {
    const g = await staff.post<Group>(`/api/observers/missions/${mission.id}/groups`, {
      name: 'Sin consentimiento',
    });
    const noConsent = await register({
      kind: 'visitor',
      fullName: 'Kenji Sato',
      nationality: 'JP',
      email: 'kenji@example.jp',
    });
    await staff.put(`/api/observers/groups/${g.body.id}/members`, { registrantIds: [noConsent.id] });
    const res = await staff.post(`/api/observers/missions/${mission.id}/communications`, {
      subject: 'Logística',
      body: 'Hola',
      groupId: g.body.id,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'NO_RECIPIENTS', fields: [{ path: 'groupId' }] });
  });

  it('sends over SMTP, once, to each consenting registrant; the others are skipped', async () => {
    const before = sink.received.length;
    const res = await staff.post<CommunicationDetail>(
      `/api/observers/missions/${mission.id}/communications`,
      {
        subject: 'Punto de encuentro del 2 de junio',
        body: 'Estimada(o) {{nombre}}: le esperamos a las 07:15 en la sede.',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ total: 3, queued: 2, skipped: 1 });
    const done = await until(async () => {
      const c = await staff.get<CommunicationDetail>(`/api/observers/communications/${res.body.id}`);
      return c.body.counts.sent === 2 && c.body;
    });
    expect(done.deliveries.find((d) => d.fullName === 'Kenji Sato')).toMatchObject({
      status: 'skipped',
      lastError: expect.stringContaining('consentimiento'),
    });
    const mails = sink.received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['ana.souza@exemplo.br', 'claire.dubois@exemple.fr']);
    const claire = mails.find((m) => m.to[0] === 'claire.dubois@exemple.fr')!;
    expect(claire.raw).toContain('Claire Dubois');
    expect(claire.messageId).toMatch(/^<observers\.\d+@vincula\.test>$/);
    const list = await auditor.get<{ counts: { sent: number } }[]>(
      `/api/observers/missions/${mission.id}/communications`,
    );
    expect(list.body[0]!.counts.sent).toBe(2);
  });
});

describe('personal-data rights', () => {
  it('exports the registration with the contact and erases it keeping the audit trail free of it', async () => {
    const regs = await staff.get<{ items: Registrant[] }>(
      `/api/observers/missions/${mission.id}/registrants?q=Dubois`,
    );
    const claire = regs.body.items[0]!;
    const detail = await staff.get<RegistrantDetail>(`/api/observers/registrants/${claire.id}`);
    expect(detail.body.consents[0]).toMatchObject({ privacyNoticeVersion: 'AP-MISION-2024' });
    expect(detail.body.deliveries[0]).toMatchObject({ status: 'sent' });

    const dossier = await staff.get<{
      accompaniment: { registrations: unknown[]; communications: unknown[] };
    }>(`/api/outreach/contacts/${claire.contactId}/export?format=json`);
    expect(dossier.body.accompaniment.registrations).toEqual([
      expect.objectContaining({
        mission: 'Misión de Acompañamiento 2024',
        accreditationNumber: 'INE/OBS-0012',
        nationality: 'FR',
      }),
    ]);
    expect(dossier.body.accompaniment.communications).toHaveLength(1);

    const erased = await staff.post(`/api/outreach/contacts/${claire.contactId}/erase`, {
      reason: 'Cancelación solicitada',
    });
    expect(erased.status).toBe(200);
    const after = await staff.get<RegistrantDetail>(`/api/observers/registrants/${claire.id}`);
    expect(after.body).toMatchObject({
      fullName: null,
      email: null,
      accreditationNumber: null,
      erased: true,
    });
    expect((await staff.patch(`/api/observers/registrants/${claire.id}`, { notes: 'x' })).status).toBe(409);
    const c = await staff.get<CommunicationDetail>(
      `/api/observers/communications/${after.body.deliveries[0]!.communicationId}`,
    );
    expect(c.body.deliveries.find((d) => d.registrantId === claire.id)).toMatchObject({
      email: null,
      status: 'sent',
    });

    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?pageSize=200');
    const text = JSON.stringify(audit.body);
    for (const secret of ['Claire Dubois', 'claire.dubois@exemple.fr', 'INE/OBS-0012', 'Observatoire'])
      expect(text).not.toContain(secret);
    for (const action of [
      'observers.mission.create',
      'observers.registrant.create',
      'observers.registrant.update',
      'observers.group.members',
      'observers.agenda.create',
      'observers.assignment.create',
      'observers.assignment.delete',
      'observers.communication.send',
    ])
      expect(text).toContain(action);
  });
});
