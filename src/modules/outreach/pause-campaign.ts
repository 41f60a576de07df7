import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Campaign } from './contract';
import { findCampaign, lockCampaignRow, updateCampaignRow } from './repository';

/**
 * Pauses a sending campaign. Senders on any instance notice within STATUS_POLL_MS, stop before
 * their next message and put the rows they held back in the queue; nothing is lost or skipped.
 */
export async function pauseCampaign(db: Db, actor: ScopedAuditActor, id: string): Promise<Campaign> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await lockCampaignRow(tx, orgId, id);
    if (!row) throw notFound();
    if (row.status !== 'sending')
      throw conflict('Solo se pausa una campaña en envío', [
        { path: 'status', message: 'La campaña no se está enviando' },
      ]);
    await updateCampaignRow(tx, orgId, id, { status: 'paused' });
    const after = (await findCampaign(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.campaign.pause',
      entityType: 'outreach_campaign',
      entityId: id,
      before: { status: 'sending' },
      after: { status: 'paused', progress: after.progress },
    });
    return after;
  });
}
