import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import { withinTransaction, type JobQueue } from '../platform/jobs/job-queue';
import { queueMail } from '../platform/mail/send-mail-job';
import { inTransaction } from '../platform/db/transaction';
import { AppError, conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type {
  Body,
  Convocation,
  ConvocationInput,
  NoticeResponse,
  NoticeSettings,
  PublicConvocation,
  Session,
} from './contract';
import * as convocations from './convocation-repository';
import {
  invitation,
  noticeMail,
  recipientOfToken,
  recipientToken,
  type NoticeKind,
} from './convocation-notice';
import { mexicoCityInstant } from './ical-feed';
import * as repo from './repository';
import { findSession, rosterEntries, rostersOn, statusOfRow } from './session-view';

/** What sending notices needs besides the database: the queue and the installation's settings. */
export type NoticeServices = { jobs: JobQueue; config: Config };

const HOUR = 60 * 60 * 1000;

/** Whole hours from `now` to the session's start in Mexico City. */
export function hoursOfNotice(session: { heldOn: string; startTime: string }, now: Date): number {
  return Math.floor((mexicoCityInstant(session.heldOn, session.startTime).getTime() - now.getTime()) / HOUR);
}

export function lateMessage(session: Session, required: number, given: number): string {
  return `La ${session.name} debe convocarse con al menos ${required} horas de anticipación y faltan ${given} para su inicio. Si la envía, quedará registrada como convocatoria fuera de plazo.`;
}

/**
 * Queues one e-mail per recipient with an address, each carrying the same invitation (same UID,
 * the given SEQUENCE) with every recipient as attendee; in the caller's transaction, so the mails
 * leave only if the records commit.
 */
async function queueNotices(
  tx: Db,
  services: NoticeServices,
  orgId: string,
  kind: NoticeKind,
  body: Body,
  session: Session,
  sequence: number,
  message: string | null,
): Promise<number> {
  const recipients = await convocations.listRecipients(tx, orgId, session.id);
  const organizationName = await convocations.organizationName(tx, orgId);
  const agenda = await repo.listAgenda(tx, orgId, session.id);
  const { config } = services;
  const base = config.publicUrl.replace(/\/$/, '');
  const organizerEmail = /<([^>]+)>/.exec(config.smtp.from)?.[1] ?? config.smtp.from;
  const calendar = invitation({
    kind,
    body,
    session,
    sequence,
    organizer: { name: organizationName || 'Vincula', email: organizerEmail },
    recipients,
    url: `${base}/gobierno/sesiones/${session.id}`,
  });
  let queued = 0;
  for (const r of recipients) {
    if (!r.email) continue;
    const link = `${base}/convocatoria/${recipientToken(config.secret, r.id)}`;
    const mail = noticeMail({
      kind,
      organizationName,
      body,
      session,
      agenda,
      message,
      recipient: { ...r, email: r.email },
      link,
      calendar,
    });
    await queueMail(services.jobs, mail, withinTransaction(tx));
    queued++;
  }
  return queued;
}

/**
 * Sends the convocatoria of a scheduled session to its members and invitees of that day. With
 * less notice than the organization requires for the session's kind it answers CONVOCATION_LATE
 * (409) unless the sender confirms; a late convocatoria is recorded as such.
 */
export async function conveneSession(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  input: ConvocationInput,
  services: NoticeServices,
  now = new Date(),
): Promise<Convocation> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.lockSessionRow(tx, orgId, sessionId);
    if (!row) throw notFound();
    const session = (await findSession(tx, orgId, sessionId))!;
    const status = await statusOfRow(tx, orgId, row);
    if (status === 'cancelled') throw conflict(`La ${session.name} fue cancelada: no puede convocarse.`);
    if (status !== 'scheduled') throw conflict(`La ${session.name} ya se celebró: no puede convocarse.`);
    const existing = await convocations.findConvocationRow(tx, orgId, sessionId);
    if (existing) {
      throw conflict(
        `La convocatoria de la ${session.name} ya se envió. Si cambia la fecha, la hora o el lugar, se envía una actualización a cada persona convocada.`,
      );
    }
    if (!row.startTime) {
      throw invalid(
        [{ path: 'startTime', message: 'Indique la hora de inicio antes de convocar' }],
        `Indique la hora de inicio de la ${session.name} antes de convocarla: la invitación de calendario la necesita.`,
      );
    }
    const agenda = await repo.listAgenda(tx, orgId, sessionId);
    if (!agenda.length) {
      throw conflict(`Agregue al menos un punto al orden del día de la ${session.name} antes de convocarla.`);
    }
    const given = hoursOfNotice({ heldOn: row.heldOn, startTime: row.startTime }, now);
    if (given < 0) throw conflict(`La ${session.name} ya comenzó: no puede convocarse.`);
    const required = convocations.requiredHours(await convocations.noticeSettings(tx, orgId), row.kind);
    const late = given < required;
    if (late && !input.confirmLate) {
      throw new AppError('CONVOCATION_LATE', 409, [], lateMessage(session, required, given));
    }

    const seats = (await rostersOn(tx, orgId, row.bodyId, [row.heldOn])).get(row.heldOn)!;
    const roster = await rosterEntries(tx, orgId, sessionId, seats);
    const emails = await convocations.emailsOf(
      tx,
      orgId,
      roster.flatMap((r) => (r.personId ? [r.personId] : [])),
      roster.flatMap((r) => (r.institutionId ? [r.institutionId] : [])),
    );
    const recipients = roster.map((r, i) => ({
      membershipId: r.membershipId,
      name: r.personName ?? r.institutionName ?? r.areaName ?? r.roleLabel,
      roleLabel: r.institutionName && r.personName ? `${r.roleLabel} (${r.institutionName})` : r.roleLabel,
      voting: r.voting,
      email:
        (r.personId ? emails.get(r.personId) : undefined) ??
        (r.institutionId ? emails.get(r.institutionId) : undefined) ??
        null,
      sortOrder: i,
    }));
    if (!recipients.some((r) => r.email)) {
      throw conflict(
        `Nadie de la ${session.name} tiene correo electrónico en el directorio: regístrelo antes de convocar.`,
      );
    }
    await convocations.insertConvocation(
      tx,
      {
        sessionId,
        organizationId: orgId,
        sequence: 0,
        sentAt: now,
        lastSentAt: now,
        requiredHours: required,
        givenHours: given,
        late,
        message: input.message ?? null,
      },
      recipients,
    );
    const today = todayInMexicoCity(now);
    if (row.convokedOn !== today) await repo.updateSessionRow(tx, orgId, sessionId, { convokedOn: today });
    const body = (await repo.findBody(tx, orgId, row.bodyId))!;
    const convened = (await findSession(tx, orgId, sessionId))!;
    await queueNotices(tx, services, orgId, 'convocation', body, convened, 0, input.message ?? null);
    const after = (await convocations.convocationOf(tx, orgId, sessionId))!;
    await recordAudit(tx, actor, {
      action: 'body_session.convene',
      entityType: 'body_session',
      entityId: sessionId,
      after: { ...after, recipients: after.recipients.map(({ name, email }) => ({ name, email })) },
    });
    return after;
  });
}

