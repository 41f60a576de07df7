import { recordAudit, type AuditActor } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Organization } from './contract';
import { findManagedOrganization, setOrganizationSuspended } from './repository';

/**
 * Suspends an organization (its users cannot sign in and their sessions end at once) or reactivates
 * it. Nothing is deleted: reactivated, it is as it was.
 */
export async function setOrganizationSuspension(
  db: Db,
  actor: AuditActor,
  id: string,
  suspended: boolean,
): Promise<Organization> {
  return inTransaction(db, async (tx) => {
    const before = await findManagedOrganization(tx, id);
    if (!before) throw notFound();
    if (before.suspended === suspended) return before;
    await setOrganizationSuspended(tx, id, suspended);
    const after = (await findManagedOrganization(tx, id))!;
    await recordAudit(tx, actor, {
      action: suspended ? 'organization.suspend' : 'organization.reactivate',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      before: { suspended: before.suspended },
      after: { suspended: after.suspended },
    });
    return after;
  });
}
