import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { storeFile } from '../platform/files/store-file';
import { notFound } from '../platform/errors';
import type { Upload } from '../platform/http/files';
import type { Activity } from './contract';
import * as repo from './repository';

/** Adds an evidence file (photo, attendance list, minutes) to an activity. */
export async function attachActivityFile(
  db: Db,
  actor: ScopedAuditActor,
  activityId: string,
  upload: Upload,
): Promise<Activity> {
  return inTransaction(db, async (tx) => {
    if (!(await repo.findActivity(tx, actor.organizationId, activityId))) throw notFound();
    const sha256 = await storeFile(tx, upload.data, upload.mediaType);
    const fileId = await repo.insertActivityFile(tx, actor.organizationId, {
      activityId,
      sha256,
      filename: upload.filename,
      mediaType: upload.mediaType,
      size: upload.data.length,
    });
    await recordAudit(tx, actor, {
      action: 'activity.file_attach',
      entityType: 'activity',
      entityId: activityId,
      after: { fileId, filename: upload.filename, sha256, size: upload.data.length },
    });
    return (await repo.findActivity(tx, actor.organizationId, activityId))!;
  });
}
