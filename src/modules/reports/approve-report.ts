import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import { findAgreement } from '../governance';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { compareDocuments, programProblems, withProgramProblems } from './check-report';
import type { ReportDetail } from './contract';
import { freshDocument } from './generate-report';
import * as repo from './repository';
import { reportDetail } from './report-view';

/**
 * Marks a draft approved by an agreement of its body adopted after the period closed. The check
 * must pass; the latest version is then frozen: it is what every download renders from then on.
 */
export async function approveReport(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  agreementId: string,
): Promise<ReportDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.findReportRow(tx, orgId, id, true);
    if (!row) throw notFound();
    if (row.status === 'approved') throw conflict('El informe ya fue aprobado.');
    const approving = await findAgreement(tx, orgId, agreementId);
    if (!approving) throw invalid([{ path: 'agreementId', message: 'El acuerdo no existe' }]);
    if (approving.bodyId !== row.bodyId)
      throw invalid([{ path: 'agreementId', message: 'El acuerdo es de otro órgano colegiado' }]);
    if (approving.adoptedOn <= row.periodTo)
      throw invalid([
        {
          path: 'agreementId',
          message: 'El acuerdo debe adoptarse después de concluido el periodo del informe',
        },
      ]);
    const latest = await repo.latestVersion(tx, orgId, id);
    if (!latest) throw notFound();
    const check = withProgramProblems(
      compareDocuments(latest.document, await freshDocument(tx, orgId, row), row.narrative),
      await programProblems(tx, orgId, { from: row.periodFrom, to: row.periodTo }),
    );
    if (!check.ok)
      throw conflict(
        'El informe no pasa la revisión de consistencia: regenérelo o corrija los registros antes de aprobarlo.',
        check.problems.slice(0, 20).map((p) => ({ path: p.kind, message: `${p.where}: ${p.message}` })),
      );
    const before = await reportDetail(tx, orgId, id);
    await repo.updateReportRow(tx, orgId, id, {
      status: 'approved',
      approvedByAgreementId: approving.id,
      approvedOn: approving.adoptedOn,
    });
    const after = await reportDetail(tx, orgId, id);
    await recordAudit(tx, actor, {
      action: 'report.approve',
      entityType: 'report',
      entityId: id,
      before: { ...before, document: undefined },
      after: { ...after, document: undefined, frozenVersion: latest.number },
    });
    return after;
  });
}
