import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { formatLongDate } from '../../shared/spanish-dates';
import type { Membership, MembershipInput, MembershipPatch } from './contract';
import * as repo from './repository';
import { membershipClash } from './rules';

const CLASH = {
  same_holder: 'ya tiene ese lugar en el órgano colegiado',
  single_seat: 'el cargo ya está ocupado',
} as const;

/** Refuses a membership that overlaps another of the same holder, or a second president or secretary. */
async function assertNoClash(
  tx: Db,
  orgId: string,
  bodyId: string,
  candidate: Parameters<typeof membershipClash>[1],
): Promise<void> {
  const clash = membershipClash(await repo.membershipFacts(tx, orgId, bodyId), candidate);
  if (!clash) return;
  const until = clash.with.endsOn ? ` al ${formatLongDate(clash.with.endsOn)}` : ' sin fecha de término';
  throw conflict(
    `Se traslapa con otro cargo del órgano colegiado (del ${formatLongDate(clash.with.startsOn)}${until}): ${CLASH[clash.reason]}.`,
    [{ path: 'startsOn', message: 'Se traslapa con otro cargo vigente' }],
  );
}

/** Adds a role in a body (member, technical secretary, standing invitee), tied to its agreement. */
export async function addMembership(
  db: Db,
  actor: ScopedAuditActor,
  bodyId: string,
  input: MembershipInput,
): Promise<Membership> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const body = await repo.findBody(tx, orgId, bodyId);
    if (!body) throw notFound();
    if (input.personId && !(await repo.peopleById(tx, orgId, [input.personId])).size) {
      throw invalid([{ path: 'personId', message: 'La persona no existe en el directorio' }]);
    }
    if (input.institutionId) {
      const inst = (await repo.institutionsById(tx, orgId, [input.institutionId])).get(input.institutionId);
      if (!inst)
        throw invalid([{ path: 'institutionId', message: 'La institución no existe en el directorio' }]);
      if (inst.kind !== 'political_party') {
        throw invalid([{ path: 'institutionId', message: 'La institución no es un partido político' }]);
      }
    }
    if (input.areaId && !(await repo.areasById(tx, orgId, [input.areaId])).size) {
      throw invalid([{ path: 'areaId', message: 'El área no existe en su organización' }]);
    }
    if (input.agreementId) {
      const made = await repo.findAgreement(tx, orgId, input.agreementId);
      if (!made || made.bodyId !== bodyId) {
        throw invalid([{ path: 'agreementId', message: 'El acuerdo no es de este órgano colegiado' }]);
      }
    }
    if (input.startsOn < body.createdOn) {
      throw invalid([
        { path: 'startsOn', message: 'El cargo no puede iniciar antes de la creación del órgano' },
      ]);
    }
    await assertNoClash(tx, orgId, bodyId, {
      role: input.role,
      personId: input.personId ?? null,
      institutionId: input.institutionId ?? null,
      areaId: input.areaId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    });
    const id = await repo.insertMembership(tx, orgId, {
      bodyId,
      role: input.role,
      personId: input.personId ?? null,
      institutionId: input.institutionId ?? null,
      areaId: input.areaId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      agreementId: input.agreementId ?? null,
      agreementReference: input.agreementReference ?? null,
      sortOrder: input.sortOrder,
    });
    const created = (await repo.findMembership(tx, orgId, bodyId, id))!;
    await recordAudit(tx, actor, {
      action: 'body_membership.create',
      entityType: 'body_membership',
      entityId: id,
      after: created,
    });
    return created;
  });
}

/** Ends a role (or reopens it) and reorders it. */
export async function updateMembership(
  db: Db,
  actor: ScopedAuditActor,
  bodyId: string,
  membershipId: string,
  patch: MembershipPatch,
): Promise<Membership> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findMembership(tx, orgId, bodyId, membershipId);
    if (!before) throw notFound();
    if (patch.endsOn && patch.endsOn < before.startsOn) {
      throw invalid([{ path: 'endsOn', message: 'La fecha de término es anterior a la de inicio' }]);
    }
    if (patch.endsOn !== undefined) {
      await assertNoClash(tx, orgId, bodyId, { ...before, endsOn: patch.endsOn });
    }
    await repo.updateMembershipRow(tx, orgId, membershipId, patch);
    const after = (await repo.findMembership(tx, orgId, bodyId, membershipId))!;
    await recordAudit(tx, actor, {
      action: 'body_membership.update',
      entityType: 'body_membership',
      entityId: membershipId,
      before,
      after,
    });
    return after;
  });
}
