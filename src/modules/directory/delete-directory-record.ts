import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { deleteRow, findArea, findInstitution, findPerson, referencesTo } from './repository';

const NAMES = { institution: 'La institución', area: 'El área', person: 'La persona' } as const;
const KINDS: Record<string, [string, string]> = {
  positions: ['cargo', 'cargos'],
  children: ['área subordinada', 'áreas subordinadas'],
  users: ['usuario asignado', 'usuarios asignados'],
};

/**
 * Deletes an institution, area or person registered by mistake. A record that other records still
 * use (positions, subordinate areas, assigned users…) is kept, and the answer says what uses it.
 */
export async function deleteDirectoryRecord(
  db: Db,
  actor: ScopedAuditActor,
  entity: 'institution' | 'area' | 'person',
  id: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const find = { institution: findInstitution, area: findArea, person: findPerson }[entity];
    const before = await find(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const refs = await referencesTo(tx, actor.organizationId, entity, id);
    if (refs.length) {
      const list = refs.map((r) => `${r.n} ${KINDS[r.kind]![r.n === 1 ? 0 : 1]}`).join(', ');
      throw conflict(`${NAMES[entity]} no se puede eliminar porque otros registros la usan: ${list}.`);
    }
    await deleteRow(tx, actor.organizationId, entity, id);
    await recordAudit(tx, actor, { action: `${entity}.delete`, entityType: entity, entityId: id, before });
  });
}
