import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import type { Activity, ProgramTree, Series, Target, UnexplainedObjective } from './contract';
import { programReportData } from './report-data';

let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;
let program: ProgramTree;
const ids = { lineA: '', objA: '', objB: '', lineB: '', inst: '', person: '' };

type Page<T> = { items: T[]; total: number };

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLP');
  liaison = await t.as(org, 'liaison_staff');
  const created = await liaison.post<ProgramTree>('/api/program/programs', {
    year: 2024,
    name: 'Programa de prueba 2024',
    approvedByText: 'ACU/001/2024',
  });
  expect(created.status).toBe(201);
  program = created.body;
  let tree = (
    await liaison.post<ProgramTree>(`/api/program/programs/${program.id}/lines`, {
      number: 1,
      title: 'Línea uno',
    })
  ).body;
  ids.lineA = tree.lines[0]!.id;
  await liaison.post(`/api/program/lines/${ids.lineA}/objectives`, { key: 'A', title: 'Objetivo A' });
  tree = (
    await liaison.post<ProgramTree>(`/api/program/lines/${ids.lineA}/objectives`, {
      key: 'B',
      title: 'Objetivo B',
    })
  ).body;
  ids.objA = tree.lines[0]!.objectives[0]!.id;
  ids.objB = tree.lines[0]!.objectives[1]!.id;
  tree = (
    await liaison.post<ProgramTree>(`/api/program/programs/${program.id}/lines`, {
      number: 2,
      title: 'Línea sin objetivos',
    })
  ).body;
  ids.lineB = tree.lines[1]!.id;
  ids.inst = (
    await liaison.post<{ id: string }>('/api/institutions', {
      name: 'Universidad de Prueba',
      acronym: 'UP',
      kind: 'university',
      level: 'local',
    })
  ).body.id;
  ids.person = (
    await liaison.post<{ id: string }>('/api/people', { fullName: 'Consejera de Prueba' })
  ).body.id;
});
afterAll(() => t.close());

describe('program structure', () => {
  it('numbers lines and letters objectives, each once', async () => {
    const tree = await liaison.get<ProgramTree>(`/api/program/programs/${program.id}`);
    expect(tree.body.approvedBy).toBe('ACU/001/2024');
    expect(tree.body.lines.map((l) => [l.number, l.objectives.map((o) => o.key)])).toEqual([
      [1, ['A', 'B']],
      [2, []],
    ]);
    const dup = await liaison.post(`/api/program/lines/${ids.lineA}/objectives`, {
      key: 'A',
      title: 'Otra A',
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ fields: [{ path: 'key' }] });
    const bad = await liaison.post(`/api/program/lines/${ids.lineA}/objectives`, { key: 'a1', title: 'x' });
    expect(bad.status).toBe(400);
    const twice = await liaison.post('/api/program/programs', { year: 2024, name: 'Otro' });
    expect(twice.status).toBe(409);
  });
});

