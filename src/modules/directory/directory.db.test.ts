import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';

let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;

type Page<T> = { items: T[]; total: number };

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLD');
  liaison = await t.as(org, 'liaison_staff');
});
afterAll(() => t.close());

describe('institutions', () => {
  it('registers, finds without accents and edits an institution', async () => {
    const created = await liaison.post<{ id: string }>('/api/institutions', {
      name: 'Universidad Autónoma Metropolitana',
      acronym: 'UAM',
      kind: 'university',
      level: 'local',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ country: 'MX', acronym: 'UAM' });

    const found = await liaison.get<Page<{ name: string }>>('/api/institutions?q=autonoma%20METROPOLITANA');
    expect(found.body.items.map((i) => i.name)).toEqual(['Universidad Autónoma Metropolitana']);

    const edited = await liaison.patch(`/api/institutions/${created.body.id}`, {
      website: 'https://www.uam.mx',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      website: 'https://www.uam.mx',
      name: 'Universidad Autónoma Metropolitana',
    });
  });

  it('filters by kind and pages', async () => {
    for (const n of ['A', 'B', 'C']) {
      await liaison.post('/api/institutions', {
        name: `Consulado ${n}`,
        kind: 'consulate',
        country: 'US',
        level: 'international',
      });
    }
    const page1 = await liaison.get<Page<{ name: string }>>(
      '/api/institutions?kind=consulate&pageSize=2&page=1',
    );
    const page2 = await liaison.get<Page<{ name: string }>>(
      '/api/institutions?kind=consulate&pageSize=2&page=2',
    );
    expect(page1.body.total).toBe(3);
    expect([...page1.body.items, ...page2.body.items].map((i) => i.name)).toEqual([
      'Consulado A',
      'Consulado B',
      'Consulado C',
    ]);
  });

  it('answers bad input with 400, the fields at fault and nothing written', async () => {
    const res = await liaison.post('/api/institutions', {
      name: '',
      kind: 'embajada',
      level: 'local',
      country: 'mex',
      website: 'no es url',
      extra: 1,
    });
    expect(res.status).toBe(400);
    const body = res.body as { code: string; message: string; fields: { path: string; message: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f) => f.path).sort()).toEqual(['country', 'extra', 'kind', 'name', 'website']);
    expect(body.fields.every((f) => f.message.length > 0)).toBe(true);
    const after = await liaison.get<Page<unknown>>('/api/institutions?q=no%20es%20url');
    expect(after.body.total).toBe(0);
  });

  it('refuses text beyond limits, wrong types and oversized bodies', async () => {
    const long = await liaison.post('/api/institutions', {
      name: 'x'.repeat(301),
      kind: 'university',
      level: 'local',
    });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ fields: [{ path: 'name' }] });
    const typed = await liaison.post('/api/institutions', { name: 42, kind: 'university', level: 'local' });
    expect(typed.status).toBe(400);
    const huge = await liaison.post('/api/institutions', {
      name: 'x',
      notes: 'y'.repeat(2 * 1024 * 1024),
      kind: 'university',
      level: 'local',
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const malformed = await liaison.request('POST', '/api/institutions', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('gives 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await liaison.get('/api/institutions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await liaison.get('/api/institutions/abc')).status).toBe(400);
  });

  it('lets readers read but not write', async () => {
    const councillor = await t.as(org, 'councillor');
    expect((await councillor.get('/api/institutions')).status).toBe(200);
    const res = await councillor.post('/api/institutions', { name: 'X', kind: 'university', level: 'local' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('areas and their heads over time', () => {
  let se: { id: string };
  let ut: { id: string };

  it('builds the hierarchy and refuses cycles', async () => {
    se = (
      await liaison.post<{ id: string }>('/api/areas', {
        name: 'Secretaría Ejecutiva',
        acronym: 'SE',
        kind: 'executive_secretariat',
      })
    ).body;
    ut = (
      await liaison.post<{ id: string }>('/api/areas', {
        name: 'Unidad Técnica de Comunicación Social y Difusión',
        acronym: 'UTCSyD',
        kind: 'technical_unit',
        parentId: se.id,
        aliases: ['Unidad Técnica de Comunicación Social y Desarrollo'],
      })
    ).body;
    const cycle = await liaison.patch(`/api/areas/${se.id}`, { parentId: ut.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body).toMatchObject({ fields: [{ path: 'parentId' }] });
    const byAlias = await liaison.get<Page<{ id: string }>>(
      '/api/areas?q=comunicacion%20social%20y%20desarrollo',
    );
    expect(byAlias.body.items.map((a) => a.id)).toEqual([ut.id]);
  });

  it('records a titular, then an acting head, and refuses overlapping heads', async () => {
    const macias = (
      await liaison.post<{ id: string }>('/api/people', {
        fullName: 'Salvador Gabriel Macías Payén',
        gender: 'male',
      })
    ).body;
    const juarez = (
      await liaison.post<{ id: string }>('/api/people', {
        fullName: 'Oliver Juárez Cervantes',
        gender: 'male',
      })
    ).body;
    const first = await liaison.post(`/api/people/${macias.id}/positions`, {
      title: 'Titular de la Unidad Técnica de Comunicación Social y Difusión',
      areaId: ut.id,
      headKind: 'titular',
      startsOn: '2023-08-29',
      endsOn: '2024-02-15',
    });
    expect(first.status).toBe(201);

    const overlapping = await liaison.post(`/api/people/${juarez.id}/positions`, {
      title: 'Encargado de despacho',
      areaId: ut.id,
      headKind: 'encargado_de_despacho',
      startsOn: '2024-02-15',
    });
    expect(overlapping.status).toBe(409);
    expect((overlapping.body as { message: string }).message).toContain('jueves 15 de febrero de 2024');

    const second = await liaison.post(`/api/people/${juarez.id}/positions`, {
      title: 'Encargado de despacho de la Unidad Técnica de Comunicación Social y Difusión',
      areaId: ut.id,
      headKind: 'encargado_de_despacho',
      startsOn: '2024-02-16',
    });
    expect(second.status).toBe(201);

    const detail = await liaison.get<{
      heads: { personName: string; headKind: string }[];
      currentHead: { personName: string };
    }>(`/api/areas/${ut.id}`);
    expect(detail.body.heads.map((h) => [h.personName, h.headKind])).toEqual([
      ['Oliver Juárez Cervantes', 'encargado_de_despacho'],
      ['Salvador Gabriel Macías Payén', 'titular'],
    ]);
    expect(detail.body.currentHead.personName).toBe('Oliver Juárez Cervantes');
  });

  it('refuses dates that do not exist and terms that end before they start', async () => {
    const p = (await liaison.post<{ id: string }>('/api/people', { fullName: 'Persona de Prueba' })).body;
    const bad = await liaison.post(`/api/people/${p.id}/positions`, {
      title: 'Analista',
      startsOn: '2024-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ fields: [{ path: 'startsOn' }] });
    const reversed = await liaison.post(`/api/people/${p.id}/positions`, {
      title: 'Analista',
      startsOn: '2024-03-01',
      endsOn: '2024-02-01',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ fields: [{ path: 'endsOn' }] });
    const detail = await liaison.get<{ positions: unknown[] }>(`/api/people/${p.id}`);
    expect(detail.body.positions).toEqual([]);
  });
});

describe('people', () => {
  it('keeps one identity: a search by an alias finds the person', async () => {
    await liaison.post('/api/people', {
      fullName: 'César Ernesto Ramos Mega',
      aliases: ['Ernesto Ramos Mega'],
      gender: 'male',
    });
    const res = await liaison.get<Page<{ fullName: string }>>('/api/people?q=ernesto%20ramos');
    expect(res.body.items.map((p) => p.fullName)).toEqual(['César Ernesto Ramos Mega']);
  });

  it('edits, moves and removes positions with the audit trail recording each change', async () => {
    const inst = (
      await liaison.post<{ id: string }>('/api/institutions', {
        name: 'Instituto Electoral de Coahuila',
        acronym: 'IEC',
        kind: 'local_electoral_body',
        level: 'local',
      })
    ).body;
    const p = (
      await liaison.post<{ id: string }>('/api/people', { fullName: 'Rodrigo Germán Paredes Lozano' })
    ).body;
    const pos = (
      await liaison.post<{ id: string }>(`/api/people/${p.id}/positions`, {
        title: 'Consejero Presidente',
        institutionId: inst.id,
        startsOn: '2020-01-01',
      })
    ).body;
    const edited = await liaison.put(`/api/people/${p.id}/positions/${pos.id}`, {
      title: 'Consejero Presidente',
      institutionId: inst.id,
      startsOn: '2020-01-01',
      endsOn: '2026-12-31',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      institutionName: 'Instituto Electoral de Coahuila',
      endsOn: '2026-12-31',
    });
    expect((await liaison.delete(`/api/people/${p.id}/positions/${pos.id}`)).status).toBe(204);

    const auditor = await t.as(org, 'auditor');
    const trail = await auditor.get<Page<{ action: string; before: unknown; after: unknown }>>(
      `/api/audit?entityId=${pos.id}`,
    );
    expect(trail.body.items.map((e) => e.action)).toEqual([
      'position.delete',
      'position.update',
      'position.create',
    ]);
    const update = trail.body.items[1]!;
    expect(update.before).toMatchObject({ endsOn: null });
    expect(update.after).toMatchObject({ endsOn: '2026-12-31' });
  });
});

describe('deleting records registered by mistake', () => {
  it('deletes an unused record and keeps one that others use, saying what uses it', async () => {
    const unused = (
      await liaison.post<{ id: string }>('/api/institutions', {
        name: 'Registro duplicado',
        kind: 'civil_society',
        level: 'local',
      })
    ).body;
    expect((await liaison.delete(`/api/institutions/${unused.id}`)).status).toBe(204);
    expect((await liaison.get(`/api/institutions/${unused.id}`)).status).toBe(404);

    const parent = (
      await liaison.post<{ id: string }>('/api/areas', { name: 'Área con hijas', kind: 'other' })
    ).body;
    await liaison.post('/api/areas', { name: 'Área hija', kind: 'other', parentId: parent.id });
    const refused = await liaison.delete(`/api/areas/${parent.id}`);
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toBe(
      'El área no se puede eliminar porque otros registros la usan: 1 área subordinada.',
    );
    expect((await liaison.get(`/api/areas/${parent.id}`)).status).toBe(200);

    const auditor = await t.as(org, 'auditor');
    const trail = await auditor.get<Page<{ action: string; before: { name: string } }>>(
      `/api/audit?entityId=${unused.id}`,
    );
    expect(trail.body.items[0]).toMatchObject({
      action: 'institution.delete',
      before: { name: 'Registro duplicado' },
    });
  });

  it('forbids deletion to readers', async () => {
    const p = (await liaison.post<{ id: string }>('/api/people', { fullName: 'Persona por borrar' })).body;
    const councillor = await t.as(org, 'councillor');
    expect((await councillor.delete(`/api/people/${p.id}`)).status).toBe(403);
    expect((await liaison.delete(`/api/people/${p.id}`)).status).toBe(204);
  });
});
