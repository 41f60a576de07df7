import type { Db } from '../platform/db/client';
import { objectivesWithoutActivityOrReason } from '../program';
import { notFound } from '../platform/errors';
import type { CheckResult, ReportDocument } from './contract';
import { freshDocument } from './generate-report';
import { comparableFigures, crossSectionProblems } from './cross-section-figures';
import * as repo from './repository';

/**
 * Compares a version's document with the records as they stand: every figure printed must equal
 * the one computed now, and a figure stated in several sections must say the same in each; every objective must have activities or a stated reason; no cited event
 * date may fall outside the period; every edited paragraph must still exist.
 */
export function compareDocuments(
  printed: ReportDocument,
  fresh: ReportDocument,
  narrative: Record<string, string>,
): CheckResult {
  const problems: CheckResult['problems'] = [];
  // A version written before figures carried their section is compared by key alone.
  const bySection = printed.figures.some((f) => f.section !== undefined);
  const before = comparableFigures(printed.figures, bySection);
  const now = comparableFigures(fresh.figures, bySection);
  for (const [id, f] of before) {
    const current = now.get(id);
    if (!current)
      problems.push({
        kind: 'figure',
        where: f.label || f.key,
        message: `La cifra ${f.value} ya no corresponde a ningún registro.`,
      });
    else if (current.value !== f.value)
      problems.push({
        kind: 'figure',
        where: f.label || f.key,
        message: `El informe dice ${f.value}; los registros dan ${current.value}.`,
      });
  }
  for (const [id, f] of now)
    if (!before.has(id))
      problems.push({
        kind: 'figure',
        where: f.label || f.key,
        message: `Falta en el informe la cifra ${f.value}; regenere el borrador.`,
      });
  problems.push(...crossSectionProblems(printed.figures));
  for (const o of printed.objectives)
    if (!o.activities && !o.reason?.trim())
      problems.push({
        kind: 'objective',
        where: `${o.code} ${o.title}`,
        message: 'El objetivo no tiene actividades en el periodo ni un motivo declarado.',
      });
  for (const d of printed.dates)
    if (d.date < printed.from || d.date > printed.to)
      problems.push({
        kind: 'date',
        where: d.where,
        message: `La fecha ${d.date} está fuera del periodo del informe.`,
      });
  const keys = new Set(fresh.blocks.flatMap((b) => (b.type === 'paragraph' && b.key ? [b.key] : [])));
  for (const k of Object.keys(narrative))
    if (!keys.has(k))
      problems.push({
        kind: 'narrative',
        where: k,
        message: 'El párrafo editado ya no forma parte del informe generado.',
      });
  for (const b of fresh.blocks)
    if (b.type === 'paragraph' && b.stale && b.key)
      problems.push({
        kind: 'narrative',
        where: b.key,
        message:
          'Los registros de este párrafo editado cambiaron desde la edición: revíselo y guárdelo de nuevo, o restaure el texto generado.',
      });
  // A figure stated in two sections that the records moved is one problem, not two.
  const unique = problems.filter(
    (p, k) =>
      problems.findIndex((q) => q.kind === p.kind && q.where === p.where && q.message === p.message) === k,
  );
  return { ok: unique.length === 0, problems: unique, checkedFigures: printed.figures.length };
}

/**
 * The program's own account: every objective (or line without objectives) of the organization's
 * program with no activity and no stated reason in the period is a problem, whatever the document
 * printed (approval is blocked until staff record the activity or the reason).
 */
export async function programProblems(
  db: Db,
  orgId: string,
  period: { from: string; to: string },
): Promise<CheckResult['problems']> {
  const unexplained = await objectivesWithoutActivityOrReason(db, orgId, period);
  return unexplained.map((u) => ({
    kind: 'objective' as const,
    where: `${u.label} ${u.title}`,
    message:
      'El objetivo del programa no tiene actividades registradas en el periodo ni un motivo declarado.',
  }));
}

/** The document check plus the program's, merged (an objective is reported once). */
export function withProgramProblems(result: CheckResult, extra: CheckResult['problems']): CheckResult {
  const seen = new Set(result.problems.map((p) => `${p.kind}\u0000${p.where}`));
  const problems = [...result.problems, ...extra.filter((p) => !seen.has(`${p.kind}\u0000${p.where}`))];
  return { ...result, ok: problems.length === 0, problems };
}

export async function checkReport(db: Db, orgId: string, id: string): Promise<CheckResult> {
  const row = await repo.findReportRow(db, orgId, id);
  if (!row) throw notFound();
  const latest = await repo.latestVersion(db, orgId, id);
  if (!latest) throw notFound();
  // An approved report is checked against itself: it is frozen, the records may move on.
  const fresh = row.status === 'approved' ? latest.document : await freshDocument(db, orgId, row);
  const result = compareDocuments(latest.document, fresh, row.narrative);
  if (row.status === 'approved') return result;
  return withProgramProblems(
    result,
    await programProblems(db, orgId, { from: row.periodFrom, to: row.periodTo }),
  );
}
