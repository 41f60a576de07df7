import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import { changeFolioStatus } from './change-folio-status';
import { findFolioRow } from './repository';
import type { ConsolidateInput } from './routing-contract';
import { insertAttachment, lastMessageId, routingAttachments, routingsOfFolio } from './routing-repository';
import { isOpenRouting } from './routing-state';

/**
 * Liaison staff send the answer built from the areas' answers: the folio event (answer,
 * acknowledgment of a folio "de conocimiento", conclusion or return) goes through the folio's
 * transition rules; the chosen files of the areas go with the message; slips still open are
 * withdrawn or kept as the person chose (change-folio-status.ts).
 */
export async function consolidateFolio(db: Db, actor: Actor, folioId: string, input: ConsolidateInput) {
  return inTransaction(db, async (tx) => {
    const folio = await findFolioRow(tx, actor.organizationId, folioId);
    if (!folio) throw notFound();
    const slips = await routingsOfFolio(tx, actor.organizationId, folio.id);
    const files = await routingAttachments(
      tx,
      slips.map((s) => s.id),
    );
    const chosen = input.attachmentIds.map((id) => files.find((f) => f.id === id));
    const missing = chosen.flatMap((f, i) =>
      f
        ? []
        : [
            {
              path: `attachmentIds.${i}`,
              message: 'El archivo no es de una respuesta de área de este folio.',
            },
          ],
    );
    if (missing.length) throw invalid(missing);
    if (input.event !== 'local_acknowledges' && !input.text) {
      throw invalid([{ path: 'text', message: 'Escriba la respuesta que se enviará.' }]);
    }
    if (chosen.length && !input.text) {
      throw invalid([{ path: 'text', message: 'Los archivos se envían con una respuesta escrita.' }]);
    }

    const { status } = await changeFolioStatus(tx, actor, folio.id, {
      event: input.event,
      on: input.on,
      text: input.text || undefined,
      openRoutings: input.openRoutings,
    });
    const messageId = input.text ? await lastMessageId(tx, folio.id, actor.organizationId) : undefined;
    for (const f of chosen) {
      await insertAttachment(tx, {
        organizationId: actor.organizationId,
        messageId: messageId!,
        sha256: f!.sha256,
        filename: f!.filename,
        mediaType: f!.mediaType,
        size: f!.size,
        uploadedBy: actor.userId,
      });
    }
    const open = slips.filter((s) => isOpenRouting(s.state));
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.folio_consolidated',
      entityType: 'channel_folio',
      entityId: folio.id,
      before: { status: folio.status, openRoutings: open.map((s) => s.id) },
      after: { status, event: input.event, messageId: messageId ?? null, attachments: input.attachmentIds },
    });
    return { status, messageId: messageId ?? null };
  });
}
