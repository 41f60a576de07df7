import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Series, SeriesInput } from './contract';
import { loadSeries } from './list-series';
import * as repo from './repository';
import { resolveScope } from './scope';

const nameTaken = () =>
  conflict('Ya existe una serie con ese nombre', [
    { path: 'name', message: 'Ya existe una serie con ese nombre' },
  ]);

async function values(tx: Db, orgId: string, input: SeriesInput) {
  const scope = await resolveScope(tx, orgId, input);
  return {
    ...scope,
    name: input.name,
    cadence: input.cadence,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    audience: input.audience ?? null,
    distribution: input.distribution ?? null,
    datesByMonth: input.datesByMonth ?? false,
    sentWeekly: input.cadence === 'weekly' && (input.sentWeekly ?? false),
  };
}

export async function createSeries(db: Db, actor: ScopedAuditActor, input: SeriesInput): Promise<Series> {
  return inTransaction(db, async (tx) => {
    const all = await repo.listSeriesRows(tx, actor.organizationId);
    if (all.some((s) => s.name.toLowerCase() === input.name.toLowerCase())) throw nameTaken();
    const created = await repo.insertSeries(
      tx,
      actor.organizationId,
      await values(tx, actor.organizationId, input),
    );
    await recordAudit(tx, actor, {
      action: 'publication_series.create',
      entityType: 'publication_series',
      entityId: created.id,
      after: created,
    });
    return (await loadSeries(tx, actor.organizationId, created.id, {}))!;
  });
}

export async function updateSeries(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: SeriesInput,
): Promise<Series> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findSeriesRow(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const all = await repo.listSeriesRows(tx, actor.organizationId);
    if (all.some((s) => s.id !== id && s.name.toLowerCase() === input.name.toLowerCase())) throw nameTaken();
    const after = await repo.updateSeriesRow(
      tx,
      actor.organizationId,
      id,
      await values(tx, actor.organizationId, input),
    );
    await recordAudit(tx, actor, {
      action: 'publication_series.update',
      entityType: 'publication_series',
      entityId: id,
      before,
      after,
    });
    return (await loadSeries(tx, actor.organizationId, id, {}))!;
  });
}
