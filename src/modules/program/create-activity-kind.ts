import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict } from '../platform/errors';
import type { ActivityKindInput, ActivityKindItem } from './contract';
import * as repo from './repository';

/** Adds an activity kind to the organization's catalog (the built-in kinds cannot be redefined). */
export async function createActivityKind(
  db: Db,
  actor: ScopedAuditActor,
  input: ActivityKindInput,
): Promise<ActivityKindItem> {
  return inTransaction(db, async (tx) => {
    const kinds = await repo.listActivityKinds(tx, actor.organizationId);
    if (kinds.some((k) => k.code === input.code))
      throw conflict('Ya existe un tipo de actividad con esa clave', [
        { path: 'code', message: 'Ya existe un tipo de actividad con esa clave' },
      ]);
    if (kinds.some((k) => k.name.toLowerCase() === input.name.toLowerCase()))
      throw conflict('Ya existe un tipo de actividad con ese nombre', [
        { path: 'name', message: 'Ya existe un tipo de actividad con ese nombre' },
      ]);
    const created = await repo.insertActivityKind(tx, actor.organizationId, input.code, input.name);
    await recordAudit(tx, actor, {
      action: 'activity_kind.create',
      entityType: 'activity_kind',
      entityId: null,
      after: created,
    });
    return created;
  });
}
