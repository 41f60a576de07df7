import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Base, BaseInput } from './contract';
import { findBase, listBases } from './repository';
import { contactBase } from './schema';
import { and, eq } from 'drizzle-orm';
import { nameKey } from './rules';

async function assertNameFree(tx: Db, orgId: string, name: string, except?: string) {
  const taken = (await listBases(tx, orgId)).find(
    (b) => nameKey(b.name) === nameKey(name) && b.id !== except,
  );
  if (taken)
    throw conflict(`Ya existe una base de contactos llamada "${taken.name}"`, [
      { path: 'name', message: 'Ya existe una base con ese nombre' },
    ]);
}

export function createBase(db: Db, actor: ScopedAuditActor, input: BaseInput): Promise<Base> {
  return inTransaction(db, async (tx) => {
    await assertNameFree(tx, actor.organizationId, input.name);
    const [row] = await tx
      .insert(contactBase)
      .values({ ...input, organizationId: actor.organizationId })
      .returning({ id: contactBase.id });
    const created = (await findBase(tx, actor.organizationId, row!.id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.base.create',
      entityType: 'outreach_base',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export function updateBase(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: Partial<BaseInput>,
): Promise<Base> {
  return inTransaction(db, async (tx) => {
    const before = await findBase(tx, actor.organizationId, id);
    if (!before) throw notFound();
    if (patch.name) await assertNameFree(tx, actor.organizationId, patch.name, id);
    await tx
      .update(contactBase)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(contactBase.organizationId, actor.organizationId), eq(contactBase.id, id)));
    const after = (await findBase(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.base.update',
      entityType: 'outreach_base',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
