import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { nextNumber } from '../platform/sequences/next-number';
import type { FieldProblem } from '../../shared/errors';
import type { Agreement, AgreementInput, HistoricalAgreementInput, Vote } from './contract';
import * as repo from './repository';
import { formatAgreementNumber, parseAgreementNumber, quorum, recordingProblem } from './rules';
import { findSession, rostersOn, statusOfRow } from './session-view';

/** The gap-free series of a body's agreements of a year. */
export const agreementScope = (bodyId: string, year: number) => `agreement:${bodyId}:${year}`;

/**
 * Adopts an agreement at a session: it takes the body's next number of the session's year in the
 * same transaction (no gaps, no duplicates across instances). Refused when the session's minutes
 * are approved, when attendance was recorded without quorum, or when a vote is not a voting member's.
 */
export async function adoptAgreement(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  input: AgreementInput,
): Promise<Agreement> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const session = await repo.lockSessionRow(tx, orgId, sessionId);
    if (!session) throw notFound();
    const name = (await findSession(tx, orgId, sessionId))!.name;
    if (session.minutesApprovedBy) {
      throw conflict(`La minuta de la ${name} ya fue aprobada: no pueden agregarse acuerdos.`);
    }
    const cancelled = recordingProblem(await statusOfRow(tx, orgId, session));
    if (cancelled) throw conflict(cancelled);
    if (input.agendaItemId) {
      const item = await repo.findAgendaItem(tx, orgId, input.agendaItemId);
      if (!item || item.sessionId !== sessionId) {
        throw invalid([
          { path: 'agendaItemId', message: 'El punto no pertenece al orden del día de esta sesión' },
        ]);
      }
    }
    const seats = (await rostersOn(tx, orgId, session.bodyId, [session.heldOn])).get(session.heldOn)!;
    const voting = seats.filter((s) => s.voting);
    const recorded = await repo.listAttendance(tx, orgId, [sessionId]);
    if (recorded.length) {
      const present = voting.filter((s) =>
        recorded.some((r) => r.membershipId === s.membershipId && r.present && r.personId === s.personId),
      ).length;
      const q = quorum(voting.length, present);
      if (!q.reached) {
        throw conflict(
          `Sin quórum no se adoptan acuerdos: asistieron ${present} de ${voting.length} integrantes con voto (se requieren ${q.required}).`,
        );
      }
    }
    const votes: { membershipId: string; personId: string; vote: Vote }[] = [];
    const problems: FieldProblem[] = [];
    for (const [i, v] of input.votes.entries()) {
      const seat = voting.find((s) => s.personId === v.personId);
      if (!seat)
        problems.push({
          path: `votes.${i}.personId`,
          message: 'No es integrante con voto en la fecha de la sesión',
        });
      else if (votes.some((x) => x.membershipId === seat.membershipId))
        problems.push({ path: `votes.${i}.personId`, message: 'Voto registrado dos veces' });
      else votes.push({ membershipId: seat.membershipId, personId: v.personId, vote: v.vote });
    }
    if (problems.length) throw invalid(problems);

    const year = Number(session.heldOn.slice(0, 4));
    const number = await nextNumber(tx, orgId, agreementScope(session.bodyId, year));
    const id = await repo.insertAgreement(tx, orgId, {
      bodyId: session.bodyId,
      sessionId,
      agendaItemId: input.agendaItemId ?? null,
      year,
      number,
      title: input.title,
      body: input.body ?? null,
      adoptedOn: session.heldOn,
      voteKind: input.voteKind,
    });
    await repo.insertVotes(tx, orgId, id, votes);
    const created = (await repo.findAgreement(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'agreement.adopt',
      entityType: 'agreement',
      entityId: id,
      after: created,
    });
    return created;
  });
}

/**
 * Records an agreement adopted before the system with the number it already has (e.g.
 * CVOE/002/2023); the body's counter for that year is lifted so new numbers follow it.
 */
export async function recordHistoricalAgreement(
  db: Db,
  actor: ScopedAuditActor,
  bodyId: string,
  input: HistoricalAgreementInput,
): Promise<Agreement> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const body = await repo.findBody(tx, orgId, bodyId);
    if (!body) throw notFound();
    const parsed = parseAgreementNumber(body.agreementPrefix, input.number);
    if (!parsed) {
      throw invalid([
        {
          path: 'number',
          message: `Número inválido para ${body.acronym}: use el formato ${formatAgreementNumber(body.agreementPrefix, 1, Number(input.adoptedOn.slice(0, 4)))}`,
        },
      ]);
    }
    if (String(parsed.year) !== input.adoptedOn.slice(0, 4)) {
      throw invalid([{ path: 'number', message: 'El año del número no coincide con la fecha de adopción' }]);
    }
    if (input.sessionId) {
      const s = await repo.findSessionRow(tx, orgId, input.sessionId);
      if (!s || s.bodyId !== bodyId) {
        throw invalid([{ path: 'sessionId', message: 'La sesión no es de este órgano colegiado' }]);
      }
      const cancelled = recordingProblem(await statusOfRow(tx, orgId, s));
      if (cancelled) throw conflict(cancelled, [{ path: 'sessionId', message: cancelled }]);
      if (s.heldOn !== input.adoptedOn) {
        throw invalid([
          { path: 'adoptedOn', message: 'La fecha de adopción no coincide con la de la sesión' },
        ]);
      }
    }
    if (await repo.agreementExists(tx, orgId, bodyId, parsed.year, parsed.number)) {
      throw conflict(`El acuerdo ${input.number} ya está registrado.`, [
        { path: 'number', message: 'Número ya registrado' },
      ]);
    }
    await repo.raiseCounter(tx, orgId, agreementScope(bodyId, parsed.year), parsed.number);
    const id = await repo.insertAgreement(tx, orgId, {
      bodyId,
      sessionId: input.sessionId ?? null,
      year: parsed.year,
      number: parsed.number,
      title: input.title,
      body: input.body ?? null,
      adoptedOn: input.adoptedOn,
      voteKind: 'unanimous',
      historical: true,
    });
    const created = (await repo.findAgreement(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'agreement.record_historical',
      entityType: 'agreement',
      entityId: id,
      after: created,
    });
    return created;
  });
}
