import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { notFound } from '../../platform/errors';
import { deleteAgendaItemRow, findAgendaItem } from './repository';

/** Removes an agenda item with its stops and staff assignments (all kept in the audit entry). */
export function deleteAgendaItem(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findAgendaItem(tx, orgId, id);
    if (!before) throw notFound();
    await deleteAgendaItemRow(tx, orgId, id);
    await recordAudit(tx, actor, {
      action: 'observers.agenda.delete',
      entityType: 'observers_agenda_item',
      entityId: id,
      before,
    });
  });
}
