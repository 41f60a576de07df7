import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { mediaTypeOf } from '../platform/files/media-types';
import { storeFile } from '../platform/files/store-file';
import { conflict, fileRefused, notFound } from '../platform/errors';
import type { Upload } from '../platform/http/files';
import {
  findMessage,
  findOwnCommunication,
  findRouting,
  insertAttachment,
  lockRouting,
} from './routing-repository';
import { assertMayAct, refuse } from './answer-occurrence';
import { occurrenceSide, occurrenceTransition } from './occurrence-contract';
import { findOccurrence } from './repository';

export type AttachmentOwner =
  | { kind: 'communication'; id: string }
  | { kind: 'message'; id: string }
  | { kind: 'routing'; id: string }
  | { kind: 'occurrence'; id: string };

/**
 * The extension decides whether a file is accepted and how it is served (the browser's declared
 * type is not trusted): allowed extensions and the size limit come from the configuration.
 */
export function checkAttachment(
  limits: Config['channel'],
  file: { filename: string; size: number },
): { ok: true; mediaType: string } | { ok: false; status: 400 | 413 | 415; message: string } {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(file.filename)?.[1]?.toLowerCase();
  if (!ext || !limits.attachmentTypes.includes(ext)) {
    return {
      ok: false,
      status: 415,
      message: `Tipo de archivo no permitido; se aceptan: ${limits.attachmentTypes.join(', ')}.`,
    };
  }
  if (file.size === 0) return { ok: false, status: 400, message: 'El archivo está vacío.' };
  if (file.size > limits.attachmentMaxBytes) {
    const max = limits.attachmentMaxBytes;
    const limit =
      max < 1024 * 1024
        ? `${Math.max(1, Math.round(max / 1024))} KB`
        : `${Math.round((max / 1024 / 1024) * 10) / 10} MB`;
    return { ok: false, status: 413, message: `El archivo excede el tamaño permitido (${limit}).` };
  }
  return { ok: true, mediaType: mediaTypeOf(file.filename) };
}

/**
 * Attaches an uploaded file to a communication (its originator), a message (the organization
 * that wrote it), a routing slip still open (staff of its area) or the answer of a month still owed
 * (whoever may answer it). Stored once by SHA-256.
 */
export async function attachChannelFile(
  db: Db,
  limits: Config['channel'],
  actor: Actor,
  owner: AttachmentOwner,
  upload: Upload,
) {
  const check = checkAttachment(limits, { filename: upload.filename, size: upload.data.length });
  if (!check.ok) throw fileRefused(check);
  return inTransaction(db, async (tx) => {
    const org = actor.organizationId;
    if (owner.kind === 'communication' && !(await findOwnCommunication(tx, org, owner.id))) throw notFound();
    if (owner.kind === 'message' && !(await findMessage(tx, org, owner.id))) throw notFound();
    if (owner.kind === 'routing') {
      const slip = await findRouting(tx, org, owner.id, actor.areaIds);
      if (!slip) throw notFound();
      await lockRouting(tx, slip.id);
      // Reassigned meanwhile: no longer the area's.
      const now = await findRouting(tx, org, owner.id, actor.areaIds);
      if (!now) throw notFound();
      if (now.state !== 'assigned') {
        const message = 'El turno ya está cerrado; no admite archivos.';
        throw conflict(message, [{ path: 'file', message }]);
      }
    }
    if (owner.kind === 'occurrence') {
      const month = await findOccurrence(tx, org, owner.id, true);
      if (!month) throw notFound();
      const side = occurrenceSide(month, org, 'answer');
      if (!side) throw notFound();
      assertMayAct(actor, side, 'answer', month.areaId);
      // The files go with the answer being written: a month answered (or accepted) takes none.
      const refused = occurrenceTransition(month, 'answer', side, { text: 'x' });
      if (!refused.ok) refuse({ ...refused, path: 'file' });
    }
    const sha256 = await storeFile(tx, upload.data, check.mediaType);
    const attachment = await insertAttachment(tx, {
      organizationId: org,
      communicationId: owner.kind === 'communication' ? owner.id : null,
      messageId: owner.kind === 'message' ? owner.id : null,
      routingId: owner.kind === 'routing' ? owner.id : null,
      occurrenceId: owner.kind === 'occurrence' ? owner.id : null,
      sha256,
      filename: upload.filename,
      mediaType: check.mediaType,
      size: upload.data.length,
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.attachment_added',
      entityType: 'channel_attachment',
      entityId: attachment.id,
      before: null,
      after: {
        owner: owner.kind,
        ownerId: owner.id,
        filename: upload.filename,
        sha256,
        size: upload.data.length,
      },
    });
    return attachment;
  });
}
