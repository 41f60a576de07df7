import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { Session } from './contract';
import * as repo from './repository';
import { minutesApprovalProblem } from './rules';
import { findSession } from './session-view';

/**
 * Links a session's minutes to the agreement of a later session that approved them. From then on
 * the session's minutes, attendance and agreements are frozen.
 */
export async function approveMinutes(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  agreementId: string,
): Promise<Session> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.lockSessionRow(tx, orgId, sessionId);
    if (!row) throw notFound();
    const before = (await findSession(tx, orgId, sessionId))!;
    if (row.minutesApprovedBy) {
      throw conflict(
        `La minuta de la ${before.name} ya fue aprobada (Acuerdo ${before.minutesApprovedBy!.number}).`,
      );
    }
    const approving = await repo.findAgreement(tx, orgId, agreementId);
    if (!approving) throw invalid([{ path: 'agreementId', message: 'El acuerdo no existe' }]);
    const approvingSession = approving.sessionId
      ? await repo.findSessionRow(tx, orgId, approving.sessionId)
      : undefined;
    const problem = minutesApprovalProblem(
      { bodyId: row.bodyId, heldOn: row.heldOn },
      approvingSession ? { bodyId: approving.bodyId, heldOn: approvingSession.heldOn } : null,
    );
    if (problem) throw conflict(`${problem}.`, [{ path: 'agreementId', message: problem }]);
    await repo.updateSessionRow(tx, orgId, sessionId, { minutesApprovedBy: agreementId });
    const after = (await findSession(tx, orgId, sessionId))!;
    await recordAudit(tx, actor, {
      action: 'body_session.approve_minutes',
      entityType: 'body_session',
      entityId: sessionId,
      before,
      after,
    });
    return after;
  });
}
