import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { notFound } from '../../platform/errors';
import { deleteAssignmentRow, findAssignmentRow, listAssignments } from './repository';

/** Ends a staff assignment (the audit entry keeps what it was). */
export function removeAssignment(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await findAssignmentRow(tx, orgId, id);
    if (!row) throw notFound();
    const [before] = await listAssignments(tx, orgId, row.missionId, id);
    await deleteAssignmentRow(tx, orgId, id);
    await recordAudit(tx, actor, {
      action: 'observers.assignment.delete',
      entityType: 'observers_assignment',
      entityId: id,
      before,
    });
  });
}
