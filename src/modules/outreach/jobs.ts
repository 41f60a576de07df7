import { sql } from 'drizzle-orm';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import type { JobQueue } from '../platform/jobs/job-queue';
import { rowsOf } from './repository';
import { sendCampaign, type SenderOptions } from './send-campaign';
import { beginSending } from './start-campaign';

// Campaign sending runs as durable jobs (pg-boss): one job sends for up to four minutes and, if
// rows remain, queues its continuation (at once, or when the next retry or lease is due). On
// start-up every instance queues a job for each campaign left `sending` (a crash or restart
// resumes it), and a sweep each minute does the same for campaigns without a queued or running
// job (an instance that died while another keeps serving), and cancels the rows of cancelled
// campaigns that a dead sender left claimed. Paused campaigns are not resumed (resumeCampaign
// queues their job).

export const CAMPAIGN_QUEUE = 'outreach.campaign';
export const SWEEP_QUEUE = 'outreach.campaign-sweep';

type CampaignJob = { campaignId: string };

export async function enqueueCampaign(jobs: JobQueue, campaignId: string, at?: Date): Promise<void> {
  try {
    await jobs.send(CAMPAIGN_QUEUE, { campaignId } satisfies CampaignJob, {
      ...(at ? { startAfter: at } : {}),
      retryLimit: 0,
      expireInSeconds: 15 * 60,
    });
  } catch {
    // The queue is not running in this process (tests, CLI): the sweep or the next start-up
    // resumes the campaign, which is already recorded as sending or scheduled.
  }
}

async function campaignsToResume(db: Db, onlyWithoutJob: boolean) {
  return rowsOf<{ id: string; scheduled_at: Date | string | null; status: string }>(
    db,
    sql`select c.id, c.scheduled_at, c.status from outreach_campaign c
      where c.status in ('sending', 'scheduled')
      ${
        onlyWithoutJob
          ? sql`and not exists (select 1 from pgboss.job j where j.name = ${CAMPAIGN_QUEUE}
              and j.state in ('created', 'retry', 'active') and j.data->>'campaignId' = c.id::text)`
          : sql``
      }`,
  );
}

async function resume(db: Db, jobs: JobQueue, onlyWithoutJob: boolean) {
  for (const c of await campaignsToResume(db, onlyWithoutJob)) {
    const at = c.status === 'scheduled' && c.scheduled_at ? new Date(c.scheduled_at) : undefined;
    await enqueueCampaign(jobs, c.id, at && at.getTime() > Date.now() ? at : undefined);
  }
}

/** Rows of cancelled campaigns left `sending` by a sender that died before it saw the cancellation. */
async function cancelAbandonedRows(db: Db) {
  await db.execute(sql`update outreach_ledger l set status = 'cancelled', lease_until = null
    from outreach_campaign c
    where c.id = l.campaign_id and c.status = 'cancelled' and l.status in ('queued', 'sending')
      and (l.lease_until is null or l.lease_until < now())`);
}

export async function registerOutreachJobs(
  queue: JobQueue,
  db: Db,
  config: Config,
  options: SenderOptions = {},
): Promise<void> {
  await queue.createQueue(CAMPAIGN_QUEUE);
  await queue.createQueue(SWEEP_QUEUE);
  await queue.schedule(SWEEP_QUEUE, '* * * * *', {});
  await queue.work<CampaignJob>(CAMPAIGN_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const { campaignId } = job!.data;
    if (!(await beginSending(db, campaignId))) return;
    const outcome = await sendCampaign(db, config, campaignId, options);
    if (outcome.kind === 'again') await enqueueCampaign(queue, campaignId, outcome.at);
  });
  await queue.work(SWEEP_QUEUE, async () => {
    await resume(db, queue, true);
    await cancelAbandonedRows(db);
  });
  await resume(db, queue, false);
}
