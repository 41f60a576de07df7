import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { nextNumber } from '../platform/sequences/next-number';
import type { Opinion, OpinionIssue } from './contract';
import { formatOpinionNumber, opinionScope } from './opinion-number';
import * as repo from './repository';

/**
 * Issues a requested opinion: takes the next number of the issue year in this transaction (gap-free
 * and unique across app instances, ADR 0008) and formats it with the organization's prefix.
 */
export async function issueOpinion(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: OpinionIssue,
): Promise<Opinion> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findOpinionRow(tx, orgId, id);
    if (!before) throw notFound();
    if (before.status === 'issued') {
      throw conflict(`La opinión ya fue emitida con el número ${before.number}`, [
        { path: 'status', message: 'Opinión ya emitida' },
      ]);
    }
    const content = input.content ?? before.content;
    if (!content) throw invalid([{ path: 'content', message: 'Redacte la opinión antes de emitirla' }]);
    if (input.issuedOn < before.requestedOn) {
      throw invalid([
        { path: 'issuedOn', message: 'La opinión no puede emitirse antes de haberse solicitado' },
      ]);
    }
    const year = Number(input.issuedOn.slice(0, 4));
    const { opinionPrefix } = await repo.getSettings(tx, orgId);
    const sequence = await nextNumber(tx, orgId, opinionScope(year));
    const number = formatOpinionNumber(opinionPrefix, sequence, year);
    await repo.updateOpinionRow(tx, orgId, id, {
      status: 'issued',
      issuedOn: input.issuedOn,
      year,
      sequence,
      number,
      content,
    });
    const after = (await repo.findOpinion(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'opinion.issue',
      entityType: 'opinion',
      entityId: id,
      before: { status: before.status },
      after: { status: 'issued', number, issuedOn: input.issuedOn },
    });
    return after;
  });
}
