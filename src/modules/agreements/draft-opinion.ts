import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Opinion } from './contract';
import * as repo from './repository';

/** Liaison staff write (or rewrite) the text of a requested opinion; an issued one is final. */
export async function draftOpinion(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  content: string,
): Promise<Opinion> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findOpinionRow(tx, orgId, id);
    if (!before) throw notFound();
    if (before.status === 'issued') throw conflict('La opinión ya fue emitida y no se modifica');
    await repo.updateOpinionRow(tx, orgId, id, { content });
    await recordAudit(tx, actor, {
      action: 'opinion.draft',
      entityType: 'opinion',
      entityId: id,
      before: { content: before.content },
      after: { content },
    });
    return (await repo.findOpinion(tx, orgId, id))!;
  });
}
