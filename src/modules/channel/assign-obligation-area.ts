import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { existingAreaIds } from '../directory';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, invalid, notFound } from '../platform/errors';
import { formatFolioNumber } from './folio-number';
import { findObligation, setObligationArea } from './repository';

/**
 * Liaison staff of the local body choose which of its areas answers an obligation's months from now
 * on (or none: they answer themselves). Months already answered keep who answered them; the months
 * still owed move to the new area's queue. The national authority sees the obligation but does not
 * choose (403); another organization does not see it (404).
 */
export async function assignObligationArea(db: Db, actor: Actor, id: string, areaId: string | null) {
  return inTransaction(db, async (tx) => {
    const obligation = await findObligation(tx, actor.organizationId, id);
    if (!obligation) throw notFound();
    if (obligation.localOrgId !== actor.organizationId) {
      const message = 'El área que responde cada mes la designa el organismo local.';
      throw new AppError('FORBIDDEN', 403, [{ path: 'areaId', message }], message);
    }
    if (areaId && !(await existingAreaIds(tx, actor.organizationId, [areaId])).has(areaId)) {
      throw invalid([{ path: 'areaId', message: 'El área no existe en su organización.' }]);
    }
    await setObligationArea(tx, id, areaId);
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.obligation_area',
      entityType: 'channel_obligation',
      entityId: id,
      before: { areaId: obligation.areaId },
      after: { folio: formatFolioNumber(obligation), areaId },
    });
    return { areaId };
  });
}
