import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { Instrument, InstrumentPatch } from './contract';
import { partyCountProblems, referenceProblems } from './create-instrument';
import * as repo from './repository';
import { validityProblems } from './validity';

/** Changes an instrument's data (not its status: see change-instrument-status.ts). */
export async function updateInstrument(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: InstrumentPatch,
): Promise<Instrument> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findInstrument(tx, orgId, id);
    if (!before) throw notFound();
    const merged = {
      parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
      validityKind: patch.validityKind ?? before.validityKind,
      validFrom: patch.validFrom === undefined ? before.validFrom : patch.validFrom,
      validUntil: patch.validUntil === undefined ? before.validUntil : patch.validUntil,
      organizationIsParty: patch.organizationIsParty ?? before.organizationIsParty,
      partyIds: patch.partyIds ?? before.parties.map((p) => p.institutionId),
    };
    const problems = [
      ...(await referenceProblems(
        tx,
        orgId,
        { typeId: patch.typeId, parentId: patch.parentId, partyIds: patch.partyIds, areaIds: patch.areaIds },
        id,
      )),
      ...partyCountProblems(merged.organizationIsParty, merged.partyIds),
      ...validityProblems(merged, Boolean(merged.parentId)),
    ];
    if (problems.length) throw invalid(problems);

    const { partyIds, areaIds, ...columns } = patch;
    await repo.updateInstrumentRow(tx, orgId, id, columns);
    if (partyIds) await repo.replaceParties(tx, orgId, id, partyIds);
    if (areaIds) await repo.replaceAreas(tx, orgId, id, areaIds);
    const after = (await repo.findInstrument(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'instrument.update',
      entityType: 'instrument',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
