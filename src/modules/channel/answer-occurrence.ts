import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { hasPermission } from '../accounts/contract';
import { AppError, conflict, invalid, notFound } from '../platform/errors';
import { formatFolioNumber } from './folio-number';
import {
  mayActOnOccurrence,
  occurrenceSide,
  occurrenceTransition,
  type OccurrenceEvent,
  type OccurrenceResult,
  type OccurrenceSide,
} from './occurrence-contract';
import { findOccurrence, updateOccurrence } from './repository';

/** Answers a refused transition with its status: 400 (input), 403 (wrong side) or 409 (state). */
export function refuse(result: Extract<OccurrenceResult, { ok: false }>): never {
  const fields = [{ path: result.path, message: result.reason }];
  if (result.status === 400) throw invalid(fields, result.reason);
  if (result.status === 403) throw new AppError('FORBIDDEN', 403, fields, result.reason);
  throw conflict(result.reason, fields);
}

/**
 * Whether the person may act for their side on the month: who sees the folio but may not act gets
 * 403; area staff of another area do not see the month at all (404).
 */
export function assertMayAct(
  actor: Actor,
  side: OccurrenceSide,
  event: OccurrenceEvent,
  obligationAreaId: string | null,
): void {
  if (mayActOnOccurrence(actor, side, event, obligationAreaId)) return;
  if (!hasPermission(actor.roles, 'channel.read')) throw notFound();
  const message =
    event === 'answer'
      ? 'Responde el informe del mes el personal de enlace o el área a la que corresponde.'
      : 'Acepta o devuelve el informe del mes el personal de enlace del INE.';
  throw new AppError('FORBIDDEN', 403, [{ path: 'occurrence', message }], message);
}

/**
 * The local body answers a month of a recurring obligation (its liaison staff, or staff of the
 * area that answers it): a pending month, or one the national authority returned. Files are
 * attached before (attach-channel-file.ts). Nothing changes when refused.
 */
export async function answerOccurrence(
  db: Db,
  actor: Actor,
  id: string,
  input: { on: string; text: string },
) {
  return inTransaction(db, async (tx) => {
    const occurrence = await findOccurrence(tx, actor.organizationId, id, true);
    if (!occurrence) throw notFound();
    const side = occurrenceSide(occurrence, actor.organizationId, 'answer');
    if (!side) throw notFound();
    assertMayAct(actor, side, 'answer', occurrence.areaId);
    if (occurrence.folioStatus === 'cancelled') throw conflict('El folio está cancelado.');
    const result = occurrenceTransition(occurrence, 'answer', side, { text: input.text });
    if (!result.ok) refuse(result);
    await updateOccurrence(tx, id, {
      status: result.to,
      answeredOn: input.on,
      answerText: input.text,
      answeredBy: actor.userId,
    });
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.occurrence_answer',
      entityType: 'channel_occurrence',
      entityId: id,
      before: { status: occurrence.status },
      after: {
        folio: formatFolioNumber(occurrence),
        period: occurrence.period.slice(0, 7),
        status: result.to,
        answeredOn: input.on,
        text: input.text,
      },
    });
    return { status: result.to };
  });
}
