import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict } from '../platform/errors';
import type { InstrumentType, InstrumentTypeInput } from './contract';
import * as repo from './repository';

/** Administrators add kinds of instrument beyond the eleven defaults. */
export async function createInstrumentType(
  db: Db,
  actor: ScopedAuditActor,
  input: InstrumentTypeInput,
): Promise<InstrumentType> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await repo.ensureDefaultTypes(tx, orgId);
    if (await repo.findTypeByName(tx, orgId, input.name)) {
      throw conflict('Ya existe un tipo de instrumento con ese nombre', [
        { path: 'name', message: 'Nombre repetido' },
      ]);
    }
    const created = await repo.insertType(tx, orgId, input);
    await recordAudit(tx, actor, {
      action: 'instrument_type.create',
      entityType: 'instrument_type',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
