import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { auditActor, type Actor } from './actor';
import type { Role } from './contract';
import type { TwoFactorPolicy } from './two-factor-contract';
import { findTwoFactorPolicy, saveTwoFactorPolicy } from './two-factor-repository';

/**
 * An administrator chooses the roles that must use a second factor. People of those roles without
 * one are held to enrolment from their next request (session-gate.ts), sessions already open too.
 */
export async function setTwoFactorPolicy(db: Db, actor: Actor, roles: Role[]): Promise<TwoFactorPolicy> {
  const requiredRoles = [...new Set(roles)];
  return inTransaction(db, async (tx) => {
    const before = await findTwoFactorPolicy(tx, actor.organizationId);
    await saveTwoFactorPolicy(tx, actor.organizationId, requiredRoles);
    await recordAudit(tx, auditActor(actor), {
      action: 'organization.two_factor_policy',
      entityType: 'organization',
      entityId: actor.organizationId,
      before: { requiredRoles: before },
      after: { requiredRoles },
    });
    return { requiredRoles };
  });
}
