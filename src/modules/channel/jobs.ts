import type { Db } from '../platform/db/client';
import type { JobQueue } from '../platform/jobs/job-queue';
import { todayInMexicoCity } from '../../shared/dates';
import { createDueOccurrences } from './create-due-occurrences';

export const OCCURRENCES_QUEUE = 'channel.create-occurrences';

/** Every day at 06:00 in Mexico City, recurring obligations get their coming months. */
export async function registerChannelJobs(queue: JobQueue, db: Db): Promise<void> {
  await queue.createQueue(OCCURRENCES_QUEUE);
  await queue.schedule(OCCURRENCES_QUEUE, '0 6 * * *', {}, { tz: 'America/Mexico_City' });
  await queue.work(OCCURRENCES_QUEUE, async () => {
    await createDueOccurrences(db, todayInMexicoCity());
  });
}
