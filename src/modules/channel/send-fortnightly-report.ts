import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { withinTransaction, type JobQueue } from '../platform/jobs/job-queue';
import { conflict, notFound } from '../platform/errors';
import { findReport, reportRecipients, updateReport } from './report-repository';

/** The durable queue through which fortnightly reports leave, with their files attached. */
export const REPORT_QUEUE = 'channel.send-report';

/** Retries of a report whose SMTP server fails for a while: 9 attempts over about an hour. */
export const REPORT_RETRY = { retryLimit: 8, retryDelay: 5, retryBackoff: true } as const;

/** The refusal to send when no SMTP server is configured (nothing would leave). */
export const noMail = () =>
  conflict(
    'No hay un servidor de correo configurado (SMTP_HOST): el informe no puede enviarse. Descárguelo y envíelo por otro medio.',
    [{ path: 'smtp', message: 'Configure SMTP_HOST para enviar informes por correo' }],
  );

/**
 * Queues a generated report for e-mail to the organization's distribution list as it is now. The
 * job (report-jobs.ts) sends one message with the DOCX and PDF to every address and records the
 * sending day in the ledger. A report already sent or queued is not sent again; a failed one may
 * be sent again. The job is queued in the same transaction as the state (it exists only if the
 * report is "queued"). Without an SMTP server the request is refused: nothing would leave.
 */
export async function sendFortnightlyReport(
  db: Db,
  jobs: JobQueue,
  actor: ScopedAuditActor,
  reportId: string,
  options: { mailConfigured: boolean },
) {
  return inTransaction(db, async (tx) => {
    const report = await findReport(tx, actor.organizationId, reportId);
    if (!report) throw notFound();
    if (report.state === 'sent') throw conflict('El informe ya se envió; se conserva con su fecha de envío.');
    if (report.state === 'queued') throw conflict('El informe ya está en cola de envío.');
    if (!options.mailConfigured) throw noMail();
    const recipients = (await reportRecipients(tx, actor.organizationId)).map((r) => r.email);
    if (!recipients.length) {
      throw conflict('La lista de distribución está vacía: agregue al menos un correo antes de enviar.', [
        { path: 'recipients', message: 'Agregue al menos un correo a la lista de distribución' },
      ]);
    }
    await updateReport(tx, report.id, { state: 'queued', recipients, lastError: null, queuedAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'channel.report_send',
      entityType: 'channel_report',
      entityId: report.id,
      before: { state: report.state, lastError: report.lastError },
      after: { state: 'queued', recipients },
    });
    await jobs.send(REPORT_QUEUE, { reportId: report.id }, { ...REPORT_RETRY, ...withinTransaction(tx) });
    return { id: report.id, recipients };
  });
}
