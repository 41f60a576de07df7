import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Area, AreaPatch } from './contract';
import { assertParent } from './create-area';
import { findArea, updateAreaRow } from './repository';

export async function updateArea(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: AreaPatch,
): Promise<Area> {
  return inTransaction(db, async (tx) => {
    const before = await findArea(tx, actor.organizationId, id);
    if (!before) throw notFound();
    if (patch.parentId) await assertParent(tx, actor.organizationId, patch.parentId, id);
    const after = (await updateAreaRow(tx, actor.organizationId, id, patch))!;
    await recordAudit(tx, actor, { action: 'area.update', entityType: 'area', entityId: id, before, after });
    return after;
  });
}