describe('activities', () => {
  it('refuses a day that does not exist, naming it, and a range that ends before it starts', async () => {
    const feb = await liaison.post('/api/program/activities', {
      objectiveId: ids.objA,
      kind: 'other',
      title: 'Noticias',
      dates: { mode: 'list', days: ['2024-02-28', '2024-02-29', '2024-02-30', '2024-02-31'] },
    });
    expect(feb.status).toBe(400);
    expect(feb.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [
        {
          path: 'dates.days.2',
          message: 'El 30 de febrero de 2024 no existe: febrero de 2024 tiene 29 días',
        },
        {
          path: 'dates.days.3',
          message: 'El 31 de febrero de 2024 no existe: febrero de 2024 tiene 29 días',
        },
      ],
    });
    const range = await liaison.post('/api/program/activities', {
      objectiveId: ids.objA,
      kind: 'tour_abroad',
      title: 'Gira',
      dates: { mode: 'range', from: '2024-03-09', to: '2024-03-06' },
    });
    expect(range.status).toBe(400);
    expect(range.body).toMatchObject({ fields: [{ path: 'dates.to' }] });
    const unknownKind = await liaison.post('/api/program/activities', {
      objectiveId: ids.objA,
      kind: 'desconocido',
      title: 'x',
      dates: { mode: 'day', day: '2024-03-01' },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body).toMatchObject({ fields: [{ path: 'kind' }] });
    const noObjective = await liaison.post('/api/program/activities', {
      lineId: ids.lineA,
      kind: 'other',
      title: 'x',
      dates: { mode: 'day', day: '2024-03-01' },
    });
    expect(noObjective.status).toBe(400);
    expect(noObjective.body).toMatchObject({ fields: [{ path: 'objectiveId' }] });
    const list = await liaison.get<Page<Activity>>('/api/program/activities');
    expect(list.body.total).toBe(0);
  });

  it('records a tour abroad with route, lead, partners and agenda, and renders its dates in Spanish', async () => {
    const tour = await liaison.post<Activity>('/api/program/activities', {
      objectiveId: ids.objA,
      kind: 'tour_abroad',
      title: 'Gira de trabajo',
      dates: { mode: 'range', from: '2024-03-13', to: '2024-03-16' },
      route: ['Los Ángeles', 'Las Vegas'],
      partners: ['Consulados de México'],
      participants: [{ personId: ids.person, role: 'lead' }],
      institutionIds: [ids.inst],
      agenda: [{ day: '2024-03-14', startTime: '10:00', title: 'Foro con la comunidad', city: 'Las Vegas' }],
    });
    expect(tour.status).toBe(201);
    expect(tour.body).toMatchObject({
      datesText: '13 al 16 de marzo de 2024',
      lineNumber: 1,
      objectiveKey: 'A',
      kindName: 'Gira en el extranjero',
      route: ['Los Ángeles', 'Las Vegas'],
      participants: [{ fullName: 'Consejera de Prueba', role: 'lead' }],
      institutions: [{ acronym: 'UP' }],
      agenda: [{ title: 'Foro con la comunidad', startTime: '10:00' }],
    });
    const outside = await liaison.put(`/api/program/activities/${tour.body.id}`, {
      objectiveId: ids.objA,
      kind: 'tour_abroad',
      title: 'Gira de trabajo',
      dates: { mode: 'range', from: '2024-03-13', to: '2024-03-16' },
      agenda: [{ day: '2024-03-20', title: 'Fuera de fechas' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ fields: [{ path: 'agenda.0.day' }] });
  });

  it('places a list of days in a period by its days, filters and exports', async () => {
    const news = await liaison.post<Activity>('/api/program/activities', {
      objectiveId: ids.objB,
      kind: 'other',
      title: 'Boletín de prueba',
      dates: { mode: 'list', days: ['2024-01-26', '2024-01-05', '2024-04-02'] },
    });
    expect(news.status).toBe(201);
    expect(news.body.datesText).toBe('5 y 26 de enero y 2 de abril de 2024');
    const posters = await liaison.post<Activity>('/api/program/activities', {
      objectiveId: ids.objB,
      kind: 'poster_campaign',
      title: 'Carteles',
      dates: { mode: 'month', month: '2024-02' },
    });
    expect(posters.body.datesText).toBe('Durante febrero de 2024');
    const feb = await liaison.get<Page<Activity>>('/api/program/activities?from=2024-02-01&to=2024-03-31');
    expect(feb.body.items.map((a) => a.title)).toEqual(['Carteles', 'Gira de trabajo']);
    const byKind = await liaison.get<Page<Activity>>(
      `/api/program/activities?kind=poster_campaign&objectiveId=${ids.objB}`,
    );
    expect(byKind.body.items.map((a) => a.title)).toEqual(['Carteles']);
    const csv = await liaison.get<string>(
      '/api/program/activities/export?format=csv&from=2024-01-01&to=2024-01-31',
    );
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Boletín de prueba');
    expect(csv.body).toContain('5 y 26 de enero y 2 de abril de 2024');
    expect(csv.body).not.toContain('Carteles');
    const xlsx = await liaison.get('/api/program/activities/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('stores evidence files and lets administrators add kinds', async () => {
    const [first] = (await liaison.get<Page<Activity>>('/api/program/activities')).body.items;
    const form = new FormData();
    form.append('file', new Blob(['lista de asistencia'], { type: 'text/plain' }), 'asistencia.txt');
    const attached = await liaison.post<Activity>(`/api/program/activities/${first!.id}/files`, form);
    expect(attached.status).toBe(201);
    const file = attached.body.files[0]!;
    const download = await liaison.get<string>(`/api/program/activities/${first!.id}/files/${file.id}`);
    expect(download.body).toBe('lista de asistencia');

    // A wrong file is taken off again (audited); once gone it is a 404, and a reader may not remove one.
    const wrong = new FormData();
    wrong.append('file', new Blob(['otra cosa'], { type: 'text/plain' }), 'equivocado.txt');
    const twice = await liaison.post<Activity>(`/api/program/activities/${first!.id}/files`, wrong);
    const wrongFile = twice.body.files.find((f) => f.filename === 'equivocado.txt')!;
    const reader = await t.as(org, 'auditor');
    expect((await reader.delete(`/api/program/activities/${first!.id}/files/${wrongFile.id}`)).status).toBe(
      403,
    );
    const removed = await liaison.delete<Activity>(
      `/api/program/activities/${first!.id}/files/${wrongFile.id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.files.map((f) => f.filename)).toEqual(['asistencia.txt']);
    expect((await liaison.delete(`/api/program/activities/${first!.id}/files/${wrongFile.id}`)).status).toBe(
      404,
    );
    expect((await liaison.get(`/api/program/activities/${first!.id}/files/${wrongFile.id}`)).status).toBe(
      404,
    );

    expect(
      (await liaison.post('/api/program/activity-kinds', { code: 'listing', name: 'Listado' })).status,
    ).toBe(403);
    const admin = await t.as(org, 'administrator');
    const kind = await admin.post('/api/program/activity-kinds', {
      code: 'listing',
      name: 'Listado de seguimiento',
    });
    expect(kind.status).toBe(201);
    expect(
      (await admin.post('/api/program/activity-kinds', { code: 'stand', name: 'Otro stand' })).status,
    ).toBe(409);
    const used = await liaison.post<Activity>('/api/program/activities', {
      objectiveId: ids.objB,
      kind: 'listing',
      title: 'Listado',
      dates: { mode: 'within', from: '2024-01-01', to: '2024-03-31' },
    });
    expect(used.body).toMatchObject({
      kindName: 'Listado de seguimiento',
      datesText: 'En el periodo del 1 de enero al 31 de marzo de 2024',
    });
  });
});

describe('targets, reasons and publications', () => {
  it('computes the progress of a target from the records of its period', async () => {
    const target = await liaison.post<Target>('/api/program/targets', {
      objectiveId: ids.objB,
      description: 'Al menos tres actividades',
      minimumCount: 3,
      unit: 'actividades',
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      source: 'activities',
    });
    expect(target.status).toBe(201);
    expect(target.body.progress).toEqual({ count: 3, minimum: 3, met: true, percent: 100 });
    const posters = await liaison.put<Target>(`/api/program/targets/${target.body.id}`, {
      objectiveId: ids.objB,
      description: 'Dos campañas de carteles',
      minimumCount: 2,
      unit: 'campañas',
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      source: 'activities',
      activityKind: 'poster_campaign',
    });
    expect(posters.body.progress).toEqual({ count: 1, minimum: 2, met: false, percent: 50 });
  });

  it('lists objectives without activity or reason until a reason is stated', async () => {
    const q1 = '?from=2024-01-01&to=2024-03-31';
    let open = await liaison.get<UnexplainedObjective[]>(`/api/program/unexplained${q1}`);
    expect(open.body.map((u) => u.label)).toEqual(['2']);
    const reason = await liaison.put<{ id: string }>('/api/program/reasons', {
      lineId: ids.lineB,
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      reason: 'Sin actividades por motivos de agenda',
    });
    expect(reason.status).toBe(200);
    open = await liaison.get<UnexplainedObjective[]>(`/api/program/unexplained${q1}`);
    expect(open.body).toEqual([]);
    // April–June: objective A has nothing, B has the list's 2 April.
    const q2 = await liaison.get<UnexplainedObjective[]>(
      '/api/program/unexplained?from=2024-04-01&to=2024-06-30',
    );
    expect(q2.body.map((u) => u.label)).toEqual(['1.A', '2']);
    const data = await programReportData(t.ctx.database.db, org.id, { from: '2024-01-01', to: '2024-03-31' });
    expect(data.lines[1]!.reason!.reason).toBe('Sin actividades por motivos de agenda');
    expect(data.lines[0]!.objectives[0]!.activities.map((a) => a.title)).toEqual(['Gira de trabajo']);
    expect(data.lines[0]!.objectives[1]!.targets).toHaveLength(1);
  });

  it('flags missing issues of a weekly series', async () => {
    const series = await liaison.post<Series>('/api/program/series', {
      objectiveId: ids.objA,
      name: 'Boletín semanal',
      cadence: 'weekly',
    });
    expect(series.status).toBe(201);
    for (const day of ['2024-01-05', '2024-01-12', '2024-01-26'])
      expect(
        (
          await liaison.post(`/api/program/series/${series.body.id}/issues`, {
            publishedOn: day,
            title: `Boletín ${day}`,
          })
        ).status,
      ).toBe(201);
    const bad = await liaison.post(`/api/program/series/${series.body.id}/issues`, {
      publishedOn: '2024-02-30',
      title: 'x',
    });
    expect(bad.status).toBe(400);
    const jan = await liaison.get<Series>(
      `/api/program/series/${series.body.id}?from=2024-01-01&to=2024-01-28`,
    );
    expect(jan.body.issues).toHaveLength(3);
    expect(jan.body.missing.map((m) => m.label)).toEqual(['semana del 15 al 21 de enero de 2024']);
  });

  it('takes a weekly series declared sent every week: no week is missing; only a weekly one', async () => {
    const declared = await liaison.post<Series>('/api/program/series', {
      objectiveId: ids.objA,
      name: 'Compilado semanal',
      cadence: 'weekly',
      sentWeekly: true,
      datesByMonth: true,
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect(declared.body).toMatchObject({ sentWeekly: true, datesByMonth: true });
    const jan = await liaison.get<Series>(
      `/api/program/series/${declared.body.id}?from=2024-01-01&to=2024-01-28`,
    );
    expect(jan.body.issues).toEqual([]);
    expect(jan.body.missing).toEqual([]);
    const monthly = await liaison.post<{ fields: { path: string; message: string }[] }>(
      '/api/program/series',
      {
        objectiveId: ids.objA,
        name: 'Boletín mensual declarado',
        cadence: 'monthly',
        sentWeekly: true,
      },
    );
    expect(monthly.status).toBe(400);
    expect(monthly.body.fields).toEqual([
      { path: 'sentWeekly', message: 'Solo una serie semanal se declara enviada cada semana' },
    ]);
  });

  it('audits every change', async () => {
    const admin = await t.as(org, 'administrator');
    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?pageSize=200');
    const actions = new Set(audit.body.items.map((e) => e.action));
    for (const a of [
      'work_program.create',
      'program_line.create',
      'activity.create',
      'program_target.update',
      'objective_reason.create',
      'publication_issue.create',
      'activity.export',
      'activity.file_attach',
      'activity.file_remove',
    ])
      expect(actions).toContain(a);
  });
});
