import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Agreement, AgreementPatch } from './contract';
import * as repo from './repository';

/** Corrects an agreement's title or text, unless the minutes of its session are approved. */
export async function updateAgreement(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: AgreementPatch,
): Promise<Agreement> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findAgreement(tx, orgId, id);
    if (!before) throw notFound();
    if (before.sessionId) await repo.lockSessionRow(tx, orgId, before.sessionId);
    const current = (await repo.findAgreement(tx, orgId, id))!;
    if (current.frozen) {
      throw conflict(
        `El acuerdo ${current.number} no puede modificarse: la minuta de su sesión ya fue aprobada.`,
      );
    }
    await repo.updateAgreementRow(tx, orgId, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
    });
    const after = (await repo.findAgreement(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'agreement.update',
      entityType: 'agreement',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
