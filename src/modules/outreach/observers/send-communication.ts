import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, notFound } from '../../platform/errors';
import type { CommunicationDetail, CommunicationInput } from './contract';
import {
  audienceOf,
  findCommunication,
  findMissionRow,
  insertCommunication,
  insertDeliveries,
} from './repository';
import { assertGroupOfMission } from './register-registrant';

// A communication to the mission's registrants (all, or one group). In one transaction: the
// communication and one delivery row per registrant of the audience — `queued` for those who may
// receive e-mail (consent not withdrawn, general or for the mission's base; an address; no e-mail
// opt-out), `skipped` with the reason for the others. The caller then queues one job per queued
// delivery (jobs.ts); a lost job is re-queued by the sweep.

export const SKIP_REASON = 'Sin consentimiento vigente, sin correo electrónico o dada de baja del correo';

export function createCommunication(
  db: Db,
  actor: ScopedAuditActor,
  missionId: string,
  input: CommunicationInput,
): Promise<{ communication: CommunicationDetail; queued: number[] }> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    if (!(await findMissionRow(tx, orgId, missionId))) throw notFound();
    if (input.groupId) await assertGroupOfMission(tx, orgId, missionId, input.groupId);
    const audience = await audienceOf(tx, orgId, missionId, input.groupId ?? null);
    if (!audience.some((a) => a.eligible))
      throw new AppError(
        'NO_RECIPIENTS',
        409,
        [
          {
            path: input.groupId ? 'groupId' : 'subject',
            message: audience.length
              ? 'Ninguna persona registrada puede recibirla: falta consentimiento vigente o correo'
              : 'No hay personas registradas a quienes enviarla',
          },
        ],
        audience.length
          ? 'Ninguna persona registrada del destinatario elegido tiene consentimiento vigente y correo electrónico; no se envió nada.'
          : 'No hay personas registradas en el destinatario elegido; no se envió nada.',
      );
    const id = await insertCommunication(tx, {
      organizationId: orgId,
      missionId,
      groupId: input.groupId ?? null,
      subject: input.subject,
      body: input.body,
      sentBy: actor.label,
    });
    const rows = await insertDeliveries(
      tx,
      audience.map((a) => ({
        organizationId: orgId,
        communicationId: id,
        registrantId: a.registrant_id,
        contactId: a.contact_id,
        email: a.eligible ? a.email : null,
        status: a.eligible ? ('queued' as const) : ('skipped' as const),
        lastError: a.eligible ? null : SKIP_REASON,
      })),
    );
    const communication = (await findCommunication(tx, orgId, id))!;
    // The message's text is the office's, not personal data; recipients appear by count.
    await recordAudit(tx, actor, {
      action: 'observers.communication.send',
      entityType: 'observers_communication',
      entityId: id,
      after: {
        id,
        missionId,
        groupId: communication.groupId,
        subject: communication.subject,
        body: communication.body,
        counts: communication.counts,
      },
    });
    return { communication, queued: rows.filter((r) => r.status === 'queued').map((r) => r.id) };
  });
}
