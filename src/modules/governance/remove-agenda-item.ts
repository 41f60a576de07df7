import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { AgendaList } from './contract';
import { lockChangeableItem } from './agenda-changes';
import * as repo from './repository';

/**
 * Removes an item (and its documents) from the orden del día of a session not yet held; the items
 * after it move up one place, so the agenda stays numbered 1, 2, 3…
 */
export async function removeAgendaItem(db: Db, actor: ScopedAuditActor, itemId: string): Promise<AgendaList> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const item = await lockChangeableItem(tx, actor, itemId);
    const before = await repo.listAgenda(tx, orgId, item.sessionId);
    const removed = before.find((i) => i.id === itemId)!;
    await repo.deleteAgendaItemRow(tx, orgId, itemId);
    await repo.renumberAgenda(
      tx,
      orgId,
      item.sessionId,
      before.filter((i) => i.id !== itemId).map((i) => i.id),
    );
    await recordAudit(tx, actor, {
      action: 'agenda_item.delete',
      entityType: 'agenda_item',
      entityId: itemId,
      before: {
        sessionId: item.sessionId,
        position: removed.position,
        title: removed.title,
        description: removed.description,
        documents: removed.documents.map((d) => ({ filename: d.filename, sha256: d.sha256 })),
      },
    });
    return { items: await repo.listAgenda(tx, orgId, item.sessionId) };
  });
}
