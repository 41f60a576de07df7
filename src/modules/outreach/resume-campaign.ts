import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import type { JobQueue } from '../platform/jobs/job-queue';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { Campaign } from './contract';
import { enqueueCampaign } from './jobs';
import { findCampaign, lockCampaignRow, updateCampaignRow } from './repository';

/** Resumes a paused campaign: back to `sending`, and a sending job is queued. */
export async function resumeCampaign(
  db: Db,
  jobs: JobQueue,
  actor: ScopedAuditActor,
  id: string,
): Promise<Campaign> {
  const resumed = await inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await lockCampaignRow(tx, orgId, id);
    if (!row) throw notFound();
    if (row.status !== 'paused')
      throw conflict('Solo se reanuda una campaña en pausa', [
        { path: 'status', message: 'La campaña no está en pausa' },
      ]);
    await updateCampaignRow(tx, orgId, id, { status: 'sending' });
    const after = (await findCampaign(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.campaign.resume',
      entityType: 'outreach_campaign',
      entityId: id,
      before: { status: 'paused' },
      after: { status: 'sending', progress: after.progress },
    });
    return after;
  });
  await enqueueCampaign(jobs, id);
  return resumed;
}
