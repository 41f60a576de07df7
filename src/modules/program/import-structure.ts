import type { ImportPlan } from '../../shared/import-plan';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import { answerOrApply, refuseFatalHeader } from '../platform/spreadsheets/import-plan';
import { mapHeader, type Sheet } from '../platform/spreadsheets/import-problems';
import { recordSources } from './record-sources';
import * as repo from './repository';
import {
  PROGRAM_IMPORT_COLUMNS,
  planStructureRows,
  type ExistingStructure,
  type PlannedStructureRow,
} from './structure-import-rules';

/**
 * Imports a work program's lines, objectives and targets from a spreadsheet (ADR 0032): a dry run
 * answers the plan of every row and writes nothing; the real import plans again and writes only
 * when no row is refused, all in this one transaction, with one audit entry for the file. Rows
 * equal to the program change nothing, so the same file twice changes nothing.
 */
export async function importProgramStructure(
  db: Db,
  actor: ScopedAuditActor,
  programId: string,
  sheet: Sheet,
  options: { dryRun: boolean; filename: string },
): Promise<ImportPlan> {
  const headerMap = mapHeader(PROGRAM_IMPORT_COLUMNS, sheet);
  refuseFatalHeader(headerMap);
  const orgId = actor.organizationId;
  return inTransaction(db, async (tx) => {
    const program = await repo.findProgram(tx, orgId, programId);
    if (!program) throw notFound();
    const planned = planStructureRows(headerMap, sheet.rows, await structureOf(tx, orgId, program), {
      kinds: await repo.listActivityKinds(tx, orgId),
      series: await repo.listSeriesRows(tx, orgId),
      recordSources: recordSources(),
    });
    const rows = planned.map((p) => p.plan);
    return answerOrApply(headerMap, rows, options.dryRun, async (answer) => {
      await apply(tx, orgId, programId, planned);
      await recordAudit(tx, actor, {
        action: 'program.import',
        entityType: 'work_program',
        entityId: programId,
        after: {
          filename: options.filename,
          rows: rows.length,
          created: answer.counts.create,
          updated: answer.counts.update,
          unchanged: answer.counts.unchanged,
        },
      });
    });
  });
}

async function structureOf(tx: Db, orgId: string, program: { id: string; year: number }) {
  const lines = await repo.linesOf(tx, orgId, program.id);
  const ids = lines.map((l) => l.id);
  const objectives = await repo.objectivesOf(tx, orgId, ids);
  const targets = await repo.targetsOf(tx, orgId, ids);
  return {
    year: program.year,
    lines: lines.map((l) => ({
      id: l.id,
      number: l.number,
      title: l.title,
      objectives: objectives.filter((o) => o.lineId === l.id),
      targets: targets.filter((t) => t.lineId === l.id),
    })),
  } satisfies ExistingStructure;
}

async function apply(tx: Db, orgId: string, programId: string, planned: readonly PlannedStructureRow[]) {
  // Ids of the lines and objectives, including those created by earlier rows of the file.
  const lines = await repo.linesOf(tx, orgId, programId);
  const lineIds = new Map(lines.map((l) => [l.number, l.id]));
  const numberOf = new Map(lines.map((l) => [l.id, l.number]));
  const objectiveIds = new Map(
    (await repo.objectivesOf(tx, orgId, [...numberOf.keys()])).map((o) => [
      `${numberOf.get(o.lineId)}:${o.key}`,
      o.id,
    ]),
  );
  for (const p of planned) {
    if (!p.at) continue;
    if (p.line?.create) {
      const line = await repo.insertLine(tx, orgId, {
        programId,
        number: p.line.number,
        title: p.line.title,
      });
      lineIds.set(line.number, line.id);
    } else if (p.line?.updateId)
      await repo.updateLineRow(tx, orgId, p.line.updateId, { title: p.line.title });
    const lineId = lineIds.get(p.at.line)!;
    const objectiveKey = p.at.objective && `${p.at.line}:${p.at.objective}`;
    if (p.objective?.create) {
      const created = await repo.insertObjective(tx, orgId, {
        lineId,
        key: p.objective.key,
        title: p.objective.title,
      });
      objectiveIds.set(objectiveKey!, created.id);
    } else if (p.objective?.updateId)
      await repo.updateObjectiveRow(tx, orgId, p.objective.updateId, { title: p.objective.title });
    if (!p.target) continue;
    const objectiveId = objectiveKey ? objectiveIds.get(objectiveKey)! : null;
    if (p.target.create) await repo.insertTarget(tx, orgId, { lineId, objectiveId, ...p.target.values });
    else if (p.target.updateId) await repo.updateTargetRow(tx, orgId, p.target.updateId, p.target.values);
  }
}
