import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid } from '../platform/errors';
import { formatDateRange } from '../../shared/spanish-dates';
import { auditActor, type Actor } from './actor';
import {
  delegationPeopleProblems,
  delegationPeriodProblems,
  overlappingDelegation,
  type Delegation,
  type DelegationInput,
} from './delegation-contract';
import {
  delegationsOfAbsent,
  findDelegation,
  findMember,
  insertDelegation,
  lockAbsentUser,
  organizationToday,
  presentDelegation,
} from './delegation-repository';

/**
 * An administrator records that one user acts for another during a period (ADR 0035): both users
 * of the administrator's organization, the acting one active, a period that reaches today, and no
 * other delegation of the same absent person on any of its days. Nothing is written otherwise.
 */
export async function recordDelegation(
  db: Db,
  actor: Actor,
  input: Required<DelegationInput>,
): Promise<Delegation> {
  return inTransaction(db, async (tx) => {
    const org = actor.organizationId;
    const today = await organizationToday(tx, org);
    const problems = [
      ...delegationPeopleProblems(input.absentUserId, input.actingUserId),
      ...delegationPeriodProblems(input.startsOn, input.endsOn, today),
    ];
    const [absent, acting] = await Promise.all([
      findMember(tx, org, input.absentUserId),
      findMember(tx, org, input.actingUserId),
    ]);
    if (!absent) {
      problems.push({
        path: 'absentUserId',
        message: 'La persona ausente no es usuaria de su organización.',
      });
    }
    if (!acting) {
      problems.push({ path: 'actingUserId', message: 'Quien suple no es usuario de su organización.' });
    } else if (acting.disabledAt) {
      problems.push({ path: 'actingUserId', message: `La cuenta de ${acting.name} está desactivada.` });
    }
    if (problems.length) throw invalid(problems, problems[0]!.message);

    await lockAbsentUser(tx, absent!.id);
    const clash = overlappingDelegation(
      input,
      (await delegationsOfAbsent(tx, org, absent!.id)).map((d) => ({ ...d, ended: false })),
    );
    if (clash) {
      const message = `${absent!.name} ya tiene quien la supla (${clash.actingName}) del ${formatDateRange(clash.startsOn, clash.endsOn)}.`;
      throw conflict(message, [
        { path: 'startsOn', message },
        { path: 'endsOn', message },
      ]);
    }
    const id = await insertDelegation(tx, {
      organizationId: org,
      absentUserId: absent!.id,
      actingUserId: acting!.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason,
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActor(actor), {
      action: 'delegation.create',
      entityType: 'delegation',
      entityId: id,
      before: null,
      after: {
        absentUserId: absent!.id,
        absent: absent!.name,
        actingUserId: acting!.id,
        acting: acting!.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reason: input.reason,
      },
    });
    return presentDelegation((await findDelegation(tx, org, id))!, today);
  });
}
