import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { Target, TargetInput } from './contract';
import { presentTarget } from './program-tree';
import * as repo from './repository';
import { resolveScope } from './scope';

async function targetValues(tx: Db, orgId: string, input: TargetInput) {
  const scope = await resolveScope(tx, orgId, input, { lineLevelAllowed: true });
  if (
    input.source === 'activities' &&
    input.activityKind &&
    !(await repo.kindName(tx, orgId, input.activityKind))
  )
    throw invalid([{ path: 'activityKind', message: 'El tipo de actividad no existe' }]);
  if (
    input.source === 'publication_issues' &&
    input.seriesId &&
    !(await repo.findSeriesRow(tx, orgId, input.seriesId))
  )
    throw invalid([{ path: 'seriesId', message: 'La serie no existe en su organización' }]);
  return {
    ...scope,
    description: input.description,
    minimumCount: input.minimumCount,
    unit: input.unit,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    source: input.source,
    activityKind: input.source === 'activities' ? (input.activityKind ?? null) : null,
    seriesId: input.source === 'publication_issues' ? (input.seriesId ?? null) : null,
    externalSource: input.source === 'external' ? (input.externalSource ?? null) : null,
  };
}

export async function addTarget(db: Db, actor: ScopedAuditActor, input: TargetInput): Promise<Target> {
  return inTransaction(db, async (tx) => {
    const created = await repo.insertTarget(
      tx,
      actor.organizationId,
      await targetValues(tx, actor.organizationId, input),
    );
    await recordAudit(tx, actor, {
      action: 'program_target.create',
      entityType: 'program_target',
      entityId: created.id,
      after: created,
    });
    return presentTarget(tx, actor.organizationId, created);
  });
}

export async function updateTarget(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: TargetInput,
): Promise<Target> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findTarget(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const after = await repo.updateTargetRow(
      tx,
      actor.organizationId,
      id,
      await targetValues(tx, actor.organizationId, input),
    );
    await recordAudit(tx, actor, {
      action: 'program_target.update',
      entityType: 'program_target',
      entityId: id,
      before,
      after,
    });
    return presentTarget(tx, actor.organizationId, after);
  });
}

export async function removeTarget(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findTarget(tx, actor.organizationId, id);
    if (!before) throw notFound();
    await repo.deleteTargetRow(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'program_target.delete',
      entityType: 'program_target',
      entityId: id,
      before,
    });
  });
}
