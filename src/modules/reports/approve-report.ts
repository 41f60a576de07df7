import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import { findAgreement } from '../governance';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { compareDocuments, programProblems, withProgramProblems } from './check-report';
import type { Block, ReportDetail, ReportDocument } from './contract';
import { freshDocument } from './generate-report';
import * as repo from './repository';
import { reportDetail } from './report-view';

/** `doc` with the signature block of `signedBy`, or `doc` itself when they already agree. */
export function withSignaturesOf(doc: ReportDocument, signedBy: ReportDocument): ReportDocument {
  const isSignatures = (b: Block) => b.type === 'signatures';
  const block = signedBy.blocks.find(isSignatures);
  const current = doc.blocks.find(isSignatures);
  if (JSON.stringify(block) === JSON.stringify(current)) return doc;
  const at = doc.blocks.findIndex(isSignatures);
  const blocks: Block[] = doc.blocks.filter((b) => !isSignatures(b));
  if (block) {
    // In its place, or else before the annexes (or at the end).
    const annexes = blocks.findIndex(
      (b) => b.type === 'heading' && b.level === 1 && b.text.startsWith('VI.'),
    );
    blocks.splice(at >= 0 ? at : annexes >= 0 ? annexes : blocks.length, 0, block);
  }
  return { ...doc, blocks };
}

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
    const fresh = await freshDocument(tx, orgId, row, approving.adoptedOn);
    const check = withProgramProblems(
      compareDocuments(latest.document, fresh, row.narrative),
      await programProblems(tx, orgId, { from: row.periodFrom, to: row.periodTo }),
    );
    if (!check.ok)
      throw conflict(
        'El informe no pasa la revisión de consistencia: regenérelo o corrija los registros antes de aprobarlo.',
        check.problems.slice(0, 20).map((p) => ({ path: p.kind, message: `${p.where}: ${p.message}` })),
      );
    // The draft named the signers of its period's last day; the approved report is signed by
    // those holding the seats on the approval day: the frozen version carries them.
    const signed = withSignaturesOf(latest.document, fresh);
    const frozenVersion =
      signed === latest.document
        ? latest.number
        : await repo.insertVersion(tx, orgId, id, signed, actor.label);
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
      after: { ...after, document: undefined, frozenVersion },
    });
    return after;
  });
}
