import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { Person, PersonInput } from './contract';
import { insertPerson } from './repository';

export async function createPerson(db: Db, actor: ScopedAuditActor, input: PersonInput): Promise<Person> {
  return inTransaction(db, async (tx) => {
    const created = await insertPerson(tx, actor.organizationId, input);
    await recordAudit(tx, actor, {
      action: 'person.create',
      entityType: 'person',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
