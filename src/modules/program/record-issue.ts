import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { storeFile } from '../platform/files/store-file';
import { invalid, notFound } from '../platform/errors';
import type { Upload } from '../platform/http/files';
import type { Issue, IssueInput, IssuePatch } from './contract';
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

/** Corrects an issue's date, title, number or distribution, or moves it to another series. */
export async function updateIssue(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: IssuePatch,
): Promise<Issue> {
  return inTransaction(db, async (tx) => {
    const row = await repo.findIssueRow(tx, actor.organizationId, id);
    if (!row) throw notFound();
    if (patch.seriesId && !(await repo.findSeriesRow(tx, actor.organizationId, patch.seriesId)))
      throw invalid([{ path: 'seriesId', message: 'La serie no existe en su organización' }]);
    const before = repo.presentIssueRow(row);
    const after = await repo.updateIssueRow(tx, actor.organizationId, id, {
      seriesId: patch.seriesId,
      publishedOn: patch.publishedOn,
      title: patch.title,
      number: patch.number,
      distribution: patch.distribution,
    });
    await recordAudit(tx, actor, {
      action: 'publication_issue.update',
      entityType: 'publication_issue',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Takes the file off an issue (the stored file stays for the audit trail and backups). */
export async function removeIssueFile(db: Db, actor: ScopedAuditActor, id: string): Promise<Issue> {
  return inTransaction(db, async (tx) => {
    const row = await repo.findIssueRow(tx, actor.organizationId, id);
    if (!row?.fileSha256) throw notFound();
    const before = repo.presentIssueRow(row);
    const after = await repo.clearIssueFile(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'publication_issue.file_remove',
      entityType: 'publication_issue',
      entityId: id,
      before: { ...before, sha256: row.fileSha256 },
      after,
    });
    return after;
  });
}
