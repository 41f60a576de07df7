import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { existingAreaIds } from '../directory';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { ObligationInput } from './contract';
import { dueDateInMonth } from './due-rules';
import { monthOf, occurrencesDue } from './obligation-periods';
import { workCalendarOf } from '../platform/calendar/repository';
import { findFolioRow, insertObligation, insertOccurrences } from './repository';

/** Months ahead of today for which occurrences exist, so that their due dates show in advance. */
export const MONTHS_AHEAD = 2;

/**
 * Attaches a recurring monthly obligation to a folio of the local body ("informe mensual, el
 * último día hábil de cada mes"), answered each month by one of its areas or by liaison staff, and
 * creates its occurrences up to two months ahead.
 */
export async function addObligation(db: Db, actor: Actor, folioId: string, input: ObligationInput) {
  return inTransaction(db, async (tx) => {
    const folio = await findFolioRow(tx, actor.organizationId, folioId);
    if (!folio) throw notFound();
    if (folio.localOrgId !== actor.organizationId) {
      throw conflict('Las obligaciones periódicas las registra el organismo local que debe cumplirlas.');
    }
    if (folio.status === 'cancelled') throw conflict('El folio está cancelado.');
    const first = dueDateInMonth(
      input.dueRule,
      { ownNonWorkingDays: new Set(), everyDayCounts: [] },
      Number(input.startsOn.slice(0, 4)),
      Number(input.startsOn.slice(5, 7)),
    );
    if (!first.ok) throw invalid([{ path: 'dueRule', message: first.reason }]);
    if (
      input.areaId &&
      !(await existingAreaIds(tx, actor.organizationId, [input.areaId])).has(input.areaId)
    ) {
      throw invalid([{ path: 'areaId', message: 'El área no existe en su organización.' }]);
    }
    const obligation = await insertObligation(tx, {
      folioId: folio.id,
      organizationId: actor.organizationId,
      description: input.description,
      areaId: input.areaId,
      frequency: 'monthly',
      dueRule: input.dueRule,
      startsOn: monthOf(input.startsOn),
      endsOn: input.endsOn ? monthOf(input.endsOn) : null,
    });
    const cal = await workCalendarOf(tx, actor.organizationId);
    const created = await insertOccurrences(
      tx,
      occurrencesDue(obligation, cal, todayInMexicoCity(), MONTHS_AHEAD).map((o) => ({
        ...o,
        obligationId: obligation.id,
        organizationId: actor.organizationId,
        status: 'pending' as const,
      })),
    );
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.obligation_add',
      entityType: 'channel_obligation',
      entityId: obligation.id,
      after: { folio: `${folio.number}/${folio.year}`, ...input, occurrences: created },
    });
    return obligation.id;
  });
}
