import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { Activity, ActivityInput } from './contract';
import { dateSpecBounds, dateSpecProblems } from './contract-date-spec';
import * as repo from './repository';
import { resolveScope } from './scope';

/** Checks every reference of the input against the organization and splits it into row and children. */
async function prepare(tx: Db, orgId: string, input: ActivityInput) {
  const problems = dateSpecProblems(input.dates);
  if (problems.length) throw invalid(problems);
  const scope = await resolveScope(tx, orgId, input);
  if (!(await repo.kindName(tx, orgId, input.kind)))
    throw invalid([{ path: 'kind', message: `El tipo de actividad «${input.kind}» no existe` }]);
  const institutionIds = [
    ...input.institutionIds,
    ...(input.invitingInstitutionId ? [input.invitingInstitutionId] : []),
  ];
  const known = await repo.existingInstitutionIds(tx, orgId, institutionIds);
  const badInst = input.institutionIds.findIndex((id) => !known.has(id));
  if (badInst >= 0)
    throw invalid([
      { path: `institutionIds.${badInst}`, message: 'La institución no existe en su directorio' },
    ]);
  if (input.invitingInstitutionId && !known.has(input.invitingInstitutionId))
    throw invalid([{ path: 'invitingInstitutionId', message: 'La institución no existe en su directorio' }]);
  const people = await repo.existingPersonIds(
    tx,
    orgId,
    input.participants.map((p) => p.personId),
  );
  const badPerson = input.participants.findIndex((p) => !people.has(p.personId));
  if (badPerson >= 0)
    throw invalid([
      { path: `participants.${badPerson}.personId`, message: 'La persona no existe en su directorio' },
    ]);
  if (input.agreementId && !(await repo.agreementExists(tx, orgId, input.agreementId)))
    throw invalid([{ path: 'agreementId', message: 'El acuerdo no existe en su organización' }]);
  const { startsOn, endsOn, days } = dateSpecBounds(input.dates);
  const badAgenda = input.agenda.findIndex((a) => a.day < startsOn || a.day > endsOn);
  if (badAgenda >= 0)
    throw invalid([
      {
        path: `agenda.${badAgenda}.day`,
        message: 'El evento de la agenda cae fuera de las fechas de la actividad',
      },
    ]);
  return {
    values: {
      lineId: scope.lineId,
      objectiveId: scope.objectiveId,
      kind: input.kind,
      title: input.title,
      purpose: input.purpose ?? null,
      dateMode: input.dates.mode,
      startsOn,
      endsOn,
      modality: input.modality ?? null,
      tool: input.tool ?? null,
      place: input.place ?? null,
      notes: input.notes ?? null,
      route: input.route,
      partners: input.partners,
      invitingInstitutionId: input.invitingInstitutionId ?? null,
      country: input.country ?? null,
      election: input.election ?? null,
      agreementId: input.agreementId ?? null,
    },
    children: {
      days: input.dates.mode === 'list' ? days : [],
      institutionIds: input.institutionIds,
      participants: input.participants,
      agenda: input.agenda,
    },
  };
}

export async function createActivity(
  db: Db,
  actor: ScopedAuditActor,
  input: ActivityInput,
): Promise<Activity> {
  return inTransaction(db, async (tx) => {
    const { values, children } = await prepare(tx, actor.organizationId, input);
    const id = await repo.insertActivity(tx, actor.organizationId, values, children);
    const created = (await repo.findActivity(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export async function updateActivity(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: ActivityInput,
): Promise<Activity> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findActivity(tx, actor.organizationId, id);
    if (!before) throw notFound();
    const { values, children } = await prepare(tx, actor.organizationId, input);
    await repo.replaceActivity(tx, actor.organizationId, id, values, children);
    const after = (await repo.findActivity(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteActivity(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findActivity(tx, actor.organizationId, id);
    if (!before) throw notFound();
    await repo.deleteActivityRow(tx, actor.organizationId, id);
    await recordAudit(tx, actor, { action: 'activity.delete', entityType: 'activity', entityId: id, before });
  });
}
