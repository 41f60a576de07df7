import type { Config } from '../../platform/config/config';
import type { Db } from '../../platform/db/client';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { Mailer } from '../../platform/mail/mailer';
import { isPermanentFailure } from '../rules';
import { claimDelivery, deliveriesWithoutJob, finishDelivery } from './repository';
import { renderCommunication } from './rules';
import { SKIP_REASON } from './send-communication';

// Communications to registrants leave as durable jobs (pg-boss), one per delivery row. A job
// claims its row (queued → sending, one more attempt), re-checks consent and opt-out at that
// moment, sends through the platform's mailer and records the outcome: sent, or failed after
// MAX_ATTEMPTS (or at once on a 5xx answer); other failures go back to queued and the job is
// retried with backoff. A sweep each minute and every start-up re-queue deliveries whose job is
// gone. At-least-once, like campaigns (ADR 0014): a crash between the server's 250 and the
// commit repeats that one message, recognizable by its stable Message-ID.

export const DELIVERY_QUEUE = 'observers.delivery';
export const DELIVERY_SWEEP_QUEUE = 'observers.delivery-sweep';
export const MAX_ATTEMPTS = 5;
export const NO_SMTP = 'No hay un servidor de correo configurado (SMTP_HOST): el mensaje no se envió';

type DeliveryJob = { deliveryId: number };

/** Queues one job per delivery; without a running queue (tests, CLI) the sweep queues them later. */
export async function enqueueDeliveries(jobs: JobQueue, ids: number[]): Promise<void> {
  if (!ids.length) return;
  try {
    await jobs.insert(
      ids.map((deliveryId) => ({
        name: DELIVERY_QUEUE,
        data: { deliveryId } satisfies DeliveryJob,
        retryLimit: MAX_ATTEMPTS + 2,
        retryDelay: 15,
        retryBackoff: true,
        expireInSeconds: 5 * 60,
      })),
    );
  } catch {
    // The queue is not running in this process: the deliveries stay queued for the sweep.
  }
}

/** Sends one delivery; throws (so the job is retried) only for a transient failure. */
export async function deliver(db: Db, mailer: Mailer, config: Config, deliveryId: number): Promise<void> {
  const row = await claimDelivery(db, deliveryId);
  if (!row) return;
  if (!row.eligible || !row.email) {
    await finishDelivery(db, row.id, 'skipped', SKIP_REASON);
    return;
  }
  if (mailer.logOnly) {
    // A development install without SMTP_HOST: nothing may pretend to have been delivered.
    await finishDelivery(db, row.id, 'failed', NO_SMTP);
    return;
  }
  const host = new URL(config.publicUrl).hostname;
  const text = renderCommunication(row.body, { nombre: row.full_name ?? '' });
  try {
    await mailer.send({
      to: row.email,
      subject: row.subject,
      text:
        `${text}\n\n--\nRecibe este mensaje por su registro en la misión de acompañamiento. ` +
        'Para dejar de recibirlos o ejercer sus derechos de acceso, rectificación, cancelación u oposición, responda a este correo.',
      headers: { 'Message-ID': `<observers.${row.id}@${host}>` },
    });
  } catch (error) {
    const message = (error as Error).message?.slice(0, 500) ?? 'Error de envío';
    if (isPermanentFailure(error) || row.attempts >= MAX_ATTEMPTS) {
      await finishDelivery(db, row.id, 'failed', message);
      return;
    }
    await finishDelivery(db, row.id, 'queued', message);
    throw error;
  }
  await finishDelivery(db, row.id, 'sent');
}

async function sweep(db: Db, jobs: JobQueue) {
  await enqueueDeliveries(jobs, await deliveriesWithoutJob(db, DELIVERY_QUEUE));
}

export async function registerObserverJobs(
  queue: JobQueue,
  db: Db,
  mailer: Mailer,
  config: Config,
): Promise<void> {
  await queue.createQueue(DELIVERY_QUEUE);
  await queue.createQueue(DELIVERY_SWEEP_QUEUE);
  await queue.schedule(DELIVERY_SWEEP_QUEUE, '* * * * *', {});
  await queue.work<DeliveryJob>(DELIVERY_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) =>
    deliver(db, mailer, config, job!.data.deliveryId),
  );
  await queue.work(DELIVERY_SWEEP_QUEUE, async () => sweep(db, queue));
  await sweep(db, queue);
}
