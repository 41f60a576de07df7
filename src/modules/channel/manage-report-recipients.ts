import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, notFound } from '../platform/errors';
import type { ReportRecipientInput } from './contract-reports';
import { deleteReportRecipient, findReportRecipient, insertReportRecipient } from './report-repository';

// The distribution list of the fortnightly report: addresses unique per organization, any case.

export async function addReportRecipient(db: Db, actor: ScopedAuditActor, input: ReportRecipientInput) {
  return inTransaction(db, async (tx) => {
    const row = await insertReportRecipient(tx, {
      organizationId: actor.organizationId,
      email: input.email.trim(),
      name: input.name,
      createdBy: actor.userId,
    });
    if (!row) {
      throw new AppError('DUPLICATE', 409, [
        { path: 'email', message: `${input.email} ya está en la lista de distribución` },
      ]);
    }
    await recordAudit(tx, actor, {
      action: 'channel.report_recipient_add',
      entityType: 'channel_report_recipient',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function removeReportRecipient(db: Db, actor: ScopedAuditActor, id: string) {
  return inTransaction(db, async (tx) => {
    const row = await findReportRecipient(tx, actor.organizationId, id);
    if (!row) throw notFound();
    await deleteReportRecipient(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'channel.report_recipient_remove',
      entityType: 'channel_report_recipient',
      entityId: row.id,
      before: { email: row.email, name: row.name },
    });
  });
}
