import type { JobQueue, withinTransaction } from '../jobs/job-queue';
import type { Mailer, OutgoingMail } from './mailer';

/** The queue through which every e-mail leaves: retried with backoff when the server fails. */
export const MAIL_QUEUE = 'mail.send';

export async function registerMailWorker(queue: JobQueue, mailer: Mailer): Promise<void> {
  await queue.createQueue(MAIL_QUEUE);
  await queue.work<OutgoingMail>(MAIL_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await mailer.send(job!.data);
  });
}

/**
 * Queues a message; the job is retried with backoff while the server fails. Callers that must not
 * send twice (reminders, campaigns) keep their own ledger of what was queued, and pass
 * `withinTransaction(tx)` so the message is queued only if the ledger row commits.
 */
export async function queueMail(
  queue: JobQueue,
  mail: OutgoingMail,
  connection: Partial<ReturnType<typeof withinTransaction>> = {},
): Promise<string | null> {
  return queue.send(MAIL_QUEUE, mail, { retryLimit: 12, retryDelay: 1, retryBackoff: true, ...connection });
}
