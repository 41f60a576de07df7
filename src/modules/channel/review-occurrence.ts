import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import { assertMayAct, refuse } from './answer-occurrence';
import { formatFolioNumber } from './folio-number';
import { occurrenceSide, occurrenceTransition } from './occurrence-contract';
import { findOccurrence, updateOccurrence } from './repository';

/**
 * The national authority, which sent the folio, accepts a month's answer or returns it with the
 * reason (the local body then answers it again). A local body whose national counterpart is not in
 * the installation records that decision itself. Nothing changes when refused.
 */
export async function reviewOccurrence(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'accept'; on: string } | { decision: 'return'; on: string; reason: string },
) {
  return inTransaction(db, async (tx) => {
    const occurrence = await findOccurrence(tx, actor.organizationId, id, true);
    if (!occurrence) throw notFound();
    const side = occurrenceSide(occurrence, actor.organizationId, input.decision);
    if (!side) throw notFound();
    const reason = input.decision === 'return' ? input.reason : null;
    assertMayAct(actor, side, input.decision, occurrence.areaId);
    const result = occurrenceTransition(occurrence, input.decision, side, { reason });
    if (!result.ok) refuse(result);
    await updateOccurrence(tx, id, {
      status: result.to,
      reviewedOn: input.on,
      reviewedBy: actor.userId,
      returnReason: reason,
    });
    await recordAudit(tx, auditActor(actor), {
      action: input.decision === 'accept' ? 'channel.occurrence_accept' : 'channel.occurrence_return',
      entityType: 'channel_occurrence',
      entityId: id,
      before: { status: occurrence.status },
      after: {
        folio: formatFolioNumber(occurrence),
        period: occurrence.period.slice(0, 7),
        status: result.to,
        on: input.on,
        ...(reason ? { reason } : {}),
      },
    });
    return { status: result.to };
  });
}
