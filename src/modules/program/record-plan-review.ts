import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { PlanReview, PlanReviewInput } from './contract';
import * as repo from './repository';
import { resolveScope } from './scope';

/** Records a dated review of the INE's plan (SSPELO) with what changed. */
export async function recordPlanReview(
  db: Db,
  actor: ScopedAuditActor,
  input: PlanReviewInput,
): Promise<PlanReview> {
  return inTransaction(db, async (tx) => {
    const scope = await resolveScope(tx, actor.organizationId, input);
    const created = await repo.insertPlanReview(tx, actor.organizationId, {
      ...scope,
      system: input.system,
      reviewedOn: input.reviewedOn,
      changes: input.changes,
      informedTo: input.informedTo ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'plan_review.create',
      entityType: 'plan_review',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
