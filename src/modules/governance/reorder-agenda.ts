import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid } from '../platform/errors';
import type { AgendaList, AgendaOrderInput } from './contract';
import { lockChangeableAgenda } from './agenda-changes';
import * as repo from './repository';
import { agendaOrderProblem } from './rules';

/** Puts a session's agenda items in a new order (every item once) while it has not been held. */
export async function reorderAgenda(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  input: AgendaOrderInput,
): Promise<AgendaList> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await lockChangeableAgenda(tx, actor, sessionId);
    const before = await repo.listAgenda(tx, orgId, sessionId);
    const problem = agendaOrderProblem(
      before.map((i) => i.id),
      input.itemIds,
    );
    if (problem) throw invalid([{ path: 'itemIds', message: problem }]);
    await repo.renumberAgenda(tx, orgId, sessionId, input.itemIds);
    const items = await repo.listAgenda(tx, orgId, sessionId);
    const order = (list: typeof items) =>
      list.map((i) => ({ id: i.id, position: i.position, title: i.title }));
    await recordAudit(tx, actor, {
      action: 'body_session.reorder_agenda',
      entityType: 'body_session',
      entityId: sessionId,
      before: { agenda: order(before) },
      after: { agenda: order(items) },
    });
    return { items };
  });
}
