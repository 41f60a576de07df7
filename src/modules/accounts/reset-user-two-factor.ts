import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import { auditActor, type Actor } from './actor';
import type { User } from './contract';
import { findUser } from './repository';
import { removeTwoFactor } from './two-factor-repository';

/**
 * An administrator removes a user's second factor (a lost or replaced phone): the user signs in
 * with the password alone and, if their role requires it, enrols a new app right after. Only users
 * of the administrator's organization; any other answers 404.
 */
export async function resetUserTwoFactor(db: Db, actor: Actor, userId: string): Promise<User> {
  return inTransaction(db, async (tx) => {
    const before = await findUser(tx, actor.organizationId, userId);
    if (!before) throw notFound();
    await removeTwoFactor(tx, userId);
    const after = (await findUser(tx, actor.organizationId, userId))!;
    await recordAudit(tx, auditActor(actor), {
      action: 'user.two_factor_reset',
      entityType: 'user',
      entityId: userId,
      before: { twoFactorEnabled: before.twoFactorEnabled },
      after: { twoFactorEnabled: false },
    });
    return after;
  });
}
