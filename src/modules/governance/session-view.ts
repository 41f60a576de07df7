import type { Db } from '../platform/db/client';
import { formatLongDate } from '../../shared/spanish-dates';
import type { Body, RosterEntry, Session, SessionDetail } from './contract';
import { seatLabel } from './labels';
import { convocationOf, noticeSettings, requiredHours } from './convocation-repository';
import * as repo from './repository';
import { numberSessions, quorum, rosterOn, sessionName, sessionStatus, type RosterSeat } from './rules';

// Read models of sessions: derived numbers and names, the roster of the day with attendance, quorum.

/** Presents session rows with their derived number and name. */
export async function presentSessions(
  db: Db,
  orgId: string,
  bodyId: string,
  rows: repo.SessionRow[],
): Promise<Session[]> {
  const years = [...new Set(rows.map((r) => Number(r.heldOn.slice(0, 4))))];
  const numbers = numberSessions(await repo.sessionsForNumbering(db, orgId, bodyId, years));
  const approving = await repo.listAgreements(db, orgId, { bodyId });
  const records = await repo.sessionsWithRecords(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const number = numbers.get(r.id) ?? 1;
    const approvedBy = r.minutesApprovedBy ? approving.find((a) => a.id === r.minutesApprovedBy) : undefined;
    return {
      id: r.id,
      bodyId: r.bodyId,
      kind: r.kind,
      number,
      name: sessionName(number, r.kind, Number(r.heldOn.slice(0, 4))),
      heldOn: r.heldOn,
      heldOnText: formatLongDate(r.heldOn),
      startTime: r.startTime,
      endTime: r.endTime,
      modality: r.modality,
      convokedOn: r.convokedOn,
      place: r.place,
      minutesText: r.minutesText,
      minutesApprovedBy: approvedBy ? { agreementId: approvedBy.id, number: approvedBy.number } : null,
      status: sessionStatus({
        cancelled: r.cancelledOn !== null,
        minutesApproved: r.minutesApprovedBy !== null,
        hasAttendance: records.attended.has(r.id),
        hasAgreements: records.adopted.has(r.id),
      }),
      cancellation:
        r.cancelledOn && r.cancellationReason
          ? { reason: r.cancellationReason, cancelledOn: r.cancelledOn }
          : null,
    };
  });
}

/** Where a session row stands now (inside the transaction that locked it). */
export async function statusOfRow(db: Db, orgId: string, row: repo.SessionRow) {
  const records = await repo.sessionsWithRecords(db, orgId, [row.id]);
  return sessionStatus({
    cancelled: row.cancelledOn !== null,
    minutesApproved: row.minutesApprovedBy !== null,
    hasAttendance: records.attended.has(row.id),
    hasAgreements: records.adopted.has(row.id),
  });
}

export async function findSession(db: Db, orgId: string, id: string): Promise<Session | undefined> {
  const row = await repo.findSessionRow(db, orgId, id);
  return row && (await presentSessions(db, orgId, row.bodyId, [row]))[0];
}

/** The seats of a body on each given day (memberships in force, area heads derived from the directory). */
export async function rostersOn(
  db: Db,
  orgId: string,
  bodyId: string,
  days: string[],
): Promise<Map<string, RosterSeat[]>> {
  const memberships = await repo.membershipFacts(db, orgId, bodyId);
  const areaIds = [
    ...new Set(memberships.flatMap((m) => (m.role === 'area_invitee' && m.areaId ? [m.areaId] : []))),
  ];
  const heads = await repo.headFacts(db, orgId, areaIds);
  return new Map(days.map((d) => [d, rosterOn(memberships, heads, d)]));
}

export async function rosterEntries(
  db: Db,
  orgId: string,
  sessionId: string,
  seats: RosterSeat[],
): Promise<RosterEntry[]> {
  const recorded = await repo.listAttendance(db, orgId, [sessionId]);
  const people = await repo.peopleById(
    db,
    orgId,
    seats.flatMap((s) => (s.personId ? [s.personId] : [])),
  );
  const institutions = await repo.institutionsById(
    db,
    orgId,
    seats.flatMap((s) => (s.institutionId ? [s.institutionId] : [])),
  );
  const areas = await repo.areasById(
    db,
    orgId,
    seats.flatMap((s) => (s.areaId ? [s.areaId] : [])),
  );
  return seats.map((s) => {
    const p = s.personId ? people.get(s.personId) : undefined;
    const entry = recorded.find((r) => r.membershipId === s.membershipId && r.personId === s.personId);
    const a = s.areaId ? areas.get(s.areaId) : undefined;
    return {
      membershipId: s.membershipId,
      role: s.role,
      roleLabel: seatLabel({
        role: s.role,
        headKind: s.headKind,
        gender: p?.gender ?? 'unspecified',
        area: a,
      }),
      voting: s.voting,
      personId: s.personId,
      personName: p?.fullName ?? null,
      institutionId: s.institutionId,
      institutionName: s.institutionId ? (institutions.get(s.institutionId)?.name ?? null) : null,
      areaId: s.areaId,
      areaName: a?.name ?? null,
      headKind: s.headKind,
      present: entry ? entry.present : null,
    };
  });
}

export async function sessionDetail(
  db: Db,
  orgId: string,
  body: Body,
  session: Session,
): Promise<SessionDetail> {
  const seats = (await rostersOn(db, orgId, body.id, [session.heldOn])).get(session.heldOn)!;
  const roster = await rosterEntries(db, orgId, session.id, seats);
  const voting = roster.filter((r) => r.voting);
  return {
    ...session,
    body,
    agenda: await repo.listAgenda(db, orgId, session.id),
    roster,
    quorum: quorum(voting.length, voting.filter((r) => r.present).length),
    agreements: await repo.listAgreements(db, orgId, { sessionIds: [session.id] }),
    convocation: await convocationOf(db, orgId, session.id),
    requiredNoticeHours: requiredHours(await noticeSettings(db, orgId), session.kind),
  };
}
