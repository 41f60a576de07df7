import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import { todayInMexicoCity } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';
import type {
  Agreement,
  Body,
  BodyDetail,
  FeedToken,
  FeedTokenCreated,
  MandateDetail,
  Session,
  SessionDetail,
} from './contract';

let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;
let auditor: HttpClient;

type Id = { id: string };
const ids: Record<string, string> = {};

async function post<T = Id>(path: string, body: unknown): Promise<T> {
  const res = await liaison.post<T>(path, body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function auditCount(): Promise<number> {
  const res = await auditor.get<{ total: number }>('/api/audit?pageSize=1');
  return res.body.total;
}

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLG');
  liaison = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
  // The directory: councillors, an area with a head replaced by an acting head, a party.
  for (const name of [
    'Ana Presidenta',
    'Beto Integrante',
    'Carla Integrante',
    'Diego Secretario',
    'Elena Titular',
    'Fausto Encargado',
    'Gina Ajena',
  ]) {
    ids[name] = (
      await post('/api/people', {
        fullName: name,
        gender:
          name.startsWith('Ana') ||
          name.startsWith('Carla') ||
          name.startsWith('Elena') ||
          name.startsWith('Gina')
            ? 'female'
            : 'male',
      })
    ).id;
  }
  ids.area = (
    await post('/api/areas', { name: 'Unidad Técnica de Difusión', acronym: 'UTD', kind: 'technical_unit' })
  ).id;
  await post(`/api/people/${ids['Elena Titular']}/positions`, {
    title: 'Titular de la UTD',
    areaId: ids.area,
    headKind: 'titular',
    startsOn: '2023-01-01',
    endsOn: '2024-02-15',
  });
  await post(`/api/people/${ids['Fausto Encargado']}/positions`, {
    title: 'Encargado de despacho de la UTD',
    areaId: ids.area,
    headKind: 'encargado_de_despacho',
    startsOn: '2024-02-16',
  });
  ids.party = (
    await post('/api/institutions', { name: 'Partido Uno', kind: 'political_party', level: 'national' })
  ).id;
  ids.university = (
    await post('/api/institutions', { name: 'Universidad Dos', kind: 'university', level: 'local' })
  ).id;

  ids.body = (
    await post('/api/governance/bodies', {
      name: 'Comisión de Prueba',
      acronym: 'CP',
      kind: 'provisional_committee',
      createdByAgreement: 'OPLG/ACU-CG-001/2023',
      createdOn: '2023-08-29',
    })
  ).id;
  const m = (body: unknown) => post(`/api/governance/bodies/${ids.body}/memberships`, body);
  await m({
    role: 'president',
    personId: ids['Ana Presidenta'],
    startsOn: '2023-08-29',
    agreementReference: 'OPLG/ACU-CG-001/2023',
  });
  await m({ role: 'member', personId: ids['Beto Integrante'], startsOn: '2023-08-29', sortOrder: 1 });
  await m({ role: 'member', personId: ids['Carla Integrante'], startsOn: '2023-08-29', sortOrder: 2 });
  ids.st = (
    await m({ role: 'technical_secretary', personId: ids['Diego Secretario'], startsOn: '2023-09-11' })
  ).id;
  await m({ role: 'party_representation', institutionId: ids.party, startsOn: '2023-08-29' });
  await m({ role: 'area_invitee', areaId: ids.area, startsOn: '2023-08-29' });
});
afterAll(() => t.close());

