import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { unauthenticated } from '../platform/errors';
import { auditActor, type Actor } from './actor';
import { deleteOtherSessions } from './repository';

/** Ends every session of the person but the one making the request; returns how many ended. */
export async function endMyOtherSessions(
  db: Db,
  actor: Actor,
  currentToken: string | null,
): Promise<{ ended: number }> {
  // Without the current session's token "the others" would be all of them.
  if (!currentToken) throw unauthenticated();
  return inTransaction(db, async (tx) => {
    const ended = await deleteOtherSessions(tx, actor.userId, currentToken);
    await recordAudit(tx, auditActor(actor), {
      action: 'auth.other_sessions_ended',
      entityType: 'user',
      entityId: actor.userId,
      after: { ended },
    });
    return { ended };
  });
}
