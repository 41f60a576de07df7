import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { Institution, InstitutionInput } from './contract';
import { insertInstitution } from './repository';

export async function createInstitution(
  db: Db,
  actor: ScopedAuditActor,
  input: InstitutionInput,
): Promise<Institution> {
  return inTransaction(db, async (tx) => {
    const created = await insertInstitution(tx, actor.organizationId, input);
    await recordAudit(tx, actor, {
      action: 'institution.create',
      entityType: 'institution',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
