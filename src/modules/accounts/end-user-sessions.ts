import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import { auditActor, type Actor } from './actor';
import { findUser, revokeSessions } from './repository';

/**
 * An administrator ends every session of a user of their organization (a stolen laptop, someone
 * who left); the user must sign in again. A user of another organization is a 404.
 */
export async function endUserSessions(db: Db, actor: Actor, userId: string): Promise<{ ended: number }> {
  return inTransaction(db, async (tx) => {
    if (!(await findUser(tx, actor.organizationId, userId))) throw notFound();
    const ended = await revokeSessions(tx, userId);
    await recordAudit(tx, auditActor(actor), {
      action: 'user.sessions_ended',
      entityType: 'user',
      entityId: userId,
      after: { ended },
    });
    return { ended };
  });
}
