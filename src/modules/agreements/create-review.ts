import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict } from '../platform/errors';
import type { ReviewInput } from './contract';
import * as repo from './repository';

/** Opens the review of a period (one per month). */
export async function createReview(db: Db, actor: ScopedAuditActor, input: ReviewInput) {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    if (await repo.findReviewByPeriod(tx, orgId, input.period)) {
      throw conflict('Ya existe una revisión de ese periodo', [
        { path: 'period', message: 'Periodo repetido' },
      ]);
    }
    const row = await repo.insertReview(tx, orgId, input);
    await recordAudit(tx, actor, {
      action: 'review.create',
      entityType: 'review',
      entityId: row.id,
      after: row,
    });
    return (await repo.listReviews(tx, orgId)).find((r) => r.id === row.id)!;
  });
}
