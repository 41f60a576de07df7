import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { storeFile } from '../platform/files/store-file';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { AgendaItem, AgendaItemInput } from './contract';
import * as repo from './repository';
import { agendaAdditionProblem } from './rules';
import { statusOfRow } from './session-view';

async function assertAgendaOpen(tx: Db, orgId: string, sessionId: string) {
  const session = await repo.lockSessionRow(tx, orgId, sessionId);
  if (!session) throw notFound();
  const problem = agendaAdditionProblem(await statusOfRow(tx, orgId, session));
  if (problem) throw conflict(problem);
  return session;
}

/** Appends an item to a session's orden del día (numbered in order of entry). */
export async function addAgendaItem(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  input: AgendaItemInput,
): Promise<AgendaItem> {
  return inTransaction(db, async (tx) => {
    await assertAgendaOpen(tx, actor.organizationId, sessionId);
    const row = await repo.insertAgendaItem(tx, actor.organizationId, sessionId, {
      title: input.title,
      description: input.description ?? null,
    });
    const created = {
      id: row.id,
      position: row.position,
      title: row.title,
      description: row.description,
      documents: [],
    };
    await recordAudit(tx, actor, {
      action: 'agenda_item.create',
      entityType: 'agenda_item',
      entityId: row.id,
      after: { ...created, sessionId },
    });
    return created;
  });
}

/** Attaches a document to an agenda item; the bytes are stored once by SHA-256. */
export async function attachAgendaDocument(
  db: Db,
  actor: ScopedAuditActor,
  agendaItemId: string,
  file: { data: Buffer; filename: string; mediaType: string },
): Promise<AgendaItem> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const item = await repo.findAgendaItem(tx, orgId, agendaItemId);
    if (!item) throw notFound();
    await assertAgendaOpen(tx, orgId, item.sessionId);
    const sha256 = await storeFile(tx, file.data, file.mediaType);
    const doc = await repo.insertAgendaDocument(tx, orgId, {
      agendaItemId,
      fileSha256: sha256,
      filename: file.filename,
    });
    await recordAudit(tx, actor, {
      action: 'agenda_document.create',
      entityType: 'agenda_document',
      entityId: doc.id,
      after: { agendaItemId, sha256, filename: file.filename, size: file.data.length },
    });
    return (await repo.listAgenda(tx, orgId, item.sessionId)).find((i) => i.id === agendaItemId)!;
  });
}
