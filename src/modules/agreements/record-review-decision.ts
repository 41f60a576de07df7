import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { DecisionInput } from './contract';
import { applyStatus } from './change-instrument-status';
import * as repo from './repository';
import { IN_FORCE } from './contract-status';

/** The status each decision leaves the instrument in. */
const DECISION_STATUS = { keep: 'in_force', renegotiate: 'to_renegotiate', conclude: 'concluded' } as const;

/**
 * Records the decision of a review on one instrument in force: keep (status "vigente"), renegotiate (status "por
 * renegociar") or conclude (status "concluido"). A decision can be corrected while the instrument
 * still allows it.
 */
export async function recordReviewDecision(
  db: Db,
  actor: ScopedAuditActor,
  reviewId: string,
  instrumentId: string,
  input: DecisionInput,
) {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const rev = await repo.findReviewRow(tx, orgId, reviewId);
    const found = await repo.findInstrumentRow(tx, orgId, instrumentId);
    if (!rev || !found) throw notFound();
    if (!IN_FORCE.includes(found.status)) {
      throw conflict('Solo se revisan instrumentos vigentes o por renegociar', [
        { path: 'instrumentId', message: 'El instrumento no está vigente' },
      ]);
    }
    if (input.decidedOn < rev.openedOn) {
      throw invalid([
        { path: 'decidedOn', message: 'La decisión no puede ser anterior a la apertura de la revisión' },
      ]);
    }
    const target = DECISION_STATUS[input.decision];
    const lastChange = await repo.lastStatusChangeOn(tx, orgId, instrumentId);
    if (target !== found.status && lastChange && input.decidedOn < lastChange) {
      throw invalid([
        {
          path: 'decidedOn',
          message: `La decisión no puede ser anterior al último cambio de estado (${lastChange})`,
        },
      ]);
    }
    if (target !== found.status) {
      await applyStatus(tx, actor, instrumentId, target, input.decidedOn, `Revisión ${rev.period}`);
    }
    await repo.upsertDecision(tx, orgId, {
      reviewId,
      instrumentId,
      decision: input.decision,
      decidedOn: input.decidedOn,
      note: input.note ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'review.decision',
      entityType: 'review',
      entityId: reviewId,
      after: { instrumentId, ...input },
    });
    return (await repo.listReviews(tx, orgId)).find((r) => r.id === reviewId)!;
  });
}
