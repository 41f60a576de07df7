import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import * as repo from './repository';
import { describeReferences } from './structure-references';

// Removing a line or an objective of a program (one added by mistake, or dropped before any record
// used it). Refused (409, naming what refers to it) while any record does: its objectives,
// activities, targets, stated reasons, SSPELO reviews, publication series or outreach campaigns —
// those are the office's records and must not lose their place in the program. The others keep
// their numbers and letters: they are those of the approved program and of reports already
// written, so nothing is renumbered (the forms propose the first free number or letter).

/** Removes a line with nothing attached; returns its program's id. */
export function removeLine(db: Db, actor: ScopedAuditActor, id: string): Promise<string> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findLine(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const refs = describeReferences(await repo.structureReferences(tx, actor.organizationId, 'line_id', id));
    if (refs)
      throw conflict(
        `No se puede eliminar la línea ${before.number}: tiene ${refs}. Elimínelos o muévalos a otra línea primero.`,
        [{ path: 'id', message: `La línea ${before.number} tiene ${refs}` }],
      );
    await repo.deleteLineRow(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'program_line.delete',
      entityType: 'program_line',
      entityId: id,
      before,
    });
    return before.programId;
  });
}

/** Removes an objective with nothing attached; returns its program's id. */
export function removeObjective(db: Db, actor: ScopedAuditActor, id: string): Promise<string> {
  return inTransaction(db, async (tx) => {
    const found = await repo.findObjective(tx, actor.organizationId, id);
    if (!found) throw notFound();
    const { lineNumber, programId, ...before } = found;
    const label = `${lineNumber}.${before.key}`;
    const refs = describeReferences(
      await repo.structureReferences(tx, actor.organizationId, 'objective_id', id),
    );
    if (refs)
      throw conflict(
        `No se puede eliminar el objetivo ${label}: tiene ${refs}. Elimínelos o muévalos a otro objetivo primero.`,
        [{ path: 'id', message: `El objetivo ${label} tiene ${refs}` }],
      );
    await repo.deleteObjectiveRow(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'program_objective.delete',
      entityType: 'program_objective',
      entityId: id,
      before: { ...before, label },
    });
    return programId;
  });
}
