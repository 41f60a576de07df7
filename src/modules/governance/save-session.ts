import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { Session, SessionInput, SessionPatch } from './contract';
import * as repo from './repository';
import { sendFollowUpNotice, type NoticeServices } from './convene-session';
import { findConvocationRow } from './convocation-repository';
import { findSession } from './session-view';

function assertWithinBodyLife(body: { createdOn: string; endedOn: string | null }, heldOn: string) {
  if (heldOn < body.createdOn || (body.endedOn && heldOn > body.endedOn)) {
    throw invalid([{ path: 'heldOn', message: 'La fecha está fuera de la vigencia del órgano colegiado' }]);
  }
}

/** Schedules or records a session; its number and name are derived from the body's other sessions. */
export async function createSession(
  db: Db,
  actor: ScopedAuditActor,
  bodyId: string,
  input: SessionInput,
): Promise<Session> {
  return inTransaction(db, async (tx) => {
    const body = await repo.findBody(tx, actor.organizationId, bodyId);
    if (!body) throw notFound();
    assertWithinBodyLife(body, input.heldOn);
    const row = await repo.insertSession(tx, actor.organizationId, {
      bodyId,
      kind: input.kind,
      heldOn: input.heldOn,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      modality: input.modality,
      convokedOn: input.convokedOn ?? null,
      place: input.place ?? null,
    });
    const created = (await findSession(tx, actor.organizationId, row.id))!;
    await recordAudit(tx, actor, {
      action: 'body_session.create',
      entityType: 'body_session',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}

/** Edits a session; once its minutes are approved, its minutes and date can no longer change. */
export async function updateSession(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  patch: SessionPatch,
  services: NoticeServices,
): Promise<Session> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.lockSessionRow(tx, orgId, sessionId);
    if (!row) throw notFound();
    const before = (await findSession(tx, orgId, sessionId))!;
    if (row.cancelledOn) {
      throw conflict(`La ${before.name} fue cancelada: ya no puede modificarse.`);
    }
    if (row.minutesApprovedBy && (patch.minutesText !== undefined || patch.heldOn || patch.kind)) {
      throw conflict(
        `La minuta de la ${before.name} ya fue aprobada (Acuerdo ${before.minutesApprovedBy!.number}); no puede modificarse.`,
      );
    }
    const merged = {
      heldOn: patch.heldOn ?? row.heldOn,
      startTime: patch.startTime === undefined ? row.startTime : patch.startTime,
      endTime: patch.endTime === undefined ? row.endTime : patch.endTime,
      convokedOn: patch.convokedOn === undefined ? row.convokedOn : patch.convokedOn,
    };
    if (merged.startTime && merged.endTime && merged.endTime < merged.startTime) {
      throw invalid([{ path: 'endTime', message: 'La hora de término es anterior a la de inicio' }]);
    }
    if (merged.convokedOn && merged.convokedOn > merged.heldOn) {
      throw invalid([{ path: 'convokedOn', message: 'La convocatoria no puede ser posterior a la sesión' }]);
    }
    if (patch.heldOn) {
      assertWithinBodyLife((await repo.findBody(tx, orgId, row.bodyId))!, patch.heldOn);
      const recorded = await repo.listAttendance(tx, orgId, [sessionId]);
      const adopted = await repo.listAgreements(tx, orgId, { sessionIds: [sessionId] });
      if (patch.heldOn !== row.heldOn && (recorded.length || adopted.length)) {
        throw conflict('La sesión ya tiene asistencia o acuerdos registrados: su fecha no puede cambiar.', [
          { path: 'heldOn', message: 'Fecha fija por los registros de la sesión' },
        ]);
      }
    }
    await repo.updateSessionRow(tx, orgId, sessionId, {
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.modality ? { modality: patch.modality } : {}),
      ...(patch.place !== undefined ? { place: patch.place } : {}),
      ...(patch.minutesText !== undefined ? { minutesText: patch.minutesText } : {}),
      ...merged,
    });
    const after = (await findSession(tx, orgId, sessionId))!;
    const moved = (['heldOn', 'startTime', 'endTime', 'place', 'modality'] as const).some(
      (k) => before[k] !== after[k],
    );
    if (moved && (await findConvocationRow(tx, orgId, sessionId))) {
      if (!after.startTime) {
        throw invalid([
          { path: 'startTime', message: 'La sesión ya fue convocada: conserve una hora de inicio' },
        ]);
      }
      // The change reaches every person convened: same UID, next SEQUENCE.
      await sendFollowUpNotice(tx, actor, services, sessionId, 'update');
    }
    await recordAudit(tx, actor, {
      action: 'body_session.update',
      entityType: 'body_session',
      entityId: sessionId,
      before,
      after,
    });
    return after;
  });
}
