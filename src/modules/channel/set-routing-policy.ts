import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid } from '../platform/errors';
import type { RoutingPolicy, RoutingPolicyInput } from './routing-contract';
import {
  activeAreasOf,
  releaseProposedRoutings,
  routingPolicyOf,
  saveRoutingPolicy,
} from './routing-repository';

/**
 * An administrator requires (naming the Secretaría Ejecutiva's area) or stops requiring that the
 * SE instruct liaison staff's routings before the areas see them (ADR 0038). Lifting it sends the
 * proposals still waiting to their areas, since nobody would be left to instruct them.
 */
export async function setRoutingPolicy(
  db: Db,
  actor: Actor,
  input: RoutingPolicyInput,
): Promise<RoutingPolicy> {
  return inTransaction(db, async (tx) => {
    const before = await routingPolicyOf(tx, actor.organizationId);
    let instructingArea: RoutingPolicy['instructingArea'] = null;
    if (input.instructingAreaId) {
      const [found] = await activeAreasOf(tx, actor.organizationId, [input.instructingAreaId]);
      if (!found) {
        throw invalid([{ path: 'instructingAreaId', message: 'El área no existe en su organización.' }]);
      }
      instructingArea = found;
    }
    await saveRoutingPolicy(tx, actor.organizationId, instructingArea?.id ?? null);
    const released = instructingArea ? [] : await releaseProposedRoutings(tx, actor.organizationId);
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.routing_policy',
      entityType: 'organization',
      entityId: actor.organizationId,
      before: { instructingAreaId: before?.id ?? null },
      after: { instructingAreaId: instructingArea?.id ?? null, releasedRoutings: released },
    });
    return { instructingArea };
  });
}