/**
 * After a convened session changed (date, time, place, modality) or was cancelled: one more
 * notice with the same UID and the next SEQUENCE, in the caller's transaction. Nothing when the
 * session was never convened.
 */
export async function sendFollowUpNotice(
  tx: Db,
  actor: ScopedAuditActor,
  services: NoticeServices,
  sessionId: string,
  kind: 'update' | 'cancellation',
): Promise<void> {
  const orgId = actor.organizationId;
  const existing = await convocations.findConvocationRow(tx, orgId, sessionId);
  if (!existing) return;
  const sequence = await convocations.bumpConvocation(tx, orgId, sessionId);
  const session = (await findSession(tx, orgId, sessionId))!;
  const body = (await repo.findBody(tx, orgId, session.bodyId))!;
  const sent = await queueNotices(tx, services, orgId, kind, body, session, sequence, existing.message);
  await recordAudit(tx, actor, {
    action: kind === 'update' ? 'body_session.convocation_update' : 'body_session.convocation_cancel',
    entityType: 'body_session',
    entityId: sessionId,
    after: { sequence, recipients: sent },
  });
}

/** Staff record a recipient's answer given outside the link (by phone, in person). */
export async function recordResponse(
  db: Db,
  actor: ScopedAuditActor,
  sessionId: string,
  recipientId: string,
  response: NoticeResponse,
  now = new Date(),
): Promise<Convocation> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const found = await convocations.findRecipientById(tx, recipientId);
    if (!found || found.organizationId !== orgId || found.sessionId !== sessionId) throw notFound();
    const row = (await repo.lockSessionRow(tx, orgId, sessionId))!;
    if (row.cancelledOn) throw conflict('La sesión fue cancelada: ya no se registran confirmaciones.');
    await convocations.updateRecipient(tx, orgId, recipientId, {
      response,
      respondedAt: now,
      respondedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'body_session.attendance_confirmation',
      entityType: 'convocation_recipient',
      entityId: recipientId,
      before: { response: found.response },
      after: { response, sessionId },
    });
    return (await convocations.convocationOf(tx, orgId, sessionId))!;
  });
}

