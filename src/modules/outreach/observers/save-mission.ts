import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, invalid, notFound } from '../../platform/errors';
import { createBase, updateBase } from '../save-base';
import type { Mission, MissionInput, MissionPatch } from './contract';
import { agendaOutside, findMission, insertMission, missionNamed, updateMissionRow } from './repository';
import { missionDayProblems } from './rules';

// A mission of accompaniment (one per electoral process, usually). Creating it creates the outreach
// contact base that holds its registrants and their consents ("Misión: <nombre>").

const baseName = (name: string) => `Misión: ${name}`.slice(0, 200);

async function assertNameFree(tx: Db, orgId: string, name: string, except?: string) {
  const taken = await missionNamed(tx, orgId, name);
  if (taken && taken !== except)
    throw conflict(`Ya existe una misión llamada "${name}"`, [
      { path: 'name', message: 'Ya existe una misión con ese nombre' },
    ]);
}

export function createMission(db: Db, actor: ScopedAuditActor, input: MissionInput): Promise<Mission> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const problems = missionDayProblems(input);
    if (problems.length) throw invalid(problems);
    await assertNameFree(tx, orgId, input.name);
    const base = await createBase(tx, actor, {
      name: baseName(input.name),
      kind: 'other',
      description: `Personas observadoras y visitantes extranjeras registradas en la misión "${input.name}" (${input.process}).`,
    });
    const id = await insertMission(tx, {
      organizationId: orgId,
      name: input.name,
      process: input.process,
      electionDay: input.electionDay,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      agreementRef: input.agreementRef ?? null,
      approvedOn: input.approvedOn ?? null,
      baseId: base.id,
    });
    const created = (await findMission(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.mission.create',
      entityType: 'observers_mission',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateMission(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: MissionPatch,
): Promise<Mission> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findMission(tx, orgId, id);
    if (!before) throw notFound();
    const merged = { ...before, ...patch };
    const problems = missionDayProblems(merged);
    if (problems.length) throw invalid(problems);
    const outside = await agendaOutside(tx, id, merged);
    if (outside.length)
      throw invalid(
        [
          {
            path:
              outside[0]!.day < merged.startsOn
                ? 'startsOn'
                : outside[0]!.day > merged.endsOn
                  ? 'endsOn'
                  : 'electionDay',
            message: `La agenda tiene actividades fuera de esas fechas: ${outside.map((o) => `${o.title} (${o.day})`).join(', ')}`,
          },
        ],
        'Las nuevas fechas dejan fuera actividades de la agenda',
      );
    if (patch.name && patch.name !== before.name) {
      await assertNameFree(tx, orgId, patch.name, id);
      await updateBase(tx, actor, before.baseId, { name: baseName(patch.name) });
    }
    await updateMissionRow(tx, orgId, id, patch);
    const after = (await findMission(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.mission.update',
      entityType: 'observers_mission',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
