import { eq } from 'drizzle-orm';
import { organization } from '../accounts/schema';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { readFile } from '../platform/files/store-file';
import type { JobQueue } from '../platform/jobs/job-queue';
import type { Mailer } from '../platform/mail/mailer';
import { z } from 'zod';
import { LocalDateSchema, todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';
import { fortnightOf, fortnightPeriod, fortnightTitle, lastEndedFortnight, reportSendDay } from './fortnight';
import { generateFortnightlyReport, reportFilename } from './generate-fortnightly-report';
import {
  failQueuedReport,
  findReportByPeriod,
  organizationsWithRecipients,
  reportsQueuedBefore,
  updateReport,
} from './report-repository';
import { channelReport } from './report-schema';
import { REPORT_QUEUE, sendFortnightlyReport } from './send-fortnightly-report';

export const FORTNIGHTLY_QUEUE = 'channel.fortnightly-report';

/** SMTP answers that will not change by retrying (5xx): the server refuses the message or an address. */
export function isPermanentMailFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** What the ledger shows when sending failed: the server's answer, in one line. */
export function describeMailFailure(error: unknown): string {
  const e = error as { message?: unknown; response?: unknown } | null;
  const text = typeof e?.response === 'string' ? e.response : String(e?.message ?? error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** Why a report is not sent on an installation without an SMTP server. */
export const NO_SMTP_MESSAGE =
  'No hay un servidor de correo configurado (SMTP_HOST): el informe no se envió. Descárguelo y envíelo por otro medio, o configure el correo y vuelva a enviarlo.';

/** The attempt of the sending job: pg-boss's retry count and limit (the first attempt is 0). */
export type Attempt = { retryCount: number; retryLimit: number };

/**
 * Sends one queued report: one message to the whole list, DOCX and PDF attached. A failure is
 * written to the ledger at once (the UI shows it while the job retries); a permanent refusal
 * (SMTP 5xx) or the failure of the last attempt marks the report failed, and a person may send
 * it again. Without an SMTP server nothing is pretended: the report is marked failed with
 * NO_SMTP_MESSAGE instead of sent.
 */
export async function deliverReport(
  db: Db,
  mailer: Mailer,
  reportId: string,
  attempt: Attempt = { retryCount: 0, retryLimit: 0 },
  now = new Date(),
) {
  const [report] = await db.select().from(channelReport).where(eq(channelReport.id, reportId));
  if (!report || report.state !== 'queued') return;
  const system = { userId: null, label: 'Vincula (envío de correo)', organizationId: report.organizationId };
  const fail = async (message: string) =>
    db.transaction(async (tx) => {
      await updateReport(tx, report.id, { state: 'failed', lastError: message });
      await recordAudit(tx, system, {
        action: 'channel.report_send_failed',
        entityType: 'channel_report',
        entityId: report.id,
        before: { state: 'queued' },
        after: { state: 'failed', lastError: message, attempts: attempt.retryCount + 1 },
      });
    });
  if (mailer.logOnly) return fail(NO_SMTP_MESSAGE);
  const [docx, pdf] = await Promise.all([readFile(db, report.docxSha256), readFile(db, report.pdfSha256)]);
  if (!docx || !pdf) return fail('Faltan los archivos del informe: vuelva a generarlo antes de enviarlo.');
  const [org] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, report.organizationId));
  const title = fortnightTitle(fortnightOf(report.periodFrom));
  const name = reportFilename(report.periodFrom);
  try {
    await mailer.send({
      to: report.recipients.join(', '),
      subject: `Estadística del canal INE–OPLE: ${title}`,
      text: [
        `${org?.name ?? ''}`,
        '',
        `Se adjunta la estadística del canal INE–OPLE de la ${title.toLowerCase()} (del ${formatDate(report.periodFrom)} al ${formatDate(report.periodTo)}), con el estatus de los folios al ${formatDate(report.asOf)}, en formatos Word y PDF.`,
      ].join('\n'),
      attachments: [
        { filename: `${name}.docx`, content: docx.content, contentType: docx.mediaType },
        { filename: `${name}.pdf`, content: pdf.content, contentType: pdf.mediaType },
      ],
    });
  } catch (error) {
    const message = describeMailFailure(error);
    if (isPermanentMailFailure(error)) return fail(`El servidor de correo rechazó el envío: ${message}`);
    if (attempt.retryCount >= attempt.retryLimit)
      return fail(`No se pudo enviar tras ${attempt.retryCount + 1} intentos: ${message}`);
    // Still queued: the job is retried with backoff; the ledger says why it has not gone yet.
    await updateReport(db, report.id, { lastError: `Reintentando; último error: ${message}` });
    throw error;
  }
  const sentOn = todayInMexicoCity(now);
  await db.transaction(async (tx) => {
    await updateReport(tx, report.id, { state: 'sent', sentOn, sentAt: now, lastError: null });
    await recordAudit(tx, system, {
      action: 'channel.report_sent',
      entityType: 'channel_report',
      entityId: report.id,
      after: { sentOn, recipients: report.recipients },
    });
  });
}

/**
 * Hours after which a report still queued has lost its sender: the queue's nine attempts take
 * about an hour, or a few hours if each attempt's worker died and the attempt expired.
 */
export const ABANDONED_AFTER_HOURS = 6;

export const ABANDONED_MESSAGE =
  'El envío no terminó: el proceso que lo enviaba se interrumpió. Envíelo de nuevo.';

/**
 * Reports queued for longer than ABANDONED_AFTER_HOURS become failed, so that a person sees it and
 * sends them again (the daily check runs this first). Returns how many.
 */
export async function failAbandonedReports(db: Db, now = new Date()): Promise<number> {
  const stuck = await reportsQueuedBefore(db, new Date(now.getTime() - ABANDONED_AFTER_HOURS * 3600_000));
  let failed = 0;
  for (const report of stuck) {
    const system = {
      userId: null,
      label: 'Vincula (envío de correo)',
      organizationId: report.organizationId,
    };
    failed += await db.transaction(async (tx) => {
      // Only if still queued: a sender that finished meanwhile wins.
      const changed = await failQueuedReport(tx, report.id, ABANDONED_MESSAGE);
      if (!changed) return 0;
      await recordAudit(tx, system, {
        action: 'channel.report_send_abandoned',
        entityType: 'channel_report',
        entityId: report.id,
        before: { state: 'queued', queuedAt: report.queuedAt },
        after: { state: 'failed', lastError: ABANDONED_MESSAGE },
      });
      return 1;
    });
  }
  return failed;
}

/**
 * For every organization with a distribution list: once the first weekday after a fortnight has
 * come, its report is generated and queued, unless one was already sent, queued or failed (a
 * failed report waits for a person to send it again). Without an SMTP server the report is
 * generated and left unsent with NO_SMTP_MESSAGE, once.
 */
export async function sendDueReports(
  db: Db,
  jobs: JobQueue,
  mailer: Pick<Mailer, 'logOnly'>,
  today: LocalDate,
): Promise<number> {
  const fortnight = lastEndedFortnight(today);
  if (today < reportSendDay(fortnight)) return 0;
  let queued = 0;
  for (const orgId of await organizationsWithRecipients(db)) {
    const existing = await findReportByPeriod(db, orgId, fortnightPeriod(fortnight).from);
    if (existing && existing.state !== 'generated') continue;
    if (existing && mailer.logOnly && existing.lastError) continue;
    const actor = { userId: null, label: 'Vincula (informe quincenal automático)', organizationId: orgId };
    const report = await generateFortnightlyReport(db, actor, fortnight, today);
    if (mailer.logOnly) {
      await updateReport(db, report.id, { lastError: NO_SMTP_MESSAGE });
      continue;
    }
    await sendFortnightlyReport(db, jobs, actor, report.id, { mailConfigured: true });
    queued++;
  }
  return queued;
}

/** Data of the daily check: `today` replaces the day in Mexico City (a missed day re-run by hand). */
const DueReportsJobSchema = z.object({ today: LocalDateSchema.optional() });

/** The report worker, and a daily check at 09:00 in Mexico City for reports due to go out. */
export async function registerChannelReportJobs(queue: JobQueue, db: Db, mailer: Mailer): Promise<void> {
  await queue.createQueue(REPORT_QUEUE);
  await queue.work<{ reportId: string }>(
    REPORT_QUEUE,
    { pollingIntervalSeconds: 1, includeMetadata: true },
    async ([job]) => {
      await deliverReport(db, mailer, job!.data.reportId, job!);
    },
  );
  await queue.createQueue(FORTNIGHTLY_QUEUE);
  await queue.schedule(FORTNIGHTLY_QUEUE, '0 9 * * *', {}, { tz: 'America/Mexico_City' });
  await queue.work(FORTNIGHTLY_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const data = DueReportsJobSchema.parse(job?.data ?? {});
    await failAbandonedReports(db);
    await sendDueReports(db, queue, mailer, data.today ?? todayInMexicoCity());
  });
}
