import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { auditActor, type Actor } from './actor';
import { delegationStatus, type Delegation } from './delegation-contract';
import {
  findDelegation,
  lockAbsentUser,
  markDelegationEnded,
  organizationToday,
  presentDelegation,
} from './delegation-repository';

/**
 * An administrator ends a delegation before its last day (the absent person came back), or cancels
 * one still to come. One already over is left as it is (409).
 */
export async function endDelegation(db: Db, actor: Actor, id: string): Promise<Delegation> {
  return inTransaction(db, async (tx) => {
    const org = actor.organizationId;
    const found = await findDelegation(tx, org, id);
    if (!found) throw notFound();
    await lockAbsentUser(tx, found.absentId);
    const current = (await findDelegation(tx, org, id))!;
    const today = await organizationToday(tx, org);
    const status = delegationStatus({ ...current, ended: current.endedAt !== null }, today);
    if (status === 'ended' || status === 'finished') {
      const message = 'La suplencia ya terminó.';
      throw conflict(message, [{ path: 'delegation', message }]);
    }
    await markDelegationEnded(tx, id, actor.userId);
    await recordAudit(tx, auditActor(actor), {
      action: 'delegation.end',
      entityType: 'delegation',
      entityId: id,
      before: { status, endsOn: current.endsOn },
      after: { status: 'ended' },
    });
    return presentDelegation((await findDelegation(tx, org, id))!, today);
  });
}
