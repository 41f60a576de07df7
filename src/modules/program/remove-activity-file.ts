import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Activity } from './contract';
import * as repo from './repository';

/**
 * Takes an evidence file off an activity (a wrong file uploaded). The stored content stays in
 * stored_file (it may be shared by hash with other records); the audit keeps what was removed.
 */
export async function removeActivityFile(
  db: Db,
  actor: ScopedAuditActor,
  activityId: string,
  fileId: string,
): Promise<Activity> {
  return inTransaction(db, async (tx) => {
    const file = await repo.findActivityFile(tx, actor.organizationId, activityId, fileId);
    if (!file) throw notFound();
    await repo.deleteActivityFile(tx, actor.organizationId, fileId);
    await recordAudit(tx, actor, {
      action: 'activity.file_remove',
      entityType: 'activity',
      entityId: activityId,
      before: { fileId, filename: file.filename, sha256: file.sha256, size: file.size },
    });
    return (await repo.findActivity(tx, actor.organizationId, activityId))!;
  });
}