async function recipientOf(db: Db, secret: string, token: string) {
  const id = recipientOfToken(secret, token);
  const found = id ? await convocations.findRecipientById(db, id) : undefined;
  if (!found) throw new AppError('CONVOCATION_LINK_INVALID', 404);
  return found;
}

/** What the recipient's link shows; the first opening is recorded as the receipt. */
export async function openConvocation(
  db: Db,
  secret: string,
  token: string,
  now = new Date(),
): Promise<PublicConvocation> {
  return inTransaction(db, async (tx) => {
    const r = await recipientOf(tx, secret, token);
    const orgId = r.organizationId;
    if (!r.receivedAt) {
      await convocations.updateRecipient(tx, orgId, r.id, { receivedAt: now });
      await recordAudit(
        tx,
        { userId: null, label: `enlace de la convocatoria (${r.name})`, organizationId: orgId },
        {
          action: 'body_session.convocation_receipt',
          entityType: 'convocation_recipient',
          entityId: r.id,
          after: { sessionId: r.sessionId, receivedAt: now.toISOString() },
        },
      );
    }
    return publicView(tx, orgId, r.sessionId, r.name, r.response);
  });
}

/** The recipient confirms (or declines) attendance through the link; also counts as the receipt. */
export async function answerConvocation(
  db: Db,
  secret: string,
  token: string,
  response: NoticeResponse,
  now = new Date(),
): Promise<PublicConvocation> {
  return inTransaction(db, async (tx) => {
    const r = await recipientOf(tx, secret, token);
    const orgId = r.organizationId;
    const row = (await repo.lockSessionRow(tx, orgId, r.sessionId))!;
    if (row.cancelledOn) throw conflict('La sesión fue cancelada: ya no se registran confirmaciones.');
    await convocations.updateRecipient(tx, orgId, r.id, {
      ...(r.receivedAt ? {} : { receivedAt: now }),
      response,
      respondedAt: now,
      respondedBy: null,
    });
    await recordAudit(
      tx,
      { userId: null, label: `enlace de la convocatoria (${r.name})`, organizationId: orgId },
      {
        action: 'body_session.attendance_confirmation',
        entityType: 'convocation_recipient',
        entityId: r.id,
        before: { response: r.response },
        after: { response, sessionId: r.sessionId },
      },
    );
    return publicView(tx, orgId, r.sessionId, r.name, response);
  });
}

/** An agenda document of the convocatoria's session, through the recipient's link. */
export async function convocationDocument(db: Db, secret: string, token: string, documentId: string) {
  const r = await recipientOf(db, secret, token);
  const doc = await convocations.sessionDocument(db, r.organizationId, r.sessionId, documentId);
  if (!doc) throw notFound();
  return doc;
}

async function publicView(
  db: Db,
  orgId: string,
  sessionId: string,
  recipientName: string,
  response: NoticeResponse | null,
): Promise<PublicConvocation> {
  const session = (await findSession(db, orgId, sessionId))!;
  const body = (await repo.findBody(db, orgId, session.bodyId))!;
  const convocation = (await convocations.findConvocationRow(db, orgId, sessionId))!;
  const agenda = await repo.listAgenda(db, orgId, sessionId);
  return {
    organizationName: await convocations.organizationName(db, orgId),
    bodyName: body.name,
    sessionName: session.name,
    heldOnText: session.heldOnText,
    startTime: session.startTime,
    endTime: session.endTime,
    modality: session.modality,
    place: session.place,
    cancelled: session.status === 'cancelled',
    message: convocation.message,
    recipientName,
    agenda: agenda.map((i) => ({
      position: i.position,
      title: i.title,
      documents: i.documents.map((d) => ({ id: d.id, filename: d.filename })),
    })),
    response,
  };
}

/** Changes the notice periods; audited with the values before and after. */
export async function updateNoticeSettings(
  db: Db,
  actor: ScopedAuditActor,
  input: NoticeSettings,
): Promise<NoticeSettings> {
  return inTransaction(db, async (tx) => {
    const before = await convocations.noticeSettings(tx, actor.organizationId);
    await convocations.saveNoticeSettings(tx, actor.organizationId, input);
    await recordAudit(tx, actor, {
      action: 'governance_settings.update',
      entityType: 'governance_settings',
      entityId: actor.organizationId,
      before,
      after: input,
    });
    return input;
  });
}
