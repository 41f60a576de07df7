import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { storeFile } from '../platform/files/store-file';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { InstrumentFile } from './contract';
import * as repo from './repository';

/** Attaches the signed document or an annex (stored once by its SHA-256). */
export async function addInstrumentFile(
  db: Db,
  actor: ScopedAuditActor,
  instrumentId: string,
  file: { kind: 'signed' | 'annex'; filename: string; mediaType: string; content: Buffer },
): Promise<InstrumentFile> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    if (!(await repo.findInstrumentRow(tx, orgId, instrumentId))) throw notFound();
    const sha256 = await storeFile(tx, file.content, file.mediaType);
    const created = await repo.insertFile(tx, orgId, {
      instrumentId,
      kind: file.kind,
      sha256,
      filename: file.filename,
      mediaType: file.mediaType,
      size: file.content.length,
    });
    await recordAudit(tx, actor, {
      action: 'instrument.file.add',
      entityType: 'instrument',
      entityId: instrumentId,
      after: created,
    });
    return created;
  });
}
