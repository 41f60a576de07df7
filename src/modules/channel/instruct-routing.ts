import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { findFolioRow } from './repository';
import type { InstructRoutingInput } from './routing-contract';
import { closeRouting, instructRoutings, lockProposedRoutings } from './routing-repository';
import { routingTransition } from './routing-state';

/**
 * The Secretaría Ejecutiva instructs the routing liaison staff proposed for a folio ("turnado por la
 * SE a través de la DVOE", ADR 0038): every proposed slip of the folio reaches its area at once, with
 * the SE's words added to the instructions; or the SE sends the proposal back to liaison staff, with
 * the reason, and the slips are withdrawn. The actor is staff of the instructing area, or acts for
 * one of them (routing-access.ts decides it before this runs).
 */
export async function instructRouting(db: Db, actor: Actor, folioId: string, input: InstructRoutingInput) {
  return inTransaction(db, async (tx) => {
    const folio = await findFolioRow(tx, actor.organizationId, folioId);
    if (!folio) throw notFound();
    const slips = await lockProposedRoutings(tx, actor.organizationId, folio.id);
    if (!slips.length) {
      const message = 'El folio no tiene turnos por instruir.';
      throw conflict(message, [{ path: 'folio', message }]);
    }
    const event = input.decision === 'instruct' ? 'secretariat_instructs' : 'secretariat_declines';
    for (const slip of slips) {
      const result = routingTransition(slip.state, event, { reason: input.note });
      if (!result.ok) throw conflict(result.reason, [{ path: 'note', message: result.reason }]);
    }
    const ids = slips.map((s) => s.id);
    if (input.decision === 'instruct') {
      await instructRoutings(tx, ids, {
        instructedBy: actor.userId,
        note: input.note ? `Instrucción de la Secretaría Ejecutiva: ${input.note}` : '',
      });
    } else {
      for (const id of ids) {
        await closeRouting(tx, id, {
          state: 'withdrawn',
          returnReason: `Devuelto por la Secretaría Ejecutiva: ${input.note}`,
          closedBy: actor.userId,
          closedOnBehalfOf: actor.onBehalfOf?.userId ?? null,
        });
      }
    }
    const state = input.decision === 'instruct' ? ('assigned' as const) : ('withdrawn' as const);
    await recordAudit(tx, auditActor(actor), {
      action: input.decision === 'instruct' ? 'channel.routing_instructed' : 'channel.routing_declined',
      entityType: 'channel_folio',
      entityId: folio.id,
      before: { routings: ids, state: 'proposed' },
      after: { routings: ids, state, note: input.note },
    });
    return { routingIds: ids, state };
  });
}
