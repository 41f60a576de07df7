import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { closeRouting, findRouting, lockRouting } from './routing-repository';
import { routingTransition } from './routing-state';

/**
 * The area answers its slip, or returns it with a reason. Only staff of the slip's area reach it, or
 * whoever acts for one of them (the actor is then their view, routing-access.ts): for anyone else
 * the slip does not exist (404) and nothing changes.
 */
export async function answerRouting(
  db: Db,
  actor: Actor,
  routingId: string,
  input: { kind: 'answer'; text: string } | { kind: 'return'; reason: string },
) {
  return inTransaction(db, async (tx) => {
    const slip = await findRouting(tx, actor.organizationId, routingId, actor.areaIds);
    if (!slip) throw notFound();
    await lockRouting(tx, slip.id);
    // Reassigned meanwhile: no longer the area's.
    const current = await findRouting(tx, actor.organizationId, routingId, actor.areaIds);
    if (!current) throw notFound();
    const event = input.kind === 'answer' ? 'area_answers' : 'area_returns';
    const result = routingTransition(
      current.state,
      event,
      input.kind === 'answer' ? { text: input.text } : { reason: input.reason },
    );
    if (!result.ok) throw conflict(result.reason, [{ path: 'routing', message: result.reason }]);
    // «A, por ausencia de B» on the slip itself when A works B's queue (ADR 0035).
    const closer = { closedBy: actor.userId, closedOnBehalfOf: actor.onBehalfOf?.userId ?? null };
    await closeRouting(
      tx,
      slip.id,
      input.kind === 'answer'
        ? { state: 'answered', answerText: input.text, ...closer }
        : { state: 'returned', returnReason: input.reason, ...closer },
    );
    await recordAudit(tx, auditActor(actor), {
      action: input.kind === 'answer' ? 'channel.routing_answered' : 'channel.routing_returned',
      entityType: 'channel_routing',
      entityId: slip.id,
      before: { state: current.state },
      after:
        input.kind === 'answer'
          ? { state: 'answered', text: input.text }
          : { state: 'returned', reason: input.reason },
    });
    return { state: result.to };
  });
}
