import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { ChangeFolioStatusInput } from './contract';
import { actingSide, transition } from './contract-folio-status';
import { OPEN_ROUTING_EVENTS, openRoutingsOutcome } from './contract-open-routings';
import { findFolioRow, insertFolioEvents, insertMessage, updateFolioStatus } from './repository';
import { closeRouting, routingsOfFolio } from './routing-repository';
import { isOpenRouting } from './routing-state';

/**
 * Applies an event to a folio (answer, acknowledgment, conclusion, return, cancellation). The
 * organization's routing slips still open go with it as the person chose (withdrawn: liaison staff
 * answered for the area; kept: the area goes on working) or, when the folio closes, are withdrawn;
 * the folio's history and the audit entry say which.
 */
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
    const open = (await routingsOfFolio(tx, actor.organizationId, folio.id)).filter((r) =>
      isOpenRouting(r.state),
    );
    const slips = openRoutingsOutcome({
      openCount: open.length,
      toStatus: result.to,
      choice: input.openRoutings,
    });
    if (!slips.ok) throw invalid([{ path: slips.path, message: slips.message }], slips.message);
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
    if (slips.outcome === 'withdraw') {
      for (const r of open) {
        await closeRouting(tx, r.id, {
          state: 'withdrawn',
          returnReason: slips.reason,
          closedBy: actor.userId,
        });
      }
    }
    if (slips.outcome !== 'none') {
      // Written after the status event, so that event stays the one that set the status of the day.
      await insertFolioEvents(tx, [
        {
          folioId: folio.id,
          organizationId: actor.organizationId,
          userId: actor.userId,
          actorLabel: actor.name,
          event: slips.outcome === 'withdraw' ? OPEN_ROUTING_EVENTS.withdrawn : OPEN_ROUTING_EVENTS.kept,
          fromStatus: result.to,
          toStatus: result.to,
          reason: open.map((r) => r.areaName).join(', '),
          occurredOn: on,
        },
      ]);
    }
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
      after: {
        status: result.to,
        on,
        reason: input.reason ?? null,
        ...(slips.outcome === 'none'
          ? {}
          : {
              openRoutings: slips.outcome === 'withdraw' ? 'withdrawn' : 'kept',
              routingIds: open.map((r) => r.id),
              ...(input.openRoutings ? { choice: input.openRoutings } : {}),
            }),
      },
    });
    return { status: result.to };
  });
}
