import { eq } from 'drizzle-orm';
import { organization } from '../accounts/schema';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../platform/db/client';
import { readFile } from '../platform/files/store-file';
import type { JobQueue } from '../platform/jobs/job-queue';
import type { Mailer } from '../platform/mail/mailer';
import { todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';
import { fortnightOf, fortnightPeriod, fortnightTitle, lastEndedFortnight, reportSendDay } from './fortnight';
import { generateFortnightlyReport, reportFilename } from './generate-fortnightly-report';
import { findReportByPeriod, organizationsWithRecipients, updateReport } from './report-repository';
import { channelReport } from './report-schema';
import { REPORT_QUEUE, sendFortnightlyReport } from './send-fortnightly-report';

export const FORTNIGHTLY_QUEUE = 'channel.fortnightly-report';

/** Sends one queued report: one message to the whole list, DOCX and PDF attached. */
export async function deliverReport(db: Db, mailer: Mailer, reportId: string, now = new Date()) {
  const [report] = await db.select().from(channelReport).where(eq(channelReport.id, reportId));
  if (!report || report.state === 'sent') return;
  const [docx, pdf] = await Promise.all([readFile(db, report.docxSha256), readFile(db, report.pdfSha256)]);
  if (!docx || !pdf) throw new Error(`report ${reportId}: files missing`);
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
    await updateReport(db, report.id, { lastError: String((error as Error).message ?? error).slice(0, 500) });
    throw error;
  }
  const sentOn = todayInMexicoCity(now);
  await db.transaction(async (tx) => {
    await updateReport(tx, report.id, { state: 'sent', sentOn, sentAt: now, lastError: null });
    await recordAudit(
      tx,
      { userId: null, label: 'Vincula (envío de correo)', organizationId: report.organizationId },
      {
        action: 'channel.report_sent',
        entityType: 'channel_report',
        entityId: report.id,
        after: { sentOn, recipients: report.recipients },
      },
    );
  });
}

/**
 * For every organization with a distribution list: once the first weekday after a fortnight has
 * come, its report is generated and queued, unless one was already sent or queued by hand.
 */
export async function sendDueReports(db: Db, jobs: JobQueue, today: LocalDate): Promise<number> {
  const fortnight = lastEndedFortnight(today);
  if (today < reportSendDay(fortnight)) return 0;
  let queued = 0;
  for (const orgId of await organizationsWithRecipients(db)) {
    const existing = await findReportByPeriod(db, orgId, fortnightPeriod(fortnight).from);
    if (existing && existing.state !== 'generated') continue;
    const actor = { userId: null, label: 'Vincula (informe quincenal automático)', organizationId: orgId };
    const report = await generateFortnightlyReport(db, actor, fortnight, today);
    await sendFortnightlyReport(db, jobs, actor, report.id);
    queued++;
  }
  return queued;
}

/** The report worker, and a daily check at 09:00 in Mexico City for reports due to go out. */
export async function registerChannelReportJobs(queue: JobQueue, db: Db, mailer: Mailer): Promise<void> {
  await queue.createQueue(REPORT_QUEUE);
  await queue.work<{ reportId: string }>(REPORT_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await deliverReport(db, mailer, job!.data.reportId);
  });
  await queue.createQueue(FORTNIGHTLY_QUEUE);
  await queue.schedule(FORTNIGHTLY_QUEUE, '0 9 * * *', {}, { tz: 'America/Mexico_City' });
  await queue.work(FORTNIGHTLY_QUEUE, async () => {
    await sendDueReports(db, queue, todayInMexicoCity());
  });
}
