import type { ScopedAuditActor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { storeFile } from '../platform/files/store-file';
import { notFound } from '../platform/http/errors';
import type { Upload } from '../platform/http/files';
import type { Issue, IssueInput } from './contract';
import * as repo from './repository';

/** Records one issue of a series: date, title, number and distribution (the file comes apart). */
export async function addIssue(
  db: Db,
  actor: ScopedAuditActor,
  seriesId: string,
  input: IssueInput,
): Promise<Issue> {
  return inTransaction(db, async (tx) => {
    if (!(await repo.findSeriesRow(tx, actor.organizationId, seriesId))) throw notFound();
    const created = await repo.insertIssue(tx, actor.organizationId, {
      seriesId,
      publishedOn: input.publishedOn,
      title: input.title,
      number: input.number ?? null,
      distribution: input.distribution ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'publication_issue.create',
      entityType: 'publication_issue',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function attachIssueFile(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  upload: Upload,
): Promise<Issue> {
  return inTransaction(db, async (tx) => {
    const row = await repo.findIssueRow(tx, actor.organizationId, id);
    if (!row) throw notFound();
    const before = repo.presentIssueRow(row);
    const sha256 = await storeFile(tx, upload.data, upload.mediaType);
    const after = await repo.setIssueFile(tx, actor.organizationId, id, {
      sha256,
      filename: upload.filename,
      mediaType: upload.mediaType,
      size: upload.data.length,
    });
    await recordAudit(tx, actor, {
      action: 'publication_issue.file_attach',
      entityType: 'publication_issue',
      entityId: id,
      before,
      after: { ...after, sha256 },
    });
    return after;
  });
}

export async function deleteIssue(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await repo.findIssueRow(tx, actor.organizationId, id);
    if (!row) throw notFound();
    await repo.deleteIssueRow(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'publication_issue.delete',
      entityType: 'publication_issue',
      entityId: id,
      before: repo.presentIssueRow(row),
    });
  });
}
