import type { Db } from '../platform/db/client';
import { capitalize, ordinalInWords } from '../../shared/spanish-words';
import type { AgreementsBySession, AttendanceTable, Body } from './contract';
import { buildAttendanceTable } from './attendance-table';
import { roleChangeFootnote } from './labels';
import * as repo from './repository';
import { presentSessions, rostersOn } from './session-view';

type Period = { from?: string; to?: string };

/** The body's sessions of the period but the cancelled ones: those were never held. */
async function heldOrScheduled(db: Db, orgId: string, body: Body, period: Period) {
  return (await repo.listSessionRows(db, orgId, body.id, period)).filter((r) => !r.cancelledOn);
}

/** The attendance report of a body for any period: the reference's table, regenerated from records. */
export async function attendanceReport(
  db: Db,
  orgId: string,
  body: Body,
  period: Period,
): Promise<AttendanceTable> {
  const sessions = await presentSessions(db, orgId, body.id, await heldOrScheduled(db, orgId, body, period));
  const days = [...new Set(sessions.map((s) => s.heldOn))];
  const byDay = await rostersOn(db, orgId, body.id, days);
  const seats = new Map(sessions.map((s) => [s.id, byDay.get(s.heldOn)!]));
  const allSeats = [...seats.values()].flat();
  const recorded = await repo.listAttendance(
    db,
    orgId,
    sessions.map((s) => s.id),
  );
  const attendance = new Map(
    recorded.map((r) => [`${r.sessionId}:${r.membershipId}`, { personId: r.personId, present: r.present }]),
  );
  const personIds = [...new Set(allSeats.flatMap((s) => (s.personId ? [s.personId] : [])))];

  // A technical secretary replaced by agreement who kept attending in another capacity gets a note.
  const memberships = await repo.listMemberships(db, orgId, body.id);
  const secretaries = memberships
    .filter((m) => m.role === 'technical_secretary')
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const notes: { membershipId: string; personId: string; text: string }[] = [];
  for (const [i, former] of secretaries.entries()) {
    const successor = secretaries[i + 1];
    if (!former.endsOn || !successor?.agreementNumber || !former.personId || !successor.personId) continue;
    const later = sessions.find((s) => s.heldOn > former.endsOn!);
    if (!later) continue;
    const people = await repo.peopleById(db, orgId, [former.personId, successor.personId]);
    const formerTitle = await repo.positionTitleOn(db, orgId, former.personId, later.heldOn);
    if (!formerTitle) continue;
    notes.push({
      membershipId: former.id,
      personId: former.personId,
      text: roleChangeFootnote({
        successorName: successor.personName!,
        successorHonorific: people.get(successor.personId)?.honorific ?? null,
        successorGender: people.get(successor.personId)?.gender ?? 'unspecified',
        agreementNumber: successor.agreementNumber,
        formerTitle,
        formerGender: people.get(former.personId)?.gender ?? 'unspecified',
      }),
    });
  }
  return buildAttendanceTable({
    sessions,
    seats,
    attendance,
    people: await repo.peopleById(db, orgId, personIds),
    institutions: await repo.institutionsById(db, orgId, [
      ...new Set(allSeats.flatMap((s) => (s.institutionId ? [s.institutionId] : []))),
    ]),
    areas: await repo.areasById(db, orgId, [
      ...new Set(allSeats.flatMap((s) => (s.areaId ? [s.areaId] : []))),
    ]),
    notes,
  });
}

/** The agreements a body adopted in a period, grouped by session ("Primera sesión ordinaria, jueves 25 de enero de 2024"). */
export async function agreementsBySession(
  db: Db,
  orgId: string,
  body: Body,
  period: Period,
): Promise<AgreementsBySession> {
  const sessions = await presentSessions(db, orgId, body.id, await heldOrScheduled(db, orgId, body, period));
  const agreements = await repo.listAgreements(db, orgId, { sessionIds: sessions.map((s) => s.id) });
  const groups = sessions.map((session) => {
    const heading = `${capitalize(ordinalInWords(session.number, 'f'))} sesión ${session.kind}, ${session.heldOnText}`;
    return { session, heading, agreements: agreements.filter((a) => a.sessionId === session.id) };
  });
  const outsideSessions = (await repo.listAgreements(db, orgId, { bodyId: body.id })).filter(
    (a) =>
      !a.sessionId &&
      (!period.from || a.adoptedOn >= period.from) &&
      (!period.to || a.adoptedOn <= period.to),
  );
  return { sessions: groups, total: agreements.length, outsideSessions };
}
