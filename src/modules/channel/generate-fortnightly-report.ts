import { eq } from 'drizzle-orm';
import { organization } from '../accounts/schema';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { storeFile } from '../platform/files/store-file';
import { conflict, invalid } from '../platform/errors';
import { renderDocx, renderPdf } from '../platform/documents/letterhead';
import { organizationLetterhead } from '../platform/documents/letterhead-settings';
import { formatDate } from '../../shared/spanish-dates';
import type { LocalDate } from '../../shared/dates';
import { channelStatistics } from './channel-statistics';
import { fortnightPeriod, fortnightTitle, type Fortnight } from './fortnight';
import { monthlyStatusTable } from './monthly-status-table';
import { fortnightlyReportDocument } from './report-document';
import { findReportByPeriod, saveReport, type ReportRow } from './report-repository';

/** "estadistica-canal-2024-01-1": the file name of a report, without extension. */
export function reportFilename(periodFrom: LocalDate): string {
  return `estadistica-canal-${periodFrom.slice(0, 7)}-${periodFrom.slice(8, 10) === '01' ? 1 : 2}`;
}

/**
 * Generates the fortnightly statistical report of a period (DOCX and PDF), stores both files by
 * SHA-256 and records it in the ledger. A report not sent yet is replaced; a sent one is kept as
 * it was sent. Statuses are counted as of the period's last day, or `today` while it is running.
 */
export async function generateFortnightlyReport(
  db: Db,
  actor: ScopedAuditActor,
  fortnight: Fortnight,
  today: LocalDate,
): Promise<ReportRow> {
  const { from, to } = fortnightPeriod(fortnight);
  if (from > today) {
    throw invalid([
      { path: 'month', message: `La ${fortnightTitle(fortnight).toLowerCase()} aún no comienza.` },
    ]);
  }
  const asOf = to < today ? to : today;
  const orgId = actor.organizationId;
  return inTransaction(db, async (tx) => {
    const existing = await findReportByPeriod(tx, orgId, from);
    if (existing && existing.state !== 'generated' && existing.state !== 'failed') {
      throw conflict(
        existing.state === 'sent'
          ? 'El informe de esa quincena ya se envió; se conserva tal como se envió.'
          : 'El informe de esa quincena está en cola de envío.',
      );
    }
    const [org] = await tx
      .select({ name: organization.name })
      .from(organization)
      .where(eq(organization.id, orgId));
    const yearFrom = `${fortnight.year}-01-01`;
    const [fu, co, fuYear, coYear] = await Promise.all([
      channelStatistics(tx, orgId, { module: 'follow_up', from, to, asOf }),
      channelStatistics(tx, orgId, { module: 'consultation', from, to, asOf }),
      monthlyStatusTable(tx, orgId, { module: 'follow_up', from: yearFrom, to, asOf }),
      monthlyStatusTable(tx, orgId, { module: 'consultation', from: yearFrom, to, asOf }),
    ]);
    const model = {
      ...fortnightlyReportDocument({
        organizationName: org?.name ?? '',
        fortnight,
        asOf,
        fortnightStats: { follow_up: fu, consultation: co },
        yearTables: { follow_up: fuYear, consultation: coYear },
      }),
      letterhead: {
        ...(await organizationLetterhead(tx, orgId)),
        body: 'Informe estadístico quincenal del canal INE–OPLE',
        issuedOn: formatDate(today),
      },
    };
    const name = reportFilename(from);
    const [docx, pdf] = await Promise.all([renderDocx(model, name), renderPdf(model, name)]);
    const row = await saveReport(tx, {
      organizationId: orgId,
      periodFrom: from,
      periodTo: to,
      asOf,
      docxSha256: await storeFile(tx, docx.body, docx.contentType),
      pdfSha256: await storeFile(tx, pdf.body, pdf.contentType),
      generatedBy: actor.userId,
      state: 'generated',
    });
    await recordAudit(tx, actor, {
      action: 'channel.report_generate',
      entityType: 'channel_report',
      entityId: row.id,
      before: existing
        ? { docxSha256: existing.docxSha256, pdfSha256: existing.pdfSha256, asOf: existing.asOf }
        : null,
      after: { periodFrom: from, periodTo: to, asOf, docxSha256: row.docxSha256, pdfSha256: row.pdfSha256 },
    });
    return row;
  });
}
