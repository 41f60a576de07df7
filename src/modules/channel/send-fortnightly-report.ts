import type { ScopedAuditActor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { JobQueue } from '../platform/jobs/job-queue';
import { conflict, notFound } from '../platform/http/errors';
import { findReport, reportRecipients, updateReport } from './report-repository';

/** The durable queue through which fortnightly reports leave, with their files attached. */
export const REPORT_QUEUE = 'channel.send-report';

/**
 * Queues a generated report for e-mail to the organization's distribution list as it is now. The
 * job (report-jobs.ts) sends one message with the DOCX and PDF to every address and records the
 * sending day in the ledger. A report already sent or queued is not sent again.
 */
export async function sendFortnightlyReport(
  db: Db,
  jobs: JobQueue,
  actor: ScopedAuditActor,
  reportId: string,
) {
  const queued = await inTransaction(db, async (tx) => {
    const report = await findReport(tx, actor.organizationId, reportId);
    if (!report) throw notFound();
    if (report.state === 'sent') throw conflict('El informe ya se envió; se conserva con su fecha de envío.');
    if (report.state === 'queued') throw conflict('El informe ya está en cola de envío.');
    const recipients = (await reportRecipients(tx, actor.organizationId)).map((r) => r.email);
    if (!recipients.length) {
      throw conflict('La lista de distribución está vacía: agregue al menos un correo antes de enviar.', [
        { path: 'recipients', message: 'Agregue al menos un correo a la lista de distribución' },
      ]);
    }
    await updateReport(tx, report.id, { state: 'queued', recipients, lastError: null });
    await recordAudit(tx, actor, {
      action: 'channel.report_send',
      entityType: 'channel_report',
      entityId: report.id,
      before: { state: report.state },
      after: { state: 'queued', recipients },
    });
    return { id: report.id, recipients };
  });
  await jobs.send(
    REPORT_QUEUE,
    { reportId: queued.id },
    { retryLimit: 8, retryDelay: 5, retryBackoff: true },
  );
  return queued;
}
