import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { Instrument, InstrumentStatus, StatusChangeInput } from './contract';
import * as repo from './repository';
import { statusProblem } from './contract-status';

/** Moves an instrument to another status, keeping the history; refused transitions are a 409. */
export async function changeInstrumentStatus(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: StatusChangeInput,
): Promise<Instrument> {
  return inTransaction(db, (tx) =>
    applyStatus(tx, actor, id, input.status, input.changedOn, input.note ?? null),
  );
}

/** The status change inside an open transaction (also used by review decisions). */
export async function applyStatus(
  tx: Db,
  actor: ScopedAuditActor,
  id: string,
  to: InstrumentStatus,
  changedOn: string,
  note: string | null,
): Promise<Instrument> {
  const orgId = actor.organizationId;
  const before = await repo.findInstrument(tx, orgId, id);
  if (!before) throw notFound();
  const problem = statusProblem(before.status, to, before.signedOn);
  if (problem) throw conflict(problem, [{ path: 'status', message: problem }]);
  const last = await repo.lastStatusChangeOn(tx, orgId, id);
  if (last && changedOn < last) {
    throw invalid([
      { path: 'changedOn', message: `El cambio no puede ser anterior al último registrado (${last})` },
    ]);
  }
  await repo.updateInstrumentRow(tx, orgId, id, { status: to });
  await repo.insertStatusChange(tx, orgId, {
    instrumentId: id,
    fromStatus: before.status,
    toStatus: to,
    changedOn,
    note,
  });
  const after = (await repo.findInstrument(tx, orgId, id))!;
  await recordAudit(tx, actor, {
    action: 'instrument.status',
    entityType: 'instrument',
    entityId: id,
    before: { status: before.status },
    after: { status: to, changedOn, note },
  });
  return after;
}
