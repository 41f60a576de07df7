import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, notFound } from '../../platform/errors';
import type { Group, GroupInput, GroupPatch } from './contract';
import { findGroup, findMissionRow, groupNamed, insertGroup, updateGroupRow } from './repository';

// Groups of registrants that move together (each may follow its own route on election day).

async function assertNameFree(tx: Db, missionId: string, name: string, except?: string) {
  const taken = await groupNamed(tx, missionId, name);
  if (taken && taken !== except)
    throw conflict(`Ya existe un grupo llamado "${name}" en la misión`, [
      { path: 'name', message: 'Ya existe un grupo con ese nombre' },
    ]);
}

export function createGroup(
  db: Db,
  actor: ScopedAuditActor,
  missionId: string,
  input: GroupInput,
): Promise<Group> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    if (!(await findMissionRow(tx, orgId, missionId))) throw notFound();
    await assertNameFree(tx, missionId, input.name);
    const id = await insertGroup(tx, {
      organizationId: orgId,
      missionId,
      name: input.name,
      description: input.description ?? null,
    });
    const created = (await findGroup(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.group.create',
      entityType: 'observers_group',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateGroup(db: Db, actor: ScopedAuditActor, id: string, patch: GroupPatch): Promise<Group> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findGroup(tx, orgId, id);
    if (!before) throw notFound();
    if (patch.name) await assertNameFree(tx, before.missionId, patch.name, id);
    await updateGroupRow(tx, orgId, id, patch);
    const after = (await findGroup(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.group.update',
      entityType: 'observers_group',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
