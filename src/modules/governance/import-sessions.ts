import { todayInMexicoCity } from '../../shared/dates';
import type { ImportPlan } from '../../shared/import-plan';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { answerOrApply, refuseFatalHeader } from '../platform/spreadsheets/import-plan';
import { mapHeader, type Sheet } from '../platform/spreadsheets/import-problems';
import { agreementScope } from './adopt-agreement';
import * as repo from './repository';
import {
  planSessionRows,
  rowBodyAndDay,
  SESSION_IMPORT_COLUMNS,
  type PlannedSessionRow,
  type RegisteredSession,
} from './session-import-rules';
import type { RosterSeat } from './rules';
import { rostersOn } from './session-view';

/**
 * Imports past sessions of the organization's collegiate bodies, their attendance and their
 * numbered agreements from a spreadsheet (ADR 0032): a dry run answers the plan of every row and
 * writes nothing; the real import plans again and writes only when no row is refused, all in this
 * one transaction, with one audit entry for the file. Agreements keep their numbers (recorded as
 * adopted before the system) and each body's yearly counter is lifted past them.
 */
export async function importSessions(
  db: Db,
  actor: ScopedAuditActor,
  sheet: Sheet,
  options: { dryRun: boolean; filename: string; today?: string },
): Promise<ImportPlan> {
  const headerMap = mapHeader(SESSION_IMPORT_COLUMNS, sheet);
  refuseFatalHeader(headerMap);
  const orgId = actor.organizationId;
  return inTransaction(db, async (tx) => {
    const bodies = await repo.listBodies(tx, orgId);
    // The roster of every (body, day) the file names, and the names its seats answer to.
    const days = new Map<string, Set<string>>();
    for (const r of sheet.rows) {
      const at = rowBodyAndDay(headerMap, r, bodies);
      if (at) days.set(at.bodyId, (days.get(at.bodyId) ?? new Set()).add(at.day));
    }
    const rosters = new Map<string, RosterSeat[]>();
    const sessions: RegisteredSession[] = [];
    for (const [bodyId, set] of days) {
      for (const [d, seats] of await rostersOn(tx, orgId, bodyId, [...set]))
        rosters.set(`${bodyId}|${d}`, seats);
      sessions.push(...(await registeredSessions(tx, orgId, bodyId)));
    }
    const seats = [...rosters.values()].flat();
    const people = await repo.peopleById(tx, orgId, [
      ...new Set(seats.flatMap((s) => (s.personId ? [s.personId] : []))),
    ]);
    const institutions = await repo.institutionsById(tx, orgId, [
      ...new Set(seats.flatMap((s) => (s.institutionId ? [s.institutionId] : []))),
    ]);
    const agreements = (
      await Promise.all([...days.keys()].map((bodyId) => repo.listAgreements(tx, orgId, { bodyId })))
    )
      .flat()
      .map((a) => ({
        bodyId: a.bodyId,
        year: a.year,
        number: a.sequence,
        title: a.title,
        sessionId: a.sessionId,
      }));
    const planned = planSessionRows(headerMap, sheet.rows, {
      today: options.today ?? todayInMexicoCity(),
      bodies,
      rosters,
      names: {
        people: new Map([...people].map(([id, p]) => [id, p.fullName])),
        institutions: new Map([...institutions].map(([id, i]) => [id, i.name])),
      },
      sessions,
      agreements,
    });
    const rows = planned.map((p) => p.plan);
    return answerOrApply(headerMap, rows, options.dryRun, async (answer) => {
      const counts = await apply(tx, orgId, planned);
      await recordAudit(tx, actor, {
        action: 'body_session.import',
        entityType: 'body_session',
        after: {
          filename: options.filename,
          rows: rows.length,
          created: answer.counts.create,
          updated: answer.counts.update,
          unchanged: answer.counts.unchanged,
          ...counts,
        },
      });
    });
  });
}

async function registeredSessions(tx: Db, orgId: string, bodyId: string): Promise<RegisteredSession[]> {
  const rows = await repo.listSessionRows(tx, orgId, bodyId);
  const recorded = await repo.listAttendance(
    tx,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.bodyId,
    kind: r.kind,
    heldOn: r.heldOn,
    startTime: r.startTime,
    endTime: r.endTime,
    modality: r.modality,
    place: r.place,
    cancelled: r.cancelledOn !== null,
    minutesApproved: r.minutesApprovedBy !== null,
    attendance: new Map(recorded.filter((a) => a.sessionId === r.id).map((a) => [a.membershipId, a.present])),
  }));
}

async function apply(tx: Db, orgId: string, planned: readonly PlannedSessionRow[]) {
  const ids = new Map<string, string>();
  let sessions = 0;
  let agreements = 0;
  for (const p of planned) {
    if (!p.sessionKey) continue;
    let sessionId = p.existingSessionId ?? ids.get(p.sessionKey);
    if (p.createSession) {
      sessionId = (await repo.insertSession(tx, orgId, p.createSession)).id;
      ids.set(p.sessionKey, sessionId);
      sessions++;
    }
    if (p.attendance?.length)
      await repo.upsertAttendance(
        tx,
        orgId,
        p.attendance.map((a) => ({ ...a, sessionId: sessionId! })),
      );
    if (p.agreement) {
      const { bodyId, year, number, title, adoptedOn } = p.agreement;
      await repo.raiseCounter(tx, orgId, agreementScope(bodyId, year), number);
      await repo.insertAgreement(tx, orgId, {
        bodyId,
        sessionId: sessionId!,
        year,
        number,
        title,
        adoptedOn,
        voteKind: 'unanimous',
        historical: true,
      });
      agreements++;
    }
  }
  return { sessions, agreements };
}
