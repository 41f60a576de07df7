import { todayInMexicoCity } from '../../shared/dates';
import type { Db } from '../platform/db/client';
import type { JobQueue } from '../platform/jobs/job-queue';
import { sendExpiryAlerts } from './send-expiry-alerts';

export const EXPIRY_ALERTS_QUEUE = 'agreements.expiry-alerts';

/**
 * Every day at 07:00 in Mexico City the expiry alerts due that day go out (docs/agreements-alerts.md).
 * pg-boss's schedule sends the cron job once however many instances run; the alert ledger keeps a
 * step from going out twice even if the job runs again.
 */
export async function registerAgreementsJobs(queue: JobQueue, db: Db, publicUrl: string): Promise<void> {
  await queue.createQueue(EXPIRY_ALERTS_QUEUE);
  await queue.schedule(EXPIRY_ALERTS_QUEUE, '0 7 * * *', {}, { tz: 'America/Mexico_City' });
  await queue.work(EXPIRY_ALERTS_QUEUE, async () => {
    await sendExpiryAlerts(db, queue, { on: todayInMexicoCity(), publicUrl });
  });
}
