import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { storeFile } from '../platform/files/store-file';
import type { Agreement, OpinionQuery, VoteInput } from './contract';
import * as convocations from './convocation-repository';
import { VOTE_LABELS } from './labels';
import * as repo from './repository';
import { rostersOn } from './session-view';

/** The agreement, locked through its session, and the voting seats of the session's day. */
async function votingContext(tx: Db, orgId: string, agreementId: string, personId: string) {
  const found = await repo.findAgreement(tx, orgId, agreementId);
  if (!found) throw notFound();
  if (!found.sessionId) {
    throw conflict(`El acuerdo ${found.number} se registró sin sesión: no lleva votación.`);
  }
  const session = (await repo.lockSessionRow(tx, orgId, found.sessionId))!;
  const agreement = (await repo.findAgreement(tx, orgId, agreementId))!;
  if (agreement.frozen) {
    throw conflict(
      `El acuerdo ${agreement.number} no puede modificarse: la minuta de su sesión ya fue aprobada.`,
    );
  }
  const seats = (await rostersOn(tx, orgId, session.bodyId, [session.heldOn])).get(session.heldOn)!;
  const seat = seats.find((s) => s.voting && s.personId === personId);
  if (!seat) {
    throw invalid(
      [{ path: 'personId', message: 'No es integrante con voto en la fecha de la sesión' }],
      'Solo votan las personas integrantes del órgano con voto en la fecha de la sesión.',
    );
  }
  const attendance = (await repo.listAttendance(tx, orgId, [session.id])).find(
    (a) => a.membershipId === seat.membershipId && a.personId === personId,
  );
  return { agreement, seat, present: attendance ? attendance.present : null };
}

/**
 * Records one voting member's vote on an agreement adopted by majority: once per member (a
 * second vote is refused, not overwritten), consistent with the attendance recorded.
 */
export async function recordVote(
  db: Db,
  actor: ScopedAuditActor,
  agreementId: string,
  input: VoteInput,
): Promise<Agreement> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const { agreement, seat, present } = await votingContext(tx, orgId, agreementId, input.personId);
    if (agreement.voteKind === 'unanimous') {
      throw conflict(`El acuerdo ${agreement.number} se aprobó por unanimidad: no lleva votos individuales.`);
    }
    const previous = agreement.votes.find((v) => v.membershipId === seat.membershipId);
    if (previous) {
      throw conflict(
        `${previous.personName} ya votó el acuerdo ${agreement.number} (${VOTE_LABELS[previous.vote]}): un voto no se registra dos veces.`,
        [{ path: 'personId', message: 'Ya votó este acuerdo' }],
      );
    }
    if (present === true && input.vote === 'ausente') {
      throw invalid([{ path: 'vote', message: 'La lista de asistencia la registra presente' }]);
    }
    if (present === false && input.vote !== 'ausente') {
      throw invalid([{ path: 'vote', message: 'La lista de asistencia la registra ausente' }]);
    }
    await repo.insertVotes(tx, orgId, agreementId, [
      { membershipId: seat.membershipId, personId: input.personId, vote: input.vote },
    ]);
    const after = (await repo.findAgreement(tx, orgId, agreementId))!;
    await recordAudit(tx, actor, {
      action: 'agreement.vote',
      entityType: 'agreement',
      entityId: agreementId,
      after: { personId: input.personId, membershipId: seat.membershipId, vote: input.vote },
    });
    return after;
  });
}

/**
 * Attaches a voto particular (a member who did not vote in favour explains the dissent) or a voto
 * concurrente (a member in favour gives other reasons) as a document.
 */
export async function attachOpinion(
  db: Db,
  actor: ScopedAuditActor,
  agreementId: string,
  query: OpinionQuery,
  file: { data: Buffer; filename: string; mediaType: string },
): Promise<Agreement> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const { agreement, seat, present } = await votingContext(tx, orgId, agreementId, query.personId);
    const vote =
      agreement.voteKind === 'unanimous'
        ? present === false
          ? 'ausente'
          : 'favor'
        : agreement.votes.find((v) => v.membershipId === seat.membershipId)?.vote;
    if (!vote) {
      throw invalid([{ path: 'personId', message: 'Registre primero su voto en este acuerdo' }]);
    }
    if (vote === 'ausente') {
      throw invalid([{ path: 'personId', message: 'No votó: estuvo ausente' }]);
    }
    if (query.kind === 'particular' && vote === 'favor') {
      throw invalid([
        { path: 'kind', message: 'Votó a favor: su voto razonado es concurrente, no particular' },
      ]);
    }
    if (query.kind === 'concurrente' && vote !== 'favor') {
      throw invalid([{ path: 'kind', message: 'Un voto concurrente es de quien votó a favor' }]);
    }
    const sha256 = await storeFile(tx, file.data, file.mediaType);
    const id = await convocations.insertOpinion(tx, {
      organizationId: orgId,
      agreementId,
      membershipId: seat.membershipId,
      personId: query.personId,
      kind: query.kind,
      fileSha256: sha256,
      filename: file.filename,
    });
    await recordAudit(tx, actor, {
      action: 'agreement.opinion_attach',
      entityType: 'agreement',
      entityId: agreementId,
      after: { opinionId: id, kind: query.kind, personId: query.personId, sha256, filename: file.filename },
    });
    return (await repo.findAgreement(tx, orgId, agreementId))!;
  });
}
