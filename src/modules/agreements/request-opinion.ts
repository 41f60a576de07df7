import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid } from '../platform/errors';
import type { Opinion, OpinionInput } from './contract';
import * as repo from './repository';

/** An area asks the liaison office for an opinion of pertinence on a (draft) instrument. */
export async function requestOpinion(db: Db, actor: ScopedAuditActor, input: OpinionInput): Promise<Opinion> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const problems = [];
    if (!(await repo.findInstrumentRow(tx, orgId, input.instrumentId))) {
      problems.push({ path: 'instrumentId', message: 'El instrumento no existe en su organización' });
    }
    const areas = await repo.existingAreaIds(tx, orgId, input.areaIds);
    input.areaIds.forEach((id, i) => {
      if (!areas.has(id))
        problems.push({ path: `areaIds.${i}`, message: 'El área no existe en su organización' });
    });
    if (new Set(input.areaIds).size !== input.areaIds.length) {
      problems.push({ path: 'areaIds', message: 'Un área aparece dos veces' });
    }
    if (problems.length) throw invalid(problems);
    const row = await repo.insertOpinion(
      tx,
      orgId,
      { instrumentId: input.instrumentId, requestedOn: input.requestedOn, content: input.content ?? null },
      input.areaIds,
    );
    const created = (await repo.findOpinion(tx, orgId, row.id))!;
    await recordAudit(tx, actor, {
      action: 'opinion.request',
      entityType: 'opinion',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}
