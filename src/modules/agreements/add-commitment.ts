import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { Commitment, CommitmentInput, CommitmentUpdateInput } from './contract';
import * as repo from './repository';

/** A commitment owed by one of the instrument's areas or parties. */
export async function addCommitment(
  db: Db,
  actor: ScopedAuditActor,
  instrumentId: string,
  input: CommitmentInput,
): Promise<Commitment> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const found = await repo.findInstrument(tx, orgId, instrumentId);
    if (!found) throw notFound();
    if (input.owedByAreaId && !(await repo.existingAreaIds(tx, orgId, [input.owedByAreaId])).size) {
      throw invalid([{ path: 'owedByAreaId', message: 'El área no existe en su organización' }]);
    }
    if (
      input.owedByInstitutionId &&
      !found.parties.some((p) => p.institutionId === input.owedByInstitutionId)
    ) {
      throw invalid([{ path: 'owedByInstitutionId', message: 'La institución no es parte del instrumento' }]);
    }
    const row = await repo.insertCommitment(tx, orgId, {
      instrumentId,
      owedByAreaId: input.owedByAreaId ?? null,
      owedByInstitutionId: input.owedByInstitutionId ?? null,
      description: input.description,
      dueOn: input.dueOn ?? null,
    });
    const created = (await repo.listCommitments(tx, orgId, instrumentId)).find((c) => c.id === row.id)!;
    await recordAudit(tx, actor, {
      action: 'commitment.create',
      entityType: 'commitment',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}

/** A dated follow-up of a commitment; `fulfilled` marks it met. */
export async function addCommitmentUpdate(
  db: Db,
  actor: ScopedAuditActor,
  commitmentId: string,
  input: CommitmentUpdateInput,
): Promise<Commitment> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const found = await repo.findCommitmentRow(tx, orgId, commitmentId);
    if (!found) throw notFound();
    await repo.insertCommitmentUpdate(tx, orgId, { commitmentId, ...input });
    const after = (await repo.listCommitments(tx, orgId, found.instrumentId)).find(
      (c) => c.id === commitmentId,
    )!;
    await recordAudit(tx, actor, {
      action: 'commitment.update',
      entityType: 'commitment',
      entityId: commitmentId,
      after: input,
    });
    return after;
  });
}
