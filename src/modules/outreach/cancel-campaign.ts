import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Campaign } from './contract';
import { cancelOpenLedgerRows, findCampaign, lockCampaignRow, updateCampaignRow } from './repository';

/**
 * Cancels a scheduled, sending or paused campaign: it becomes `cancelled` and every ledger row not
 * yet sent becomes `cancelled`. Senders on any instance read the campaign's status every
 * STATUS_POLL_MS and stop before their next message, cancelling the rows they held; messages
 * already accepted by the SMTP server stay `sent`. Cannot be undone.
 */
export async function cancelCampaign(db: Db, actor: ScopedAuditActor, id: string): Promise<Campaign> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await lockCampaignRow(tx, orgId, id);
    if (!row) throw notFound();
    if (!['scheduled', 'sending', 'paused'].includes(row.status))
      throw conflict('Solo se cancela una campaña programada, en envío o en pausa', [
        { path: 'status', message: 'La campaña no está programada, en envío ni en pausa' },
      ]);
    const before = (await findCampaign(tx, orgId, id))!;
    await updateCampaignRow(tx, orgId, id, { status: 'cancelled', finishedAt: new Date() });
    const cancelledRows = await cancelOpenLedgerRows(tx, orgId, id);
    const after = (await findCampaign(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.campaign.cancel',
      entityType: 'outreach_campaign',
      entityId: id,
      before: { status: before.status, progress: before.progress },
      after: { status: after.status, cancelledRows, progress: after.progress },
    });
    return after;
  });
}
