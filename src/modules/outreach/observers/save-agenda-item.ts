import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, notFound } from '../../platform/errors';
import type { AgendaItem, AgendaItemInput, AgendaItemPatch } from './contract';
import {
  findAgendaItem,
  findAgendaItemRow,
  findMissionRow,
  insertAgendaItem,
  replaceStops,
  updateAgendaItemRow,
} from './repository';
import { assertGroupOfMission } from './register-registrant';
import { agendaProblems } from './rules';

// The mission's agenda: activities within the mission's days and, on election day, routes through
// polling stations whose stops are in time order (rules.ts).

const stopValues = (stops: NonNullable<AgendaItemInput['stops']>) =>
  stops.map((s) => ({
    section: s.section,
    casillaType: s.casillaType,
    address: s.address,
    arrivalTime: s.arrivalTime,
    departureTime: s.departureTime,
    notes: s.notes ?? null,
  }));

export function createAgendaItem(
  db: Db,
  actor: ScopedAuditActor,
  missionId: string,
  input: AgendaItemInput,
): Promise<AgendaItem> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const mission = await findMissionRow(tx, orgId, missionId);
    if (!mission) throw notFound();
    const problems = agendaProblems(mission, input);
    if (problems.length) throw invalid(problems);
    if (input.groupId) await assertGroupOfMission(tx, orgId, missionId, input.groupId);
    const id = await insertAgendaItem(tx, {
      organizationId: orgId,
      missionId,
      groupId: input.groupId ?? null,
      kind: input.kind,
      title: input.title,
      day: input.day,
      startTime: input.startTime,
      endTime: input.endTime,
      place: input.place ?? null,
      description: input.description ?? null,
    });
    await replaceStops(tx, orgId, id, stopValues(input.stops ?? []));
    const created = (await findAgendaItem(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.agenda.create',
      entityType: 'observers_agenda_item',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateAgendaItem(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: AgendaItemPatch,
): Promise<AgendaItem> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await findAgendaItemRow(tx, orgId, id);
    if (!row) throw notFound();
    const before = (await findAgendaItem(tx, orgId, id))!;
    const mission = (await findMissionRow(tx, orgId, row.missionId))!;
    const merged = { ...before, ...patch, stops: patch.stops ?? before.stops };
    const problems = agendaProblems(mission, merged);
    if (problems.length) throw invalid(problems);
    if (patch.groupId) await assertGroupOfMission(tx, orgId, row.missionId, patch.groupId);
    const { stops, ...fields } = patch;
    await updateAgendaItemRow(tx, orgId, id, fields);
    if (stops) await replaceStops(tx, orgId, id, stopValues(stops));
    const after = (await findAgendaItem(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.agenda.update',
      entityType: 'observers_agenda_item',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
