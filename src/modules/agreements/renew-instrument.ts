import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { Instrument, RenewalInput } from './contract';
import * as repo from './repository';

/**
 * Moves the end of a dated instrument (a renewal, or an amending instrument that extends it). The
 * previous end stays in the renewal history; alerts follow the new end.
 */
export async function renewInstrument(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: RenewalInput,
): Promise<Instrument> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findInstrument(tx, orgId, id);
    if (!before) throw notFound();
    if (before.validityKind !== 'dated') {
      throw invalid([
        { path: 'newEnd', message: 'Solo se renueva un instrumento con vigencia determinada por fechas' },
      ]);
    }
    if (before.validFrom && input.newEnd < before.validFrom) {
      throw invalid([{ path: 'newEnd', message: 'La vigencia no puede terminar antes de comenzar' }]);
    }
    if (input.amendingInstrumentId) {
      const amending = await repo.findInstrumentRow(tx, orgId, input.amendingInstrumentId);
      if (!amending || amending.id === id) {
        throw invalid([
          {
            path: 'amendingInstrumentId',
            message: 'El instrumento modificatorio no existe en su organización',
          },
        ]);
      }
    }
    await repo.insertRenewal(tx, orgId, {
      instrumentId: id,
      renewedOn: input.renewedOn,
      previousEnd: before.validUntil,
      newEnd: input.newEnd,
      amendingInstrumentId: input.amendingInstrumentId ?? null,
      note: input.note ?? null,
    });
    await repo.updateInstrumentRow(tx, orgId, id, { validUntil: input.newEnd });
    const after = (await repo.findInstrument(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'instrument.renew',
      entityType: 'instrument',
      entityId: id,
      before: { validUntil: before.validUntil },
      after: { validUntil: input.newEnd, renewedOn: input.renewedOn },
    });
    return after;
  });
}
