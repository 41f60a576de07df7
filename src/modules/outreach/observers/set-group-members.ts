import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, notFound } from '../../platform/errors';
import type { Group, GroupMembersInput } from './contract';
import { findGroup, findGroupRow, memberIds, registrantIdsOfMission, setGroupMembers } from './repository';

/**
 * The group's members become exactly `registrantIds` (registrants of the same mission). A
 * registrant belongs to at most one group: joining this one moves it out of its previous group.
 */
export function setMembers(
  db: Db,
  actor: ScopedAuditActor,
  groupId: string,
  input: GroupMembersInput,
): Promise<Group> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const g = await findGroupRow(tx, orgId, groupId);
    if (!g) throw notFound();
    const ids = [...new Set(input.registrantIds)];
    const found = await registrantIdsOfMission(tx, orgId, g.missionId, ids);
    const missing = input.registrantIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.includes(id));
    if (missing.length)
      throw invalid(
        missing.map(({ i }) => ({
          path: `registrantIds.${i}`,
          message: 'No existe esa persona registrada en la misión',
        })),
      );
    const before = await memberIds(tx, groupId);
    await setGroupMembers(tx, orgId, groupId, ids);
    const after = await memberIds(tx, groupId);
    await recordAudit(tx, actor, {
      action: 'observers.group.members',
      entityType: 'observers_group',
      entityId: groupId,
      before: { registrantIds: before },
      after: { registrantIds: after },
    });
    return (await findGroup(tx, orgId, groupId))!;
  });
}
