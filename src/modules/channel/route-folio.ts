import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import { addBusinessDays } from '../platform/calendar/business-days';
import { workCalendarOf } from '../platform/calendar/repository';
import { findFolioRow } from './repository';
import type { RouteFolioInput } from './routing-contract';
import { activeAreasOf, insertRoutings, routingPolicyOf, routingsOfFolio } from './routing-repository';
import { isOpenRouting, routingPlanProblems } from './routing-state';

/**
 * Liaison staff route a folio to areas of their organization: one responsible, others for
 * information, with instructions and an internal due date (a day, or business days on the
 * organization's calendar).
 */
export async function routeFolio(db: Db, actor: Actor, folioId: string, input: RouteFolioInput) {
  return inTransaction(db, async (tx) => {
    const folio = await findFolioRow(tx, actor.organizationId, folioId);
    if (!folio) throw notFound();
    const ids = [...(input.responsibleAreaId ? [input.responsibleAreaId] : []), ...input.informedAreaIds];
    const known = new Set((await activeAreasOf(tx, actor.organizationId, ids)).map((a) => a.id));
    const unknown = [
      ...(input.responsibleAreaId && !known.has(input.responsibleAreaId)
        ? [{ path: 'responsibleAreaId', message: 'El área no existe en su organización.' }]
        : []),
      ...input.informedAreaIds.flatMap((id, i) =>
        known.has(id)
          ? []
          : [{ path: `informedAreaIds.${i}`, message: 'El área no existe en su organización.' }],
      ),
    ];
    if (unknown.length) throw invalid(unknown);

    const today = todayInMexicoCity();
    const internalDueOn = input.internalDueBusinessDays
      ? addBusinessDays(await workCalendarOf(tx, actor.organizationId), today, input.internalDueBusinessDays)
      : input.internalDueOn;
    const existing = await routingsOfFolio(tx, actor.organizationId, folio.id);
    const problems = routingPlanProblems({
      folioStatus: folio.status,
      responsibleAreaId: input.responsibleAreaId,
      informedAreaIds: input.informedAreaIds,
      openSlips: existing
        .filter((r) => isOpenRouting(r.state))
        .map((r) => ({ areaId: r.areaId, role: r.role })),
      routedOn: today,
      internalDueOn,
      // The folio's due date is the local body's term: it binds only while the folio awaits it.
      folioDueOn: folio.status === 'pending_local' ? folio.dueOn : null,
    });
    if (problems.length) {
      const path = input.internalDueBusinessDays ? 'internalDueBusinessDays' : undefined;
      throw conflict(
        problems[0]!.message,
        problems.map((p) => (p.path === 'internalDueOn' && path ? { ...p, path } : p)),
      );
    }
    // With the SE's instruction required, the slips wait for it before their areas see them.
    const state = (await routingPolicyOf(tx, actor.organizationId)) ? 'proposed' : 'assigned';
    const rows = await insertRoutings(
      tx,
      ids.map((areaId) => ({
        folioId: folio.id,
        organizationId: actor.organizationId,
        areaId,
        role: areaId === input.responsibleAreaId ? ('responsible' as const) : ('informed' as const),
        instructions: input.instructions,
        internalDueOn,
        state,
        requiresInstruction: state === 'proposed',
        assignedBy: actor.userId,
      })),
    );
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.folio_routed',
      entityType: 'channel_folio',
      entityId: folio.id,
      before: null,
      after: {
        routings: rows.map((r) => r.id),
        responsibleAreaId: input.responsibleAreaId,
        informedAreaIds: input.informedAreaIds,
        instructions: input.instructions,
        internalDueOn,
        state,
      },
    });
    return { routingIds: rows.map((r) => r.id), internalDueOn };
  });
}
