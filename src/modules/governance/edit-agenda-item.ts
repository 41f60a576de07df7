import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { AgendaItem, AgendaItemPatch } from './contract';
import { lockChangeableItem } from './agenda-changes';
import * as repo from './repository';

/** Corrects an agenda item's title or description while its session has not been held. */
export async function editAgendaItem(
  db: Db,
  actor: ScopedAuditActor,
  itemId: string,
  patch: AgendaItemPatch,
): Promise<AgendaItem> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const item = await lockChangeableItem(tx, actor, itemId);
    const agenda = await repo.listAgenda(tx, orgId, item.sessionId);
    const before = agenda.find((i) => i.id === itemId)!;
    await repo.updateAgendaItemRow(tx, orgId, itemId, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description ?? null } : {}),
    });
    const after = (await repo.listAgenda(tx, orgId, item.sessionId)).find((i) => i.id === itemId)!;
    await recordAudit(tx, actor, {
      action: 'agenda_item.update',
      entityType: 'agenda_item',
      entityId: itemId,
      before: { title: before.title, description: before.description },
      after: { title: after.title, description: after.description },
    });
    return after;
  });
}
