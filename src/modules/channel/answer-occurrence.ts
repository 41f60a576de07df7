import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { formatMonth } from '../../shared/spanish-dates';
import { answerOccurrenceRow, findOccurrence } from './repository';

/** Records the month's report of a recurring obligation as sent. */
export async function answerOccurrence(
  db: Db,
  actor: Actor,
  id: string,
  input: { on: string; text: string },
) {
  await inTransaction(db, async (tx) => {
    const occurrence = await findOccurrence(tx, actor.organizationId, id);
    if (!occurrence) throw notFound();
    if (occurrence.status !== 'pending') {
      throw conflict(
        `El informe de ${formatMonth(Number(occurrence.period.slice(0, 4)), Number(occurrence.period.slice(5, 7)))} ya fue enviado.`,
      );
    }
    await answerOccurrenceRow(tx, id, input.on, input.text);
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.occurrence_answer',
      entityType: 'channel_occurrence',
      entityId: id,
      before: { status: occurrence.status },
      after: { status: 'answered', answeredOn: input.on },
    });
  });
}
