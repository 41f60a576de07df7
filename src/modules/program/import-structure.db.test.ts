import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { ProgramTree } from './contract';

// Importing a work program's lines, objectives and targets from a spreadsheet through real HTTP
// (issue 22 item 4): the dry run, a refused file writing nothing, the import in one go, the same
// file again changing nothing, a changed target updated; audited once per file.

let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;
let auditor: HttpClient;
let program: ProgramTree;

const HEADER =
  'Línea,Título de la línea,Objetivo,Título del objetivo,Meta,Cantidad mínima,Unidad,Desde,Hasta,Se cuenta con,Tipo o serie';
const GOOD = [
  HEADER,
  '1,Vinculación con el INE,A,Colaboración institucional,Reuniones de trabajo,2,reuniones,01/01/2026,31/03/2026,Actividades,Reunión de trabajo',
  '1,Vinculación con el INE,A,Colaboración institucional,Convenios firmados,1,convenios,,,Instrumentos jurídicos suscritos,',
  '1,Vinculación con el INE,B,Seguimiento de acuerdos,,,,,,,',
  '2,Voto en el extranjero,,,Giras informativas,4,giras,,,,',
].join('\n');

type Plan = {
  dryRun: boolean;
  counts: Record<'create' | 'update' | 'unchanged' | 'refused', number>;
  rows: {
    row: number;
    outcome: string;
    label: string;
    changes: string[];
    problems: { field: string; message: string }[];
  }[];
};

function file(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'programa.csv');
  return form;
}
const tree = async () => (await liaison.get<ProgramTree>(`/api/program/programs/${program.id}`)).body;
const importing = (text: string, dryRun = false) =>
  liaison.post<Plan>(`/api/program/programs/${program.id}/import?dryRun=${dryRun}`, file(text));

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLP');
  liaison = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
  program = (await liaison.post<ProgramTree>('/api/program/programs', { year: 2026, name: 'Programa 2026' }))
    .body;
});
afterAll(() => t.close());

describe("the program's structure import", () => {
  it('answers the plan of every row in a dry run and writes nothing', async () => {
    const plan = await importing(GOOD, true);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body).toMatchObject({
      dryRun: true,
      counts: { create: 4, update: 0, unchanged: 0, refused: 0 },
    });
    expect(plan.body.rows.map((r) => r.label)).toEqual([
      '1 · A · Reuniones de trabajo',
      '1 · A · Convenios firmados',
      '1 · B · Seguimiento de acuerdos',
      '2 · Giras informativas',
    ]);
    expect((await tree()).lines).toEqual([]);
  });

  it('refuses the whole file while a row is refused, each problem by row and column', async () => {
    const bad = `${GOOD}\n3,Difusión,A,Carteles,Carteles colocados,cien,carteles,31/02/2026,,Actividades,`;
    const res = await liaison.post<{ code: string; fields: { path: string; message: string }[] }>(
      `/api/program/programs/${program.id}/import`,
      file(bad),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.fields).toEqual([
      { path: 'rows.6.Cantidad mínima', message: 'Escriba un número entero de 1 a 100,000' },
      { path: 'rows.6.Desde', message: 'El 31 de febrero de 2026 no existe' },
    ]);
    expect((await tree()).lines).toEqual([]);
  });

  it('imports lines, objectives and targets in one go; the same file again changes nothing', async () => {
    const done = await importing(GOOD);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.counts).toEqual({ create: 4, update: 0, unchanged: 0, refused: 0 });
    const after = await tree();
    expect(after.lines.map((l) => [l.number, l.title, l.objectives.map((o) => o.key)])).toEqual([
      [1, 'Vinculación con el INE', ['A', 'B']],
      [2, 'Voto en el extranjero', []],
    ]);
    const a = after.lines[0]!.objectives[0]!;
    // Both targets start the same day and are created in one transaction: compared in any order.
    expect(
      a.targets.map((x) => [x.description, x.minimumCount, x.periodStart, x.periodEnd, x.source]).sort(),
    ).toEqual([
      ['Convenios firmados', 1, '2026-01-01', '2026-12-31', 'external'],
      ['Reuniones de trabajo', 2, '2026-01-01', '2026-03-31', 'activities'],
    ]);
    expect(after.lines[1]!.targets.map((x) => x.description)).toEqual(['Giras informativas']);

    const again = await importing(GOOD);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 4, refused: 0 });

    // A changed count updates that target only, naming the column.
    const changed = await importing(GOOD.replace('Reuniones de trabajo,2,', 'Reuniones de trabajo,3,'), true);
    expect(changed.body.counts).toEqual({ create: 0, update: 1, unchanged: 3, refused: 0 });
    expect(changed.body.rows[0]).toMatchObject({ outcome: 'update', changes: ['Cantidad mínima'] });

    const trail = await auditor.get<{ items: { action: string; after: { created: number } | null }[] }>(
      '/api/audit?action=program.import',
    );
    expect(trail.body.items.map((i) => [i.action, i.after?.created])).toEqual([
      ['program.import', 0],
      ['program.import', 4],
    ]);
  });

  it('refuses a file without the line columns, and a role that does not write the program', async () => {
    const res = await liaison.post<{ code: string; fields: { path: string }[] }>(
      `/api/program/programs/${program.id}/import`,
      file('Meta,Unidad\nAlgo,cosas'),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f) => f.path)).toContain('columns.Línea');
    expect((await auditor.post(`/api/program/programs/${program.id}/import`, file(GOOD))).status).toBe(403);
  });
});