describe('bodies and memberships', () => {
  it('refuses a non-party institution as party representation and a duplicate acronym', async () => {
    const res = await liaison.post(`/api/governance/bodies/${ids.body}/memberships`, {
      role: 'party_representation',
      institutionId: ids.university,
      startsOn: '2023-08-29',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      fields: [{ path: 'institutionId', message: 'La institución no es un partido político' }],
    });
    const dup = await liaison.post('/api/governance/bodies', {
      name: 'Otra',
      acronym: 'CP',
      kind: 'permanent_committee',
      createdOn: '2023-01-01',
    });
    expect(dup.status).toBe(409);
    const second = await liaison.post(`/api/governance/bodies/${ids.body}/memberships`, {
      role: 'technical_secretary',
      personId: ids['Gina Ajena'],
      startsOn: '2024-01-01',
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      message:
        'Se traslapa con otro cargo del órgano colegiado (del lunes 11 de septiembre de 2023 sin fecha de término): el cargo ya está ocupado.',
    });
    const twice = await liaison.post(`/api/governance/bodies/${ids.body}/memberships`, {
      role: 'member',
      personId: ids['Ana Presidenta'],
      startsOn: '2024-01-01',
    });
    expect(twice.status).toBe(409);
    const detail = await liaison.get<BodyDetail>(`/api/governance/bodies/${ids.body}`);
    expect(detail.body.memberships.map((x) => x.role)).toEqual([
      'president',
      'member',
      'member',
      'technical_secretary',
      'party_representation',
      'area_invitee',
    ]);
    expect(detail.body.agreementPrefix).toBe('CP/');
  });

  it('corrects a body, keeping its dates around the memberships on record', async () => {
    const renamed = await liaison.patch<Body>(`/api/governance/bodies/${ids.body}`, {
      name: 'Comisión de Prueba Revisada',
      createdByAgreement: 'OPLG/ACU-CG-002/2023',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Comisión de Prueba Revisada', acronym: 'CP' });
    const audits = await auditCount();
    const late = await liaison.patch(`/api/governance/bodies/${ids.body}`, { createdOn: '2023-09-01' });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [
        {
          path: 'createdOn',
          message:
            'Hay sesiones o cargos registrados desde el martes 29 de agosto de 2023: la creación no puede ser posterior',
        },
      ],
    });
    const backwards = await liaison.patch(`/api/governance/bodies/${ids.body}`, { endedOn: '2023-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ fields: [{ path: 'endedOn' }] });
    const unknown = await liaison.patch(`/api/governance/bodies/${ids.body}`, { acronym: 'XX' });
    expect(unknown.status).toBe(400);
    expect(await auditCount()).toBe(audits);
    const back = await liaison.patch<Body>(`/api/governance/bodies/${ids.body}`, {
      name: 'Comisión de Prueba',
    });
    expect(back.body).toMatchObject({
      name: 'Comisión de Prueba',
      createdOn: '2023-08-29',
      createdByAgreement: 'OPLG/ACU-CG-002/2023',
    });
  });
});

describe('sessions, attendance and agreements', () => {
  it('refuses a day that does not exist and derives numbers and names', async () => {
    const bad = await liaison.post(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-02-30',
      modality: 'a_distancia',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'heldOn', message: expect.any(String) }],
    });
    const none = await liaison.get<{ items: Session[] }>(`/api/governance/bodies/${ids.body}/sessions`);
    expect(none.body.items).toEqual([]);
    // Entered out of order: numbers follow the dates.
    ids.s2 = (
      await post<Session>(`/api/governance/bodies/${ids.body}/sessions`, {
        kind: 'ordinaria',
        heldOn: '2024-02-22',
        startTime: '11:00',
        endTime: '12:30',
        modality: 'a_distancia',
      })
    ).id;
    const s1 = await post<Session>(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-01-25',
      startTime: '10:00',
      modality: 'a_distancia',
      convokedOn: '2024-01-22',
    });
    ids.s1 = s1.id;
    expect(s1).toMatchObject({
      number: 1,
      name: 'primera sesión ordinaria de 2024',
      heldOnText: 'jueves 25 de enero de 2024',
    });
    // Moving a session to a day that does not exist is refused too, and changes nothing.
    const audits = await auditCount();
    const badMove = await liaison.patch(`/api/governance/sessions/${s1.id}`, { heldOn: '2023-02-29' });
    expect(badMove.status).toBe(400);
    expect(badMove.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'heldOn' }] });
    expect((await liaison.get<SessionDetail>(`/api/governance/sessions/${s1.id}`)).body.heldOn).toBe(
      '2024-01-25',
    );
    expect(await auditCount()).toBe(audits);
    const list = await liaison.get<{ items: Session[] }>(`/api/governance/bodies/${ids.body}/sessions`);
    expect(list.body.items.map((s) => s.name)).toEqual([
      'primera sesión ordinaria de 2024',
      'segunda sesión ordinaria de 2024',
    ]);
    const backwards = await liaison.post(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-03-01',
      startTime: '11:00',
      endTime: '10:00',
      modality: 'presencial',
    });
    expect(backwards.status).toBe(400);
  });

  it('records attendance in the role held that day, with area heads derived from the directory', async () => {
    const r = await liaison.put<SessionDetail>(`/api/governance/sessions/${ids.s1}/attendance`, {
      entries: [
        { personId: ids['Ana Presidenta'], present: true },
        { personId: ids['Beto Integrante'], present: true },
        { personId: ids['Carla Integrante'], present: false },
        { personId: ids['Diego Secretario'], present: true },
        { institutionId: ids.party, present: true },
        { personId: ids['Elena Titular'], present: true },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.roster.map((x) => [x.roleLabel, x.personName ?? x.institutionName, x.present])).toEqual([
      ['Presidencia', 'Ana Presidenta', true],
      ['Integrante', 'Beto Integrante', true],
      ['Integrante', 'Carla Integrante', false],
      ['Secretario técnico', 'Diego Secretario', true],
      ['Representación de partido', 'Partido Uno', true],
      ['Titular de la UTD', 'Elena Titular', true],
    ]);
    expect(r.body.quorum).toEqual({ votingMembers: 3, votingPresent: 2, required: 2, reached: true });
    // On the second session the acting head sits for the area.
    const s2 = await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`);
    expect(s2.body.roster.find((x) => x.role === 'area_head')).toMatchObject({
      personName: 'Fausto Encargado',
      headKind: 'encargado_de_despacho',
      roleLabel: 'Encargado de despacho de la UTD',
      present: null,
    });
  });

  it('refuses attendance of someone who held no role that day, writing nothing', async () => {
    const before = await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`);
    const audits = await auditCount();
    const res = await liaison.put(`/api/governance/sessions/${ids.s2}/attendance`, {
      entries: [
        { personId: ids['Ana Presidenta'], present: true },
        { personId: ids['Elena Titular'], present: true },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [
        {
          path: 'entries.1.personId',
          message: 'Elena Titular no tenía cargo ni invitación en la CP el jueves 22 de febrero de 2024',
        },
      ],
    });
    const stranger = await liaison.put(`/api/governance/sessions/${ids.s2}/attendance`, {
      entries: [{ personId: ids['Gina Ajena'], present: true }],
    });
    expect(stranger.status).toBe(400);
    expect((await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`)).body).toEqual(
      before.body,
    );
    expect(await auditCount()).toBe(audits);
  });

  it('numbers agreements per body and year, with recorded votes of voting members only', async () => {
    const item = await post<Id>(`/api/governance/sessions/${ids.s1}/agenda-items`, {
      title: 'Aprobación del orden del día',
    });
    const a1 = await post<Agreement>(`/api/governance/sessions/${ids.s1}/agreements`, {
      agendaItemId: item.id,
      title: 'Aprobación del orden del día',
    });
    expect(a1).toMatchObject({
      number: 'CP/001/2024',
      voteKind: 'unanimous',
      adoptedOn: '2024-01-25',
      frozen: false,
    });
    const badVote = await liaison.post(`/api/governance/sessions/${ids.s1}/agreements`, {
      title: 'Con votación',
      voteKind: 'recorded',
      votes: [{ personId: ids['Diego Secretario'], vote: 'favor' }],
    });
    expect(badVote.status).toBe(400);
    expect(badVote.body).toMatchObject({ fields: [{ path: 'votes.0.personId' }] });
    const a2 = await post<Agreement>(`/api/governance/sessions/${ids.s1}/agreements`, {
      title: 'Con votación',
      voteKind: 'recorded',
      votes: [
        { personId: ids['Ana Presidenta'], vote: 'favor' },
        { personId: ids['Beto Integrante'], vote: 'contra' },
      ],
    });
    expect(a2.number).toBe('CP/002/2024');
    expect(a2.votes.map((v) => [v.personName, v.vote])).toEqual(
      expect.arrayContaining([
        ['Ana Presidenta', 'favor'],
        ['Beto Integrante', 'contra'],
      ]),
    );
    ids.a1 = a1.id;
    // A historical agreement keeps its number; a wrong prefix is refused.
    const h = await post<Agreement>(`/api/governance/bodies/${ids.body}/historical-agreements`, {
      number: 'CP/003/2023',
      title: 'Programa 2024',
      adoptedOn: '2023-09-11',
    });
    expect(h).toMatchObject({ number: 'CP/003/2023', historical: true });
    const wrong = await liaison.post(`/api/governance/bodies/${ids.body}/historical-agreements`, {
      number: 'XX/003/2023',
      title: 'x',
      adoptedOn: '2023-09-11',
    });
    expect(wrong.status).toBe(400);
    const again = await liaison.post(`/api/governance/bodies/${ids.body}/historical-agreements`, {
      number: 'CP/003/2023',
      title: 'x',
      adoptedOn: '2023-09-11',
    });
    expect(again.status).toBe(409);
  });

  it('refuses adopting agreements without quorum once attendance is recorded', async () => {
    const s = await post<Session>(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'extraordinaria',
      heldOn: '2024-02-01',
      modality: 'presencial',
    });
    await post(`/api/governance/sessions/${s.id}/agenda-items`, { title: 'Punto único' });
    const put = await liaison.put(`/api/governance/sessions/${s.id}/attendance`, {
      entries: [
        { personId: ids['Ana Presidenta'], present: true },
        { personId: ids['Beto Integrante'], present: false },
        { personId: ids['Carla Integrante'], present: false },
      ],
    });
    expect(put.status).toBe(200);
    const res = await liaison.post(`/api/governance/sessions/${s.id}/agreements`, { title: 'Sin quórum' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ message: expect.stringContaining('Sin quórum') });
  });

  it('approves minutes only by an agreement of a later session, then freezes the session', async () => {
    const a2s = await post<Agreement>(`/api/governance/sessions/${ids.s2}/agreements`, {
      title: 'Aprobación de la minuta de la primera sesión ordinaria de 2024',
    });
    expect(a2s.number).toBe('CP/003/2024');
    // The second session's minutes cannot be approved by an agreement of the first.
    const early = await liaison.post(`/api/governance/sessions/${ids.s2}/minutes-approval`, {
      agreementId: ids.a1,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      message: 'La minuta se aprueba mediante un acuerdo de una sesión posterior a la que registra.',
    });
    const same = await liaison.post(`/api/governance/sessions/${ids.s2}/minutes-approval`, {
      agreementId: a2s.id,
    });
    expect(same.status).toBe(409);
    expect(
      (await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`)).body.minutesApprovedBy,
    ).toBeNull();

    const ok = await liaison.post<Session>(`/api/governance/sessions/${ids.s1}/minutes-approval`, {
      agreementId: a2s.id,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.minutesApprovedBy).toEqual({ agreementId: a2s.id, number: 'CP/003/2024' });
    const edit = await liaison.patch(`/api/governance/agreements/${ids.a1}`, { title: 'Cambiado' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({
      message: 'El acuerdo CP/001/2024 no puede modificarse: la minuta de su sesión ya fue aprobada.',
    });
    expect((await liaison.get<Agreement>(`/api/governance/agreements/${ids.a1}`)).body).toMatchObject({
      title: 'Aprobación del orden del día',
      frozen: true,
    });
    expect(
      (await liaison.post(`/api/governance/sessions/${ids.s1}/agreements`, { title: 'Tarde' })).status,
    ).toBe(409);
    expect((await liaison.patch(`/api/governance/sessions/${ids.s1}`, { minutesText: 'otra' })).status).toBe(
      409,
    );
    // Agreements of a session whose minutes are not approved can still be corrected.
    const fix = await liaison.patch<Agreement>(`/api/governance/agreements/${a2s.id}`, {
      body: 'Texto del acuerdo.',
    });
    expect(fix.status).toBe(200);
    expect(fix.body.body).toBe('Texto del acuerdo.');
  });

  it('lists agreements by session and builds the attendance report', async () => {
    const list = await liaison.get<{
      sessions: { heading: string; agreements: Agreement[] }[];
      total: number;
    }>(`/api/governance/bodies/${ids.body}/agreements?from=2024-01-01&to=2024-03-31`);
    expect(list.body.sessions.map((s) => [s.heading, s.agreements.map((a) => a.number)])).toEqual([
      ['Primera sesión ordinaria, jueves 25 de enero de 2024', ['CP/001/2024', 'CP/002/2024']],
      ['Primera sesión extraordinaria, jueves 1 de febrero de 2024', []],
      ['Segunda sesión ordinaria, jueves 22 de febrero de 2024', ['CP/003/2024']],
    ]);
    const report = await liaison.get<{
      sessions: { heading: string }[];
      rows: { line: string; attended: boolean[]; held: number }[];
    }>(`/api/governance/bodies/${ids.body}/attendance-report?from=2024-01-01&to=2024-01-31`);
    expect(report.body.sessions.map((s) => s.heading)).toEqual(['1° Ord']);
    expect(report.body.rows.map((r) => [r.line, r.attended])).toEqual([
      ['Presidencia: Ana Presidenta', [true]],
      ['Integrante: Beto Integrante', [true]],
      ['Integrante: Carla Integrante', [false]],
      ['Secretario técnico: Diego Secretario', [true]],
      ['Partido Uno', [true]],
      ['Titular de la Unidad Técnica de Difusión, Elena Titular', [true]],
    ]);
    const bad = await liaison.get(
      `/api/governance/bodies/${ids.body}/attendance-report?from=2024-03-01&to=2024-01-01`,
    );
    expect(bad.status).toBe(400);
  });
});

describe('agreement numbering under concurrency', () => {
  it('gives 20 concurrent agreements over two app instances the numbers 1..20, no gaps, no duplicates', async () => {
    const t2 = await startTestApp({}, { sameDatabaseAs: t });
    try {
      const body = await post<Id>('/api/governance/bodies', {
        name: 'Comisión Concurrente',
        acronym: 'CC',
        kind: 'permanent_committee',
        createdOn: '2024-01-01',
      });
      const session = await post<Id>(`/api/governance/bodies/${body.id}/sessions`, {
        kind: 'ordinaria',
        heldOn: '2024-05-10',
        modality: 'presencial',
      });
      const other = liaison.onInstance(t2.url);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : liaison).post<Agreement>(`/api/governance/sessions/${session.id}/agreements`, {
            title: `Acuerdo ${i}`,
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const numbers = results.map((r) => r.body.sequence).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.body.number)).size).toBe(20);
      expect(results.map((r) => r.body.number)).toContain('CC/020/2024');
      const next = await post<Agreement>(`/api/governance/sessions/${session.id}/agreements`, {
        title: 'Siguiente',
      });
      expect(next.number).toBe('CC/021/2024');
    } finally {
      await t2.close();
    }
  });
});

