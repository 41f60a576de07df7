import { describe, expect, it } from 'vitest';
import type { ImportRowPlan } from '../../../shared/import-plan';
import { answerOrApply } from './import-plan';

const row = (n: number, outcome: ImportRowPlan['outcome']): ImportRowPlan => ({
  row: n,
  outcome,
  label: `fila ${n}`,
  changes: [],
  problems: outcome === 'refused' ? [{ field: 'Fecha', message: 'El 31 de febrero de 2024 no existe' }] : [],
});
const header = { problems: [] };

describe('answerOrApply, the end of every import with a dry run', () => {
  it('answers a dry run without applying anything', async () => {
    let applied = 0;
    const plan = await answerOrApply(header, [row(2, 'create'), row(3, 'refused')], true, async () => {
      applied++;
    });
    expect(plan).toMatchObject({ dryRun: true, counts: { create: 1, refused: 1 } });
    expect(applied).toBe(0);
  });

  it('refuses the real import while a row is refused, before applying', async () => {
    let applied = 0;
    await expect(
      answerOrApply(header, [row(2, 'create'), row(3, 'refused')], false, async () => {
        applied++;
      }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [{ path: 'rows.3.Fecha', message: 'El 31 de febrero de 2024 no existe' }],
    });
    expect(applied).toBe(0);
  });

  it('applies a clean plan once, with the answer it returns', async () => {
    const seen: number[] = [];
    const plan = await answerOrApply(header, [row(2, 'create'), row(3, 'unchanged')], false, async (a) => {
      seen.push(a.counts.create);
    });
    expect(plan).toMatchObject({ dryRun: false, counts: { create: 1, unchanged: 1 } });
    expect(seen).toEqual([1]);
  });
});
