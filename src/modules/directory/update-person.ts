import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Person, PersonPatch } from './contract';
import { findPerson, updatePersonRow } from './repository';

export async function updatePerson(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: PersonPatch,
): Promise<Person> {
  return inTransaction(db, async (tx) => {
    const before = await findPerson(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const after = (await updatePersonRow(tx, actor.organizationId, id, patch))!;
    await recordAudit(tx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
