import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import { auditActor, type Actor } from './actor';
import { deleteSessionOf } from './repository';

/** Ends one of the person's own sessions (a lost phone, a shared computer); another's is a 404. */
export async function endMySession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (!(await deleteSessionOf(tx, actor.userId, sessionId))) throw notFound();
    await recordAudit(tx, auditActor(actor), {
      action: 'auth.session_ended',
      entityType: 'user',
      entityId: actor.userId,
      after: { sessionId },
    });
  });
}
