import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Reason, ReasonInput } from './contract';
import * as repo from './repository';
import { resolveScope } from './scope';

/** States (or restates) why an objective had no activity in a period: one reason per objective and period. */
export async function stateReason(db: Db, actor: ScopedAuditActor, input: ReasonInput): Promise<Reason> {
  return inTransaction(db, async (tx) => {
    const scope = await resolveScope(tx, actor.organizationId, input);
    const key = { ...scope, periodStart: input.periodStart, periodEnd: input.periodEnd };
    const before = await repo.findReasonFor(tx, actor.organizationId, key);
    const after = before
      ? await repo.updateReasonText(tx, actor.organizationId, before.id, input.reason)
      : await repo.insertReason(tx, actor.organizationId, { ...key, reason: input.reason });
    await recordAudit(tx, actor, {
      action: before ? 'objective_reason.update' : 'objective_reason.create',
      entityType: 'objective_reason',
      entityId: after.id,
      before: before ?? null,
      after,
    });
    return after;
  });
}

export async function withdrawReason(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findReason(tx, actor.organizationId, id);
    if (!before) throw notFound();
    await repo.deleteReasonRow(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'objective_reason.delete',
      entityType: 'objective_reason',
      entityId: id,
      before,
    });
  });
}
