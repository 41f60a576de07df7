import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { LineInput, LinePatch, ObjectiveInput, ObjectivePatch } from './contract';
import * as repo from './repository';

/**
 * Record sources are named by code ("agreements.opinions"); a module loaded later may register
 * its own, so an unknown code is accepted (it counts nothing until registered) unless repeated.
 */
function checkSources(sources: string[] | undefined) {
  const list = sources ?? [];
  const repeated = list.findIndex((s, i) => list.indexOf(s) !== i);
  if (repeated >= 0)
    throw invalid([
      { path: `recordSources.${repeated}`, message: `Fuente de registros repetida: ${list[repeated]}` },
    ]);
}

const lineTaken = (n: number) =>
  conflict(`El programa ya tiene una línea ${n}`, [
    { path: 'number', message: `El programa ya tiene una línea ${n}` },
  ]);
const keyTaken = (k: string) =>
  conflict(`La línea ya tiene un objetivo ${k}`, [
    { path: 'key', message: `La línea ya tiene un objetivo ${k}` },
  ]);

export async function addLine(db: Db, actor: ScopedAuditActor, programId: string, input: LineInput) {
  return inTransaction(db, async (tx) => {
    if (!(await repo.findProgram(tx, actor.organizationId, programId))) throw notFound();
    checkSources(input.recordSources);
    const lines = await repo.linesOf(tx, actor.organizationId, programId);
    if (lines.some((l) => l.number === input.number)) throw lineTaken(input.number);
    const created = await repo.insertLine(tx, actor.organizationId, {
      programId,
      number: input.number,
      title: input.title,
      description: input.description ?? null,
      recordSources: input.recordSources,
    });
    await recordAudit(tx, actor, {
      action: 'program_line.create',
      entityType: 'program_line',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateLine(db: Db, actor: ScopedAuditActor, id: string, patch: LinePatch) {
  return inTransaction(db, async (tx) => {
    const before = await repo.findLine(tx, actor.organizationId, id);
    if (!before) throw notFound();
    checkSources(patch.recordSources);
    if (patch.number !== undefined && patch.number !== before.number) {
      const lines = await repo.linesOf(tx, actor.organizationId, before.programId);
      if (lines.some((l) => l.number === patch.number)) throw lineTaken(patch.number);
    }
    const after = await repo.updateLineRow(tx, actor.organizationId, id, patch);
    await recordAudit(tx, actor, {
      action: 'program_line.update',
      entityType: 'program_line',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function addObjective(db: Db, actor: ScopedAuditActor, lineId: string, input: ObjectiveInput) {
  return inTransaction(db, async (tx) => {
    if (!(await repo.findLine(tx, actor.organizationId, lineId))) throw notFound();
    checkSources(input.recordSources);
    const existing = await repo.objectivesOf(tx, actor.organizationId, [lineId]);
    if (existing.some((o) => o.key === input.key)) throw keyTaken(input.key);
    const created = await repo.insertObjective(tx, actor.organizationId, {
      lineId,
      key: input.key,
      title: input.title,
      description: input.description ?? null,
      recordSources: input.recordSources,
    });
    await recordAudit(tx, actor, {
      action: 'program_objective.create',
      entityType: 'program_objective',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateObjective(db: Db, actor: ScopedAuditActor, id: string, patch: ObjectivePatch) {
  return inTransaction(db, async (tx) => {
    const found = await repo.findObjective(tx, actor.organizationId, id);
    if (!found) throw notFound();
    const { lineNumber: _n, programId: _p, ...before } = found;
    checkSources(patch.recordSources);
    if (patch.key !== undefined && patch.key !== before.key) {
      const existing = await repo.objectivesOf(tx, actor.organizationId, [before.lineId]);
      if (existing.some((o) => o.key === patch.key)) throw keyTaken(patch.key);
    }
    const after = await repo.updateObjectiveRow(tx, actor.organizationId, id, patch);
    await recordAudit(tx, actor, {
      action: 'program_objective.update',
      entityType: 'program_objective',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
