import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { Session, SessionCancellationInput } from './contract';
import * as repo from './repository';
import { cancellationProblem } from './rules';
import { sendFollowUpNotice, type NoticeServices } from './convene-session';
import { findSession, statusOfRow } from './session-view';

/**
 * Cancels a convened session that was not held, with its reason. The session stays on record
 * (it was convened) but takes no attendance, agreements or agenda changes from then on.
 */
export async function cancelSession(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  input: SessionCancellationInput,
  services: NoticeServices,
  today = todayInMexicoCity(),
): Promise<Session> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.lockSessionRow(tx, orgId, sessionId);
    if (!row) throw notFound();
    const problem = cancellationProblem(await statusOfRow(tx, orgId, row));
    if (problem) throw conflict(problem);
    const before = (await findSession(tx, orgId, sessionId))!;
    await repo.updateSessionRow(tx, orgId, sessionId, {
      cancelledOn: today,
      cancellationReason: input.reason,
    });
    // Convened: each person convened receives the calendar's cancellation (METHOD:CANCEL).
    await sendFollowUpNotice(tx, actor, services, sessionId, 'cancellation');
    const after = (await findSession(tx, orgId, sessionId))!;
    await recordAudit(tx, actor, {
      action: 'body_session.cancel',
      entityType: 'body_session',
      entityId: sessionId,
      before,
      after,
    });
    return after;
  });
}
