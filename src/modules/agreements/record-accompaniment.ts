import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid } from '../platform/errors';
import type { Accompaniment, AccompanimentInput } from './contract';
import * as repo from './repository';

/** An activity accompanying an area in the negotiation of an instrument with an institution. */
export async function recordAccompaniment(
  db: Db,
  actor: ScopedAuditActor,
  input: AccompanimentInput,
): Promise<Accompaniment> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const problems = [];
    if (!(await repo.existingAreaIds(tx, orgId, [input.areaId])).size) {
      problems.push({ path: 'areaId', message: 'El área no existe en su organización' });
    }
    if (!(await repo.existingInstitutionIds(tx, orgId, [input.institutionId])).size) {
      problems.push({
        path: 'institutionId',
        message: 'La institución no está en el directorio de su organización',
      });
    }
    if (input.instrumentId && !(await repo.findInstrumentRow(tx, orgId, input.instrumentId))) {
      problems.push({ path: 'instrumentId', message: 'El instrumento no existe en su organización' });
    }
    if (problems.length) throw invalid(problems);
    const row = await repo.insertAccompaniment(tx, orgId, {
      ...input,
      instrumentId: input.instrumentId ?? null,
    });
    const created = (await repo.findAccompaniment(tx, orgId, row.id))!;
    await recordAudit(tx, actor, {
      action: 'accompaniment.create',
      entityType: 'accompaniment',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}
