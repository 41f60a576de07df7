import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { Config } from '../platform/config/config';
import { storeFile } from '../platform/files/store-file';
import type { Upload } from '../platform/http/files';
import { conflict, fileRefused, invalid } from '../platform/errors';
import { checkAttachment } from './attach-channel-file';
import { insertAttachment } from './routing-repository';
import { nextNumber } from '../platform/sequences/next-number';
import type { SendCommunicationInput } from './contract';
import { dueDateFor } from './due-rules';
import { folioSeries, formatFolioNumber } from './folio-number';
import { initialStatus } from './contract-folio-status';
import { workCalendarOf } from '../platform/calendar/repository';
import {
  insertCommunication,
  insertFolioEvents,
  insertFolios,
  localBodies,
  nationalAuthority,
} from './repository';

const NO_FILES: Config['channel'] = { attachmentMaxBytes: 0, attachmentTypes: [], reminderBusinessDays: 0 };

/** At most this many files travel with a communication when it is sent. */
export const COMMUNICATION_MAX_FILES = 10;

/**
 * Sends a communication through the channel inside the installation: the national authority to one,
 * several or all local bodies (follow_up), or a local body to the national authority
 * (consultation). The number comes from the national authority's series for the module and year;
 * each recipient gets its own folio, with the due date computed on its own calendar. The files (the
 * oficio and its annexes) go in the same transaction: a refused file sends nothing.
 */
export async function sendCommunication(
  db: Db,
  actor: Actor,
  input: SendCommunicationInput,
  attachments: { limits: Config['channel']; files: readonly Upload[] } = { limits: NO_FILES, files: [] },
) {
  const checked = attachments.files.map((file) => {
    const check = checkAttachment(attachments.limits, { filename: file.filename, size: file.data.length });
    if (!check.ok) throw fileRefused({ ...check, message: `${file.filename}: ${check.message}` }, 'files');
    return { file, mediaType: check.mediaType };
  });
  const kind = actor.organization.kind;
  if (input.module === 'follow_up' && kind !== 'national_authority') {
    throw conflict('Las comunicaciones de seguimiento las envía la autoridad nacional.', [
      { path: 'module', message: 'No corresponde a su organización' },
    ]);
  }
  if (input.module === 'consultation' && kind !== 'local_body') {
    throw conflict('Las consultas las envían los organismos locales.', [
      { path: 'module', message: 'No corresponde a su organización' },
    ]);
  }
  return inTransaction(db, async (tx) => {
    const national = await nationalAuthority(tx);
    if (!national) {
      throw conflict(
        'La autoridad nacional no opera en esta instalación: registre el folio con el número que le asignó su sistema.',
      );
    }
    const recipients =
      input.module === 'consultation'
        ? [actor.organization]
        : input.toAll
          ? await localBodies(tx)
          : await localBodies(tx, input.recipientOrgIds);
    if (input.module === 'follow_up') {
      const found = new Set(recipients.map((r) => r.id));
      const missing = input.recipientOrgIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
      if (missing.length)
        throw invalid(
          missing.map(({ i }) => ({
            path: `recipientOrgIds.${i}`,
            message: 'No es un organismo local de esta instalación',
          })),
        );
      if (!recipients.length)
        throw invalid([{ path: 'recipientOrgIds', message: 'Indique al menos un destinatario' }]);
    }
    const year = Number(input.sentOn.slice(0, 4));
    const number = await nextNumber(tx, national.id, folioSeries(input.module, year));
    const communication = await insertCommunication(tx, {
      module: input.module,
      year,
      number,
      numberingOrgId: national.id,
      originOrgId: actor.organizationId,
      originLabel: actor.organization.name,
      documentType: input.documentType,
      nature: input.module === 'consultation' ? 'for_attention' : input.nature,
      subject: input.subject,
      body: input.body,
      sentOn: input.sentOn,
      createdBy: actor.userId,
    });
    const folios = [];
    for (const r of recipients) {
      let dueOn: string | null = null;
      if (input.dueRule) {
        const due = dueDateFor(input.dueRule, await workCalendarOf(tx, r.id), input.sentOn);
        if (!due.ok) throw invalid([{ path: 'dueRule', message: due.reason }]);
        dueOn = due.due;
      }
      folios.push({
        communicationId: communication.id,
        localOrgId: r.id,
        nationalOrgId: national.id,
        module: input.module,
        year,
        number,
        status: initialStatus(input.module),
        receivedOn: input.sentOn,
        dueRule: input.dueRule,
        dueOn,
      });
    }
    const created = await insertFolios(tx, folios);
    await insertFolioEvents(
      tx,
      created.map((f) => ({
        folioId: f.id,
        organizationId: actor.organizationId,
        userId: actor.userId,
        actorLabel: actor.name,
        event: 'sent',
        fromStatus: null,
        toStatus: f.status,
        occurredOn: input.sentOn,
      })),
    );
    const files = [];
    for (const { file, mediaType } of checked) {
      const sha256 = await storeFile(tx, file.data, mediaType);
      const attachment = await insertAttachment(tx, {
        organizationId: actor.organizationId,
        communicationId: communication.id,
        sha256,
        filename: file.filename,
        mediaType,
        size: file.data.length,
        uploadedBy: actor.userId,
      });
      files.push({ id: attachment.id, filename: file.filename, sha256, size: file.data.length });
    }
    const folio = formatFolioNumber({ number, year });
    await recordAudit(tx, auditActor(actor), {
      action: 'channel.communication_send',
      entityType: 'channel_communication',
      entityId: communication.id,
      after: { folio, ...input, recipients: created.map((f) => f.localOrgId), files },
    });
    return { communicationId: communication.id, folio, folioIds: created.map((f) => f.id) };
  });
}
