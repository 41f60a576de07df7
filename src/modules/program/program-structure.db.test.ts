import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import type { Issue, ProgramTree, Series } from './contract';

// The program's approving agreement chosen among the governance agreements (searched by number or
// title), and removing lines and objectives through real HTTP: refused (409, naming what refers to
// them) while records use them; the others keep their numbers and letters; every removal audited.

let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;
let auditor: HttpClient;
let program: ProgramTree;

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLE');
  liaison = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
  program = (
    await liaison.post<ProgramTree>('/api/program/programs', { year: 2026, name: 'Programa de prueba 2026' })
  ).body;
});
afterAll(() => t.close());

const lines = async (programId: string, ...titles: string[]) => {
  let tree = program;
  for (const [i, title] of titles.entries())
    tree = (
      await liaison.post<ProgramTree>(`/api/program/programs/${programId}/lines`, { number: i + 1, title })
    ).body;
  return tree;
};

describe('the approving agreement', () => {
  it('is found among the governance agreements by number or title, and linked', async () => {
    const body = await liaison.post<{ id: string }>('/api/governance/bodies', {
      name: 'Comisión de Vinculación de Prueba',
      acronym: 'CVP',
      kind: 'permanent_committee',
      createdOn: '2025-01-01',
    });
    expect(body.status, JSON.stringify(body.body)).toBe(201);
    const adopted = await liaison.post<{ id: string; number: string }>(
      `/api/governance/bodies/${body.body.id}/historical-agreements`,
      {
        number: 'CVP/004/2025',
        title: 'Aprobación del Programa de Vinculación 2026',
        adoptedOn: '2025-11-20',
      },
    );
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);

    for (const q of ['CVP/004', 'programa vinculacion 2026', 'cvp']) {
      const found = await auditor.get<
        { id: string; number: string; adoptedOn: string; bodyAcronym: string }[]
      >(`/api/governance/agreements?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body).toEqual([
        {
          id: adopted.body.id,
          number: 'CVP/004/2025',
          title: 'Aprobación del Programa de Vinculación 2026',
          adoptedOn: '2025-11-20',
          bodyAcronym: 'CVP',
        },
      ]);
    }
    expect((await auditor.get<unknown[]>('/api/governance/agreements?q=inexistente')).body).toEqual([]);
    expect((await auditor.get('/api/governance/agreements?limit=0')).status).toBe(400);

    const linked = await liaison.patch<ProgramTree>(`/api/program/programs/${program.id}`, {
      approvedByAgreementId: adopted.body.id,
      approvedByText: null,
      approvedOn: '2025-11-20',
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ approvedByAgreementId: adopted.body.id, approvedBy: 'CVP/004/2025' });
  });
});

describe('removing lines and objectives', () => {
  it('removes an unused objective and line (audited); the others keep their letters and numbers', async () => {
    let tree = await lines(program.id, 'Línea uno', 'Línea dos', 'Línea tres');
    const [one, two] = tree.lines;
    for (const key of ['A', 'B', 'C'])
      tree = (
        await liaison.post<ProgramTree>(`/api/program/lines/${one!.id}/objectives`, {
          key,
          title: `Objetivo ${key}`,
        })
      ).body;
    const b = tree.lines[0]!.objectives.find((o) => o.key === 'B')!;

    expect((await auditor.delete(`/api/program/objectives/${b.id}`)).status).toBe(403);
    const afterB = await liaison.delete<ProgramTree>(`/api/program/objectives/${b.id}`);
    expect(afterB.status).toBe(200);
    expect(afterB.body.lines[0]!.objectives.map((o) => o.key)).toEqual(['A', 'C']);
    expect((await liaison.delete(`/api/program/objectives/${b.id}`)).status).toBe(404);

    const afterTwo = await liaison.delete<ProgramTree>(`/api/program/lines/${two!.id}`);
    expect(afterTwo.status).toBe(200);
    expect(afterTwo.body.lines.map((l) => `${l.number}. ${l.title}`)).toEqual([
      '1. Línea uno',
      '3. Línea tres',
    ]);

    const audit = await auditor.get<{ items: { action: string; before: Record<string, unknown> }[] }>(
      `/api/audit?entityId=${b.id}`,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'program_objective.delete',
      before: { key: 'B', title: 'Objetivo B', label: '1.B' },
    });
    const lineAudit = await auditor.get<{ items: { action: string; before: Record<string, unknown> }[] }>(
      `/api/audit?entityId=${two!.id}`,
    );
    expect(lineAudit.body.items[0]).toMatchObject({
      action: 'program_line.delete',
      before: { number: 2, title: 'Línea dos' },
    });
  });

  it('refuses while activities, targets or reasons use them, naming what does', async () => {
    const tree = (await liaison.get<ProgramTree>(`/api/program/programs/${program.id}`)).body;
    const one = tree.lines.find((l) => l.number === 1)!;
    const three = tree.lines.find((l) => l.number === 3)!;
    const a = one.objectives.find((o) => o.key === 'A')!;
    const c = one.objectives.find((o) => o.key === 'C')!;
    const activity = await liaison.post('/api/program/activities', {
      objectiveId: a.id,
      kind: 'meeting',
      title: 'Reunión de trabajo',
      dates: { mode: 'day', day: '2026-02-10' },
    });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    const target = await liaison.post('/api/program/targets', {
      objectiveId: a.id,
      description: 'Al menos dos reuniones',
      minimumCount: 2,
      unit: 'reuniones',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      source: 'activities',
    });
    expect(target.status, JSON.stringify(target.body)).toBe(201);
    const reason = await liaison.put('/api/program/reasons', {
      lineId: three.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      reason: 'Sin actividades programadas en el trimestre',
    });
    expect(reason.status, JSON.stringify(reason.body)).toBe(200);

    const objective = await liaison.delete(`/api/program/objectives/${a.id}`);
    expect(objective.status).toBe(409);
    expect(objective.body).toMatchObject({
      code: 'CONFLICT',
      message:
        'No se puede eliminar el objetivo 1.A: tiene 1 actividad y 1 meta. Elimínelos o muévalos a otro objetivo primero.',
      fields: [{ path: 'id', message: 'El objetivo 1.A tiene 1 actividad y 1 meta' }],
    });
    const line = await liaison.delete(`/api/program/lines/${one.id}`);
    expect(line.status).toBe(409);
    expect((line.body as { message: string }).message).toBe(
      'No se puede eliminar la línea 1: tiene los objetivos A y C, 1 actividad y 1 meta. Elimínelos o muévalos a otra línea primero.',
    );
    const withReason = await liaison.delete(`/api/program/lines/${three.id}`);
    expect(withReason.status).toBe(409);
    expect((withReason.body as { message: string }).message).toContain('1 motivo de falta de actividad');
    // Nothing was removed.
    const still = (await liaison.get<ProgramTree>(`/api/program/programs/${program.id}`)).body;
    expect(still.lines.map((l) => l.number)).toEqual([1, 3]);
    expect(still.lines[0]!.objectives.map((o) => o.key)).toEqual(['A', 'C']);
    // An objective without records goes.
    expect((await liaison.delete(`/api/program/objectives/${c.id}`)).status).toBe(200);
  });
});

describe('correcting a publication issue', () => {
  it('changes every field, moves it to another series, takes its file off; audited; bad input refused', async () => {
    const tree = (await liaison.get<ProgramTree>(`/api/program/programs/${program.id}`)).body;
    const objectiveId = tree.lines[0]!.objectives[0]!.id;
    const weekly = (
      await liaison.post<Series>('/api/program/series', {
        objectiveId,
        name: 'Boletín Electoral',
        cadence: 'weekly',
      })
    ).body;
    const monthly = (
      await liaison.post<Series>('/api/program/series', {
        objectiveId,
        name: 'Gaceta mensual',
        cadence: 'monthly',
      })
    ).body;
    const issue = (
      await liaison.post<Issue>(`/api/program/series/${weekly.id}/issues`, {
        publishedOn: '2026-01-09',
        title: 'Boletín 1',
      })
    ).body;
    const file = new FormData();
    file.append('file', new Blob(['%PDF-1.4 gaceta'], { type: 'application/pdf' }), 'gaceta.pdf');
    expect((await liaison.put(`/api/program/issues/${issue.id}/file`, file)).status).toBe(200);

    const patched = await liaison.patch<Issue>(`/api/program/issues/${issue.id}`, {
      seriesId: monthly.id,
      publishedOn: '2026-02-02',
      title: 'Gaceta de febrero',
      number: 2,
      distribution: 'Correo a consejerías',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({
      seriesId: monthly.id,
      publishedOn: '2026-02-02',
      title: 'Gaceta de febrero',
      number: 2,
      distribution: 'Correo a consejerías',
      file: { filename: 'gaceta.pdf' },
    });
    const feb = await liaison.get<Series>(`/api/program/series/${monthly.id}?from=2026-02-01&to=2026-02-28`);
    expect(feb.body.issues.map((i) => i.id)).toEqual([issue.id]);
    // Optional fields can be emptied.
    const cleared = await liaison.patch<Issue>(`/api/program/issues/${issue.id}`, {
      number: null,
      distribution: null,
    });
    expect(cleared.body).toMatchObject({ number: null, distribution: null, title: 'Gaceta de febrero' });

    for (const [body, path] of [
      [{ publishedOn: '2026-02-30' }, 'publishedOn'],
      [{ title: '  ' }, 'title'],
      [{ number: 0 }, 'number'],
      [{ seriesId: '00000000-0000-4000-8000-000000000000' }, 'seriesId'],
      [{ color: 'rojo' }, 'color'],
    ] as const) {
      const bad = await liaison.patch(`/api/program/issues/${issue.id}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((bad.body as { fields: { path: string }[] }).fields.map((f) => f.path)).toContain(path);
    }
    expect((await liaison.patch(`/api/program/issues/${issue.id}`, {})).status).toBe(400);
    expect((await auditor.patch(`/api/program/issues/${issue.id}`, { title: 'x' })).status).toBe(403);

    const noFile = await liaison.delete<Issue>(`/api/program/issues/${issue.id}/file`);
    expect(noFile.status).toBe(200);
    expect(noFile.body.file).toBeNull();
    expect((await liaison.get(`/api/program/issues/${issue.id}/file`)).status).toBe(404);
    expect((await liaison.delete(`/api/program/issues/${issue.id}/file`)).status).toBe(404);

    const audit = await auditor.get<{ items: { action: string; before: unknown; after: unknown }[] }>(
      `/api/audit?entityId=${issue.id}`,
    );
    expect(audit.body.items.map((a) => a.action)).toEqual([
      'publication_issue.file_remove',
      'publication_issue.update',
      'publication_issue.update',
      'publication_issue.file_attach',
      'publication_issue.create',
    ]);
    expect(audit.body.items[2]).toMatchObject({
      before: { seriesId: weekly.id, title: 'Boletín 1' },
      after: { seriesId: monthly.id, title: 'Gaceta de febrero' },
    });
  });
});
