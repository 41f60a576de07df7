import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Institution, InstitutionPatch } from './contract';
import { findInstitution, updateInstitutionRow } from './repository';

export async function updateInstitution(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: InstitutionPatch,
): Promise<Institution> {
  return inTransaction(db, async (tx) => {
    const before = await findInstitution(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const after = (await updateInstitutionRow(tx, actor.organizationId, id, patch))!;
    await recordAudit(tx, actor, {
      action: 'institution.update',
      entityType: 'institution',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
