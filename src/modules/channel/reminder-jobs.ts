import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import type { JobQueue } from '../platform/jobs/job-queue';
import { todayInMexicoCity } from '../../shared/dates';
import { sendDueReminders } from './send-due-reminders';

export const REMINDERS_QUEUE = 'channel.routing-reminders';

/**
 * Every day at 07:00 in Mexico City, areas are reminded of the slips and the months of recurring
 * obligations due soon and today. The
 * schedule is durable (pg-boss); the ledger keeps each reminder to one message.
 */
export async function registerChannelReminderJobs(queue: JobQueue, db: Db, config: Config): Promise<void> {
  await queue.createQueue(REMINDERS_QUEUE);
  await queue.schedule(REMINDERS_QUEUE, '0 7 * * *', {}, { tz: 'America/Mexico_City' });
  await queue.work(REMINDERS_QUEUE, async () => {
    await sendDueReminders(
      db,
      queue,
      todayInMexicoCity(),
      config.channel.reminderBusinessDays,
      config.publicUrl,
    );
  });
}
