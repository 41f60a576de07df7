import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, notFound } from '../../platform/errors';
import { deleteGroupRow, findGroup, groupReferences, memberIds } from './repository';

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * Deletes a group; its members stay registered, without a group (the audit entry lists them).
 * Refused (409, naming what points at it) while communications were sent to it (kept for good) or
 * agenda items or staff assignments are the group's (remove or reassign those first).
 */
export function removeGroup(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const group = await findGroup(tx, orgId, id);
    if (!group) throw notFound();
    const refs = await groupReferences(tx, orgId, id);
    const reasons: string[] = [];
    if (refs.communications)
      reasons.push(
        `se le enviaron ${plural(refs.communications, 'comunicación', 'comunicaciones')}, que se conservan`,
      );
    if (refs.agenda.length) reasons.push(`tiene en la agenda ${refs.agenda.map((t) => `«${t}»`).join(', ')}`);
    if (refs.assignments)
      reasons.push(`tiene ${plural(refs.assignments, 'asignación de personal', 'asignaciones de personal')}`);
    if (reasons.length)
      throw conflict(
        `No se puede eliminar el grupo «${group.name}»: ${reasons.join('; ')}.` +
          (refs.communications ? ' Puede cambiarle el nombre.' : ' Quítelas o páselas a otro grupo primero.'),
        [{ path: 'id', message: reasons.join('; ') }],
      );
    const members = await memberIds(tx, id);
    await deleteGroupRow(tx, orgId, id);
    await recordAudit(tx, actor, {
      action: 'observers.group.delete',
      entityType: 'observers_group',
      entityId: id,
      before: { ...group, memberIds: members },
    });
  });
}
