import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import { findFolioRow } from './repository';
import type { ReassignRoutingInput } from './routing-contract';
import {
  activeAreasOf,
  closeRouting,
  findRouting,
  insertRoutings,
  lockRouting,
  routingPolicyOf,
  routingsOfFolio,
} from './routing-repository';
import { isOpenRouting, routingPlanProblems, routingTransition } from './routing-state';

/**
 * Liaison staff move an open slip to another area: the slip is withdrawn (with the reason) and a
 * new one, with the same role, instructions and due date unless changed, points back to it.
 */
export async function reassignRouting(db: Db, actor: Actor, routingId: string, input: ReassignRoutingInput) {
  return inTransaction(db, async (tx) => {
    const slip = await findRouting(tx, actor.organizationId, routingId);
    if (!slip) throw notFound();
    await lockRouting(tx, slip.id);
    const result = routingTransition(slip.state, 'liaison_withdraws');
    if (!result.ok) throw conflict(result.reason, [{ path: 'routing', message: result.reason }]);
    if (!(await activeAreasOf(tx, actor.organizationId, [input.areaId])).length) {
      throw invalid([{ path: 'areaId', message: 'El área no existe en su organización.' }]);
    }
    const folio = (await findFolioRow(tx, actor.organizationId, slip.folioId))!;
    const internalDueOn = input.internalDueOn === undefined ? slip.internalDueOn : input.internalDueOn;
    const others = (await routingsOfFolio(tx, actor.organizationId, folio.id)).filter(
      (r) => isOpenRouting(r.state) && r.id !== slip.id,
    );
    const problems = routingPlanProblems({
      folioStatus: folio.status,
      responsibleAreaId: slip.role === 'responsible' ? input.areaId : null,
      informedAreaIds: slip.role === 'informed' ? [input.areaId] : [],
      openSlips: others.map((r) => ({ areaId: r.areaId, role: r.role })),
      routedOn: todayInMexicoCity(),
      internalDueOn,
      // The folio's due date is the local body's term: it binds only while the folio awaits it.
      folioDueOn: folio.status === 'pending_local' ? folio.dueOn : null,
    }).map((p) =>
      p.path === 'responsibleAreaId' || p.path.startsWith('informedAreaIds') ? { ...p, path: 'areaId' } : p,
    );
    if (input.areaId === slip.areaId) {
      problems.push({ path: 'areaId', message: 'El turno ya está en esa área.' });
    }
    if (problems.length) throw conflict(problems[0]!.message, problems);

    await closeRouting(tx, slip.id, {
      state: 'withdrawn',
      returnReason: input.reason,
      closedBy: actor.userId,
    });
    const [created] = await insertRoutings(tx, [
      {
        folioId: folio.id,
        organizationId: actor.organizationId,
        areaId: input.areaId,
        role: slip.role,
        instructions: input.instructions ?? slip.instructions,
        internalDueOn,
        // A new area is a new routing: it waits for the SE's instruction when that is required.
        ...((await routingPolicyOf(tx, actor.organizationId))
          ? { state: 'proposed' as const, requiresInstruction: true }
          : { state: 'assigned' as const }),
        assignedBy: actor.userId,
        previousId: slip.id,
      },
    ]);
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.routing_reassigned',
      entityType: 'channel_routing',
      entityId: slip.id,
      before: { areaId: slip.areaId, state: slip.state },
      after: { state: 'withdrawn', reason: input.reason, newRoutingId: created!.id, areaId: input.areaId },
    });
    return { routingId: created!.id };
  });
}
