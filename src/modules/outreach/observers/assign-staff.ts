import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, invalid, notFound } from '../../platform/errors';
import type { Assignment, AssignmentInput } from './contract';
import {
  findAgendaItemRow,
  findMissionRow,
  insertAssignment,
  listAssignments,
  personOfOrg,
  sameAssignment,
  userOfOrg,
} from './repository';
import { assertGroupOfMission } from './register-registrant';

// Staff of the organization — a user account or a person of the directory — assigned to an agenda
// item, a group, or both, with a role.

export function assignStaff(
  db: Db,
  actor: ScopedAuditActor,
  missionId: string,
  input: AssignmentInput,
): Promise<Assignment> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    if (!(await findMissionRow(tx, orgId, missionId))) throw notFound();
    if (input.agendaItemId) {
      const item = await findAgendaItemRow(tx, orgId, input.agendaItemId);
      if (!item || item.missionId !== missionId)
        throw invalid([
          { path: 'agendaItemId', message: 'No existe esa actividad en la agenda de la misión' },
        ]);
    }
    if (input.groupId) await assertGroupOfMission(tx, orgId, missionId, input.groupId);
    if (input.userId) {
      const u = await userOfOrg(tx, orgId, input.userId);
      if (!u) throw invalid([{ path: 'userId', message: 'No existe ese usuario en el organismo' }]);
      if (u.disabledAt)
        throw invalid([{ path: 'userId', message: 'La cuenta de ese usuario está desactivada' }]);
    }
    if (input.personId && !(await personOfOrg(tx, orgId, input.personId)))
      throw invalid([{ path: 'personId', message: 'No existe esa persona en el directorio' }]);
    const target = {
      agendaItemId: input.agendaItemId ?? null,
      groupId: input.groupId ?? null,
      userId: input.userId ?? null,
      personId: input.personId ?? null,
    };
    if (await sameAssignment(tx, missionId, target))
      throw conflict('Esa persona ya está asignada a esa actividad y grupo', [
        { path: input.userId ? 'userId' : 'personId', message: 'Ya asignada' },
      ]);
    const id = await insertAssignment(tx, {
      organizationId: orgId,
      missionId,
      ...target,
      role: input.role,
      notes: input.notes ?? null,
    });
    const [created] = await listAssignments(tx, orgId, missionId, id);
    await recordAudit(tx, actor, {
      action: 'observers.assignment.create',
      entityType: 'observers_assignment',
      entityId: id,
      after: created,
    });
    return created!;
  });
}