describe('outputs', () => {
  it('attaches documents to agenda items, stored once and downloadable', async () => {
    const s = await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`);
    const item = await post<Id>(`/api/governance/sessions/${ids.s2}/agenda-items`, {
      title: 'Informe trimestral',
    });
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob(['contenido del informe'], { type: 'application/pdf' }), 'informe.pdf');
      return f;
    };
    const res = await liaison.post<{
      position: number;
      documents: { id: string; filename: string; sha256: string; size: number }[];
    }>(`/api/governance/agenda-items/${item.id}/documents`, form());
    expect(res.status).toBe(201);
    expect(res.body.position).toBe(s.body.agenda.length + 1);
    expect(res.body.documents).toMatchObject([{ filename: 'informe.pdf', size: 21 }]);
    const again = await liaison.post<{ documents: { sha256: string }[] }>(
      `/api/governance/agenda-items/${item.id}/documents`,
      form(),
    );
    expect(again.body.documents.map((d) => d.sha256)).toEqual([
      res.body.documents[0]!.sha256,
      res.body.documents[0]!.sha256,
    ]);
    const download = await liaison.get<string>(
      `/api/governance/agenda-documents/${res.body.documents[0]!.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('informe.pdf');
    const notMultipart = await liaison.post(`/api/governance/agenda-items/${item.id}/documents`, {
      file: 'x',
    });
    expect(notMultipart.status).toBe(415);
    // Documents of an approved session's agenda are frozen.
    const s1Item = (await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s1}`)).body.agenda[0]!;
    expect((await liaison.post(`/api/governance/agenda-items/${s1Item.id}/documents`, form())).status).toBe(
      409,
    );
  });

  it('serves an iCal feed that a calendar parser reads', async () => {
    const res = await liaison.get<string>(`/api/governance/bodies/${ids.body}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const events = comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const byDay = Object.fromEntries(events.map((e) => [e.startDate.toString().slice(0, 10), e]));
    expect(events).toHaveLength(3);
    // 10:00 in Mexico City (UTC−6) is 16:00 UTC.
    expect(byDay['2024-01-25']!.summary).toBe('CP: Primera sesión ordinaria de 2024');
    expect(byDay['2024-01-25']!.startDate.toJSDate().toISOString()).toBe('2024-01-25T16:00:00.000Z');
    expect(byDay['2024-02-22']!.endDate.toJSDate().toISOString()).toBe('2024-02-22T18:30:00.000Z');
    // A session without a time is an all-day event on its date.
    expect(byDay['2024-02-01']!.startDate.isDate).toBe(true);
    expect(byDay['2024-02-01']!.startDate.toString()).toBe('2024-02-01');
  });

  it('renders the agenda, attendance list and minutes as DOCX and PDF', async () => {
    for (const doc of ['orden-del-dia', 'lista-de-asistencia', 'minuta']) {
      const docx = await liaison.request(
        'GET',
        `/api/governance/sessions/${ids.s1}/documents/${doc}?format=docx`,
      );
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-disposition')).toContain(`${doc}-CP-2024-01-25.docx`);
    }
    const raw = await fetch(
      `${liaison.baseUrl}/api/governance/sessions/${ids.s1}/documents/minuta?format=docx`,
      {
        headers: { cookie: cookieOf(liaison) },
      },
    );
    const zip = await JSZip.loadAsync(Buffer.from(await raw.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Minuta de la primera sesión ordinaria de 2024');
    expect(xml).toContain('Aprobada mediante el Acuerdo CP/003/2024.');
    expect(xml).toContain('CP/001/2024. Aprobación del orden del día (por unanimidad)');
    // The letterhead: organization and body on top with the date of issue, page numbers below.
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    expect(header).toContain('Organismo OPLG (OPLG)');
    expect(header).toContain('Comisión de Prueba');
    expect(header).toContain(`Fecha de emisión: ${formatDate(todayInMexicoCity())}`);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toMatch(/Página .*PAGE.* de .*NUMPAGES/s);

    const pdf = await fetch(
      `${liaison.baseUrl}/api/governance/sessions/${ids.s1}/documents/lista-de-asistencia?format=pdf`,
      {
        headers: { cookie: cookieOf(liaison) },
      },
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    for (const doc of ['orden-del-dia', 'minuta']) {
      const res = await liaison.request(
        'GET',
        `/api/governance/sessions/${ids.s1}/documents/${doc}?format=pdf`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`${doc}-CP-2024-01-25.pdf`);
    }
  });
});

describe('calendar feeds by secret address', () => {
  const eventsOf = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const pathOf = (url: string) => new URL(url).pathname;

  it('serves the sessions of a body to a calendar app without a session cookie, until revoked', async () => {
    const audits = await auditCount();
    const created = await liaison.post<FeedTokenCreated>('/api/governance/feed-tokens', { bodyId: ids.body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ bodyId: ids.body, bodyName: 'Comisión de Prueba', revokedAt: null });
    expect(created.body.url).toMatch(/\/api\/governance\/feeds\/[A-Za-z0-9_-]{43}\/sesiones\.ics$/);
    expect(await auditCount()).toBe(audits + 1);

    const anonymous = t.anonymous();
    const feed = await anonymous.get<string>(pathOf(created.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const events = eventsOf(feed.body);
    expect(events.map((e) => e.summary).sort()).toEqual([
      'CP: Primera sesión extraordinaria de 2024',
      'CP: Primera sesión ordinaria de 2024',
      'CP: Segunda sesión ordinaria de 2024',
    ]);
    const first = events.find((e) => e.summary === 'CP: Primera sesión ordinaria de 2024')!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2024-01-25T16:00:00.000Z');

    // The secret is never listed again, and only its hash is stored.
    const list = await liaison.get<{ items: FeedToken[] }>('/api/governance/feed-tokens');
    expect(list.body.items.map((x) => x.id)).toContain(created.body.id);
    const secret = pathOf(created.body.url).split('/')[4]!;
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const stored = await t.ctx.database.db.execute(
      sql`select token_hash from calendar_feed_token where id = ${created.body.id}`,
    );
    const hash = (stored as unknown as { rows: { token_hash: string }[] }).rows[0]!.token_hash;
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hash).not.toContain(secret);

    // Another user of the organization cannot revoke it; its owner can, and the address then 404s.
    const otherUser = await t.as(org, 'administrator');
    expect((await otherUser.delete(`/api/governance/feed-tokens/${created.body.id}`)).status).toBe(404);
    const revoked = await liaison.delete<FeedToken>(`/api/governance/feed-tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const gone = await anonymous.get(pathOf(created.body.url));
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    expect((await anonymous.get('/api/governance/feeds/no-es-un-secreto/sesiones.ics')).status).toBe(404);
  });

  it('serves every body of the organization, and only of that organization', async () => {
    const all = await liaison.post<FeedTokenCreated>('/api/governance/feed-tokens', { bodyId: null });
    expect(all.status).toBe(201);
    expect(all.body.bodyName).toBeNull();
    const bodies = (await liaison.get<{ items: Body[] }>('/api/governance/bodies')).body.items;
    let expected = 0;
    for (const b of bodies) {
      expected += (await liaison.get<{ items: Session[] }>(`/api/governance/bodies/${b.id}/sessions`)).body
        .items.length;
    }
    const events = eventsOf((await t.anonymous().get<string>(pathOf(all.body.url))).body);
    expect(events).toHaveLength(expected);
    expect(new Set(events.map((e) => e.summary.split(':')[0]))).toEqual(new Set(['CP', 'CC']));

    // Another organization's user: its own feed shows none of OPLG's sessions; OPLG's body is unknown.
    const other = await t.createOrg('OPLZ');
    const stranger = await t.as(other, 'liaison_staff');
    const refused = await stranger.post('/api/governance/feed-tokens', { bodyId: ids.body });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      fields: [{ path: 'bodyId', message: 'El órgano colegiado no existe' }],
    });
    const own = await stranger.post<FeedTokenCreated>('/api/governance/feed-tokens', {});
    const ownFeed = await t.anonymous().get<string>(pathOf(own.body.url));
    expect(ownFeed.status).toBe(200);
    expect(eventsOf(ownFeed.body)).toHaveLength(0);
    expect(
      (await stranger.get<{ items: FeedToken[] }>('/api/governance/feed-tokens')).body.items,
    ).toHaveLength(1);
    expect((await stranger.delete(`/api/governance/feed-tokens/${all.body.id}`)).status).toBe(404);
    expect((await t.anonymous().get(pathOf(all.body.url))).status).toBe(200);
  });
});

describe('calendar feeds of a disabled user', () => {
  it('answer 404 while the owner is disabled, and again once enabled', async () => {
    const councillor = await t.as(org, 'councillor');
    const created = await councillor.post<FeedTokenCreated>('/api/governance/feed-tokens', {
      bodyId: ids.body,
    });
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    expect((await t.anonymous().get(path)).status).toBe(200);
    const admin = await t.as(org, 'administrator');
    const users = await admin.get<{ items: { id: string; email: string }[] }>(
      `/api/users?q=${encodeURIComponent(org.users.councillor)}`,
    );
    const id = users.body.items.find((u) => u.email === org.users.councillor)!.id;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await t.anonymous().get(path)).status).toBe(404);
    expect((await admin.patch(`/api/users/${id}`, { disabled: false })).status).toBe(200);
    expect((await t.anonymous().get(path)).status).toBe(200);
  });
});

describe('SSSCG mandates', () => {
  it('follows a Consejo General mandate to areas with dated updates and an overdue flag', async () => {
    const cg = await post<Id>('/api/governance/bodies', {
      name: 'Consejo General',
      acronym: 'CG',
      kind: 'consejo_general',
      agreementPrefix: 'OPLG/ACU-CG-',
      createdOn: '2000-01-01',
    });
    const source = await post<Agreement>(`/api/governance/bodies/${cg.id}/historical-agreements`, {
      number: 'OPLG/ACU-CG-010/2024',
      title: 'Acuerdo con mandato',
      adoptedOn: '2024-01-10',
    });
    // Only Consejo General agreements are followed up.
    const wrong = await liaison.post('/api/governance/mandates', {
      agreementId: ids.a1,
      description: 'x',
      areaIds: [ids.area],
    });
    expect(wrong.status).toBe(400);
    const m = await post<MandateDetail>('/api/governance/mandates', {
      agreementId: source.id,
      description: 'Informar avances',
      dueOn: '2024-03-01',
      areaIds: [ids.area],
    });
    expect(m).toMatchObject({
      agreementNumber: 'OPLG/ACU-CG-010/2024',
      status: 'pending',
      overdue: true,
      areas: [{ acronym: 'UTD' }],
    });
    for (const day of ['2024-01-15', '2024-01-15', '2024-02-07']) {
      expect(
        (
          await liaison.post(`/api/governance/mandates/${m.id}/updates`, {
            occurredOn: day,
            note: `Actualización ${day}`,
          })
        ).status,
      ).toBe(201);
    }
    const before = await liaison.post(`/api/governance/mandates/${m.id}/updates`, {
      occurredOn: '2023-12-31',
      note: 'antes',
    });
    expect(before.status).toBe(400);
    const detail = await liaison.get<MandateDetail>(`/api/governance/mandates/${m.id}`);
    expect(detail.body.updates.map((u) => u.occurredOn)).toEqual(['2024-01-15', '2024-01-15', '2024-02-07']);
    expect(detail.body).toMatchObject({
      status: 'in_progress',
      updateCount: 3,
      lastUpdateOn: '2024-02-07',
      overdue: true,
    });
    const overdue = await liaison.get<{ items: { id: string }[] }>('/api/governance/mandates?overdue=true');
    expect(overdue.body.items.map((x) => x.id)).toEqual([m.id]);
    const done = await liaison.patch<MandateDetail>(`/api/governance/mandates/${m.id}`, {
      status: 'fulfilled',
    });
    expect(done.body.overdue).toBe(false);
  });
});

function cookieOf(c: HttpClient): string {
  const jar = (c as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

describe('agenda changes and cancellation until the session is held', () => {
  type Agenda = { items: { id: string; position: number; title: string; description: string | null }[] };
  const titles = (a: Agenda) => a.items.map((i) => `${i.position}. ${i.title}`);
  const trail = async (action: string) =>
    (
      await auditor.get<{ items: { action: string; entityId: string; before: unknown; after: unknown }[] }>(
        `/api/audit?action=${action}`,
      )
    ).body.items;

  it('edits, reorders and removes items of a scheduled session, each audited', async () => {
    const s = await post<Session>(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2025-03-13',
      modality: 'presencial',
    });
    expect(s.status).toBe('scheduled');
    ids.planned = s.id;
    const [a, b, c] = [
      await post<Id>(`/api/governance/sessions/${s.id}/agenda-items`, { title: 'Lista de asistencia' }),
      await post<Id>(`/api/governance/sessions/${s.id}/agenda-items`, { title: 'Informe trimestal' }),
      await post<Id>(`/api/governance/sessions/${s.id}/agenda-items`, { title: 'Asuntos generales' }),
    ];
    const edited = await liaison.patch<{ title: string; description: string | null }>(
      `/api/governance/agenda-items/${b.id}`,
      { title: 'Informe trimestral', description: 'Primer trimestre de 2025' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Informe trimestral',
      description: 'Primer trimestre de 2025',
    });
    expect((await trail('agenda_item.update'))[0]).toMatchObject({
      entityId: b.id,
      before: { title: 'Informe trimestal', description: null },
      after: { title: 'Informe trimestral' },
    });

    const reordered = await liaison.put<Agenda>(`/api/governance/sessions/${s.id}/agenda-order`, {
      itemIds: [a.id, c.id, b.id],
    });
    expect(reordered.status).toBe(200);
    expect(titles(reordered.body)).toEqual([
      '1. Lista de asistencia',
      '2. Asuntos generales',
      '3. Informe trimestral',
    ]);
    expect((await trail('body_session.reorder_agenda'))[0]).toMatchObject({ entityId: s.id });

    const removed = await liaison.delete<Agenda>(`/api/governance/agenda-items/${c.id}`);
    expect(removed.status).toBe(200);
    expect(titles(removed.body)).toEqual(['1. Lista de asistencia', '2. Informe trimestral']);
    expect((await trail('agenda_item.delete'))[0]).toMatchObject({
      entityId: c.id,
      before: { position: 2, title: 'Asuntos generales' },
    });
    // A new item goes after the renumbered ones.
    const d = await post<{ position: number }>(`/api/governance/sessions/${s.id}/agenda-items`, {
      title: 'Clausura',
    });
    expect(d.position).toBe(3);
  });

  it('refuses a bad order or patch with the field at fault, changing nothing', async () => {
    const before = (await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.planned}`)).body.agenda;
    const audits = await auditCount();
    const missing = await liaison.put(`/api/governance/sessions/${ids.planned}/agenda-order`, {
      itemIds: [before[0]!.id],
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'itemIds', message: 'El nuevo orden debe incluir todos los puntos de la sesión' }],
    });
    const twice = await liaison.put(`/api/governance/sessions/${ids.planned}/agenda-order`, {
      itemIds: [before[0]!.id, before[0]!.id, before[1]!.id],
    });
    expect(twice.body).toMatchObject({
      fields: [{ path: 'itemIds', message: expect.stringMatching(/dos veces/) }],
    });
    const foreign = await liaison.put(`/api/governance/sessions/${ids.planned}/agenda-order`, {
      itemIds: [...before.slice(1).map((i) => i.id), crypto.randomUUID()],
    });
    expect(foreign.body).toMatchObject({
      fields: [{ path: 'itemIds', message: expect.stringMatching(/no es de esta sesión/) }],
    });
    const empty = await liaison.patch(`/api/governance/agenda-items/${before[0]!.id}`, { title: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ fields: [{ path: 'title', message: expect.any(String) }] });
    const nothing = await liaison.patch(`/api/governance/agenda-items/${before[0]!.id}`, {});
    expect(nothing.status).toBe(400);
    expect((await liaison.delete(`/api/governance/agenda-items/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.planned}`)).body.agenda).toEqual(
      before,
    );
    expect(await auditCount()).toBe(audits);
  });

  it('refuses agenda changes and cancellation once the session is held or its minutes approved', async () => {
    const held = await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`);
    expect(held.body.status).toBe('held');
    const item = held.body.agenda[0]!;
    const audits = await auditCount();
    const edit = await liaison.patch(`/api/governance/agenda-items/${item.id}`, { title: 'Otro' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^La sesión ya se celebró/),
    });
    expect((await liaison.delete(`/api/governance/agenda-items/${item.id}`)).status).toBe(409);
    const order = await liaison.put(`/api/governance/sessions/${ids.s2}/agenda-order`, {
      itemIds: held.body.agenda.map((i) => i.id).reverse(),
    });
    expect(order.status).toBe(409);
    const cancel = await liaison.post(`/api/governance/sessions/${ids.s2}/cancellation`, {
      reason: 'Por error',
    });
    expect(cancel.status).toBe(409);
    expect(cancel.body).toMatchObject({
      message: 'La sesión ya se celebró (tiene asistencia o acuerdos registrados): no puede cancelarse.',
    });
    // Approved minutes: nothing changes, not even additions.
    const approved = await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s1}`);
    expect(approved.body.status).toBe('minutes_approved');
    expect(
      (await liaison.patch(`/api/governance/agenda-items/${approved.body.agenda[0]!.id}`, { title: 'x' }))
        .body,
    ).toMatchObject({
      message: 'La minuta de la sesión ya fue aprobada: su orden del día no puede modificarse.',
    });
    expect(await auditCount()).toBe(audits);
    expect((await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`)).body).toEqual(held.body);
  });

  it('cancels a scheduled session with its reason; then it takes no attendance, agreements or agenda changes', async () => {
    const after = await post<Session>(`/api/governance/bodies/${ids.body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2025-04-10',
      modality: 'presencial',
    });
    expect(after.name).toBe('segunda sesión ordinaria de 2025');
    const noReason = await liaison.post(`/api/governance/sessions/${ids.planned}/cancellation`, {
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      fields: [{ path: 'reason', message: 'Escriba el motivo de la cancelación' }],
    });
    const reader = await t.as(org, 'auditor');
    expect(
      (await reader.post(`/api/governance/sessions/${ids.planned}/cancellation`, { reason: 'x' })).status,
    ).toBe(403);

    const res = await liaison.post<Session>(`/api/governance/sessions/${ids.planned}/cancellation`, {
      reason: 'La presidencia no podrá asistir; se convocará de nuevo.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellation: {
        reason: 'La presidencia no podrá asistir; se convocará de nuevo.',
        cancelledOn: todayInMexicoCity(),
      },
    });
    expect((await trail('body_session.cancel'))[0]).toMatchObject({
      entityId: ids.planned,
      after: { status: 'cancelled' },
    });
    // The next session held takes the number the cancelled one was convened with.
    const list = await liaison.get<{ items: Session[] }>(
      `/api/governance/bodies/${ids.body}/sessions?from=2025-01-01&to=2025-12-31`,
    );
    expect(list.body.items.map((s) => [s.name, s.status])).toEqual([
      ['primera sesión ordinaria de 2025', 'cancelled'],
      ['primera sesión ordinaria de 2025', 'scheduled'],
    ]);

    const audits = await auditCount();
    const detail = await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.planned}`);
    const attendance = await liaison.put(`/api/governance/sessions/${ids.planned}/attendance`, {
      entries: [{ personId: ids['Ana Presidenta'], present: true }],
    });
    expect(attendance.status).toBe(409);
    expect(attendance.body).toMatchObject({
      message: 'La sesión fue cancelada: no se celebró, así que no admite asistencia ni acuerdos.',
    });
    expect(
      (await liaison.post(`/api/governance/sessions/${ids.planned}/agreements`, { title: 'No' })).status,
    ).toBe(409);
    const historical = await liaison.post(`/api/governance/bodies/${ids.body}/historical-agreements`, {
      number: 'CP/050/2025',
      title: 'En una sesión cancelada',
      adoptedOn: '2025-03-13',
      sessionId: ids.planned,
    });
    expect(historical.status).toBe(409);
    expect(
      (await liaison.post(`/api/governance/sessions/${ids.planned}/agenda-items`, { title: 'No' })).status,
    ).toBe(409);
    expect(
      (await liaison.patch(`/api/governance/agenda-items/${detail.body.agenda[0]!.id}`, { title: 'No' }))
        .status,
    ).toBe(409);
    expect((await liaison.patch(`/api/governance/sessions/${ids.planned}`, { place: 'Sala' })).status).toBe(
      409,
    );
    const again = await liaison.post(`/api/governance/sessions/${ids.planned}/cancellation`, {
      reason: 'Otra',
    });
    expect(again.body).toMatchObject({ message: 'La sesión ya estaba cancelada.' });
    expect(await auditCount()).toBe(audits);
    // A cancelled session is not in the attendance report nor among the sessions with agreements.
    const report = await liaison.get<{ sessions: { id: string }[] }>(
      `/api/governance/bodies/${ids.body}/attendance-report?from=2025-01-01&to=2025-12-31`,
    );
    expect(report.body.sessions.map((s) => s.id)).toEqual([after.id]);
    const agreements = await liaison.get<{ sessions: { session: { id: string } }[] }>(
      `/api/governance/bodies/${ids.body}/agreements?from=2025-01-01&to=2025-12-31`,
    );
    expect(agreements.body.sessions.map((g) => g.session.id)).toEqual([after.id]);
  });

  it('answers 404 to another organization on every new route', async () => {
    const other = await t.as(await t.createOrg('OTRA'), 'liaison_staff');
    const item = (await liaison.get<SessionDetail>(`/api/governance/sessions/${ids.s2}`)).body.agenda[0]!;
    expect((await other.patch(`/api/governance/agenda-items/${item.id}`, { title: 'x' })).status).toBe(404);
    expect((await other.delete(`/api/governance/agenda-items/${item.id}`)).status).toBe(404);
    expect(
      (await other.put(`/api/governance/sessions/${ids.s2}/agenda-order`, { itemIds: [item.id] })).status,
    ).toBe(404);
    expect(
      (await other.post(`/api/governance/sessions/${ids.s2}/cancellation`, { reason: 'x' })).status,
    ).toBe(404);
  });
});
