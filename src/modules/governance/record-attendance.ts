import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { formatLongDate } from '../../shared/spanish-dates';
import type { FieldProblem } from '../../shared/errors';
import type { AttendanceInput, SessionDetail } from './contract';
import * as repo from './repository';
import { recordingProblem, seatOf } from './rules';
import { findSession, rostersOn, sessionDetail } from './session-view';

/**
 * Records who attended, each in the role held on the session's date (resolved from the body's
 * memberships and the directory's area heads). Anyone who held no role that day is refused and
 * nothing is written.
 */
export async function recordAttendance(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  input: AttendanceInput,
): Promise<SessionDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.lockSessionRow(tx, orgId, sessionId);
    if (!row) throw notFound();
    const session = (await findSession(tx, orgId, sessionId))!;
    const body = (await repo.findBody(tx, orgId, row.bodyId))!;
    if (row.minutesApprovedBy) {
      throw conflict(`La minuta de la ${session.name} ya fue aprobada: su asistencia no puede modificarse.`);
    }
    const cancelled = recordingProblem(session.status);
    if (cancelled) throw conflict(cancelled);
    const seats = (await rostersOn(tx, orgId, body.id, [row.heldOn])).get(row.heldOn)!;
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const rows = [];
    for (const [i, e] of input.entries.entries()) {
      const path = e.personId ? `entries.${i}.personId` : `entries.${i}.institutionId`;
      const seat = seatOf(seats, e);
      if (!seat) {
        const name = e.personId
          ? (await repo.peopleById(tx, orgId, [e.personId])).get(e.personId)?.fullName
          : (await repo.institutionsById(tx, orgId, [e.institutionId!])).get(e.institutionId!)?.name;
        problems.push({
          path,
          message: name
            ? `${name} no tenía cargo ni invitación en la ${body.acronym} el ${formatLongDate(row.heldOn)}`
            : 'No existe en el directorio',
        });
        continue;
      }
      if (seen.has(seat.membershipId)) {
        problems.push({ path, message: 'Registrado dos veces en la misma lista' });
        continue;
      }
      seen.add(seat.membershipId);
      rows.push({
        sessionId,
        membershipId: seat.membershipId,
        role: seat.role,
        personId: seat.personId,
        institutionId: seat.institutionId,
        headKind: seat.headKind,
        present: e.present,
      });
    }
    if (problems.length) {
      throw invalid(
        problems,
        'La lista de asistencia incluye a quien no tenía cargo en la sesión; no se registró nada.',
      );
    }
    const before = await repo.listAttendance(tx, orgId, [sessionId]);
    await repo.upsertAttendance(tx, orgId, rows);
    await recordAudit(tx, actor, {
      action: 'attendance.record',
      entityType: 'body_session',
      entityId: sessionId,
      before: before.map(({ createdAt: _c, updatedAt: _u, ...r }) => r),
      after: rows,
    });
    return sessionDetail(tx, orgId, body, session);
  });
}
