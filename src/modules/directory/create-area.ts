import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid } from '../platform/errors';
import type { Area, AreaInput } from './contract';
import { ancestorIds, findArea, insertArea } from './repository';

export async function createArea(db: Db, actor: ScopedAuditActor, input: AreaInput): Promise<Area> {
  return inTransaction(db, async (tx) => {
    if (input.parentId) await assertParent(tx, actor.organizationId, input.parentId);
    const created = await insertArea(tx, actor.organizationId, input);
    await recordAudit(tx, actor, {
      action: 'area.create',
      entityType: 'area',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** The parent must be an area of the same organization and must not descend from `selfId`. */
export async function assertParent(db: Db, orgId: string, parentId: string, selfId?: string): Promise<void> {
  if (!(await findArea(db, orgId, parentId))) {
    throw invalid([{ path: 'parentId', message: 'El área superior no existe en su organización' }]);
  }
  if (selfId && (await ancestorIds(db, orgId, parentId)).includes(selfId)) {
    throw invalid([
      {
        path: 'parentId',
        message: 'Un área no puede depender de sí misma ni de un área que depende de ella',
      },
    ]);
  }
}
