import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { ChangeFolioStatusInput } from './contract';
import { actingSide, transition } from './contract-folio-status';
import { findFolioRow, insertFolioEvents, insertMessage, updateFolioStatus } from './repository';

/** Applies an event to a folio (answer, acknowledgment, conclusion, return, cancellation). */
export async function changeFolioStatus(
  db: Db,
  actor: Actor,
  folioId: string,
  input: ChangeFolioStatusInput,
) {
  return inTransaction(db, async (tx) => {
    const folio = await findFolioRow(tx, actor.organizationId, folioId);
    if (!folio) throw notFound();
    const side = actingSide(folio, actor.organizationId, input.event);
    const result = transition(folio, input.event, side);
    if (!result.ok) throw conflict(result.reason, [{ path: 'event', message: result.reason }]);
    const on = input.on ?? todayInMexicoCity();
    if (on < folio.receivedOn) {
      throw conflict('La fecha es anterior a la recepción del folio.', [
        { path: 'on', message: 'Anterior a la recepción' },
      ]);
    }
    const final = result.to === 'concluded' || result.to === 'cancelled';
    await updateFolioStatus(tx, folio.id, { status: result.to, closedOn: final ? on : null });
    await insertFolioEvents(tx, [
      {
        folioId: folio.id,
        organizationId: actor.organizationId,
        userId: actor.userId,
        actorLabel: actor.name,
        event: input.event,
        fromStatus: folio.status,
        toStatus: result.to,
        reason: input.reason ?? null,
        occurredOn: on,
      },
    ]);
    if (input.text) {
      await insertMessage(tx, {
        folioId: folio.id,
        fromSide: side,
        organizationId: actor.organizationId,
        text: input.text,
        sentOn: on,
        createdBy: actor.userId,
      });
    }
    await recordAudit(tx, auditActor(actor), {
      action: `channel.folio_${input.event}`,
      entityType: 'channel_folio',
      entityId: folio.id,
      before: { status: folio.status },
      after: { status: result.to, on, reason: input.reason ?? null },
    });
    return { status: result.to };
  });
}
