import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, conflict, invalid } from '../platform/errors';
import type { RegisterFolioInput } from './contract';
import { dueDateFor } from './due-rules';
import { parseFolioNumber } from './folio-number';
import { initialStatus } from './contract-folio-status';
import { workCalendarOf } from '../platform/calendar/repository';
import {
  insertCommunication,
  insertFolioEvents,
  insertFolios,
  nationalAuthority,
  typedNumberTaken,
} from './repository';

/**
 * A local body whose national counterpart is outside the installation records a folio of the
 * outside system by hand, with the number that system gave it.
 */
export async function registerReceivedFolio(db: Db, actor: Actor, input: RegisterFolioInput) {
  if (actor.organization.kind !== 'local_body') {
    throw conflict('Solo un organismo local registra folios de un sistema externo.');
  }
  return inTransaction(db, (tx) => registerReceivedFolioIn(tx, actor, input));
}

/**
 * The rules and writes of registering one received folio, inside the caller's transaction (the
 * spreadsheet import registers many in one). `action` names the audit entry.
 */
export async function registerReceivedFolioIn(
  tx: Db,
  actor: Actor,
  input: RegisterFolioInput,
  action = 'channel.folio_register',
) {
  const number = parseFolioNumber(input.folio);
  if (!number)
    throw invalid([{ path: 'folio', message: 'Escriba el folio como número/año, p. ej. 270/2023' }]);
  if (await nationalAuthority(tx)) {
    throw conflict(
      'La autoridad nacional opera en esta instalación: sus folios llegan por el sistema, con su número.',
    );
  }
  if (await typedNumberTaken(tx, actor.organizationId, input.module, number.year, number.number)) {
    throw new AppError('DUPLICATE', 409, [
      { path: 'folio', message: `El folio ${input.folio.trim()} ya está registrado en este módulo` },
    ]);
  }
  let dueOn: string | null = null;
  if (input.dueRule) {
    const due = dueDateFor(input.dueRule, await workCalendarOf(tx, actor.organizationId), input.receivedOn);
    if (!due.ok) throw invalid([{ path: 'dueRule', message: due.reason }]);
    dueOn = due.due;
  }
  const communication = await insertCommunication(tx, {
    module: input.module,
    year: number.year,
    number: number.number,
    numberingOrgId: null,
    originOrgId: input.module === 'consultation' ? actor.organizationId : null,
    originLabel: input.module === 'consultation' ? actor.organization.name : 'Instituto Nacional Electoral',
    documentType: input.documentType,
    nature: input.module === 'consultation' ? 'for_attention' : input.nature,
    subject: input.subject,
    body: input.body,
    sentOn: input.sentOn,
    createdBy: actor.userId,
  });
  // A folio brought from another system keeps the day it reached its status: registered with the
  // module's initial status on its reception, then moved to the status on that day.
  const initial = initialStatus(input.module);
  const status = input.status ?? initial;
  const statusOn = input.statusOn ?? input.receivedOn;
  const [folio] = await insertFolios(tx, [
    {
      communicationId: communication.id,
      localOrgId: actor.organizationId,
      nationalOrgId: null,
      module: input.module,
      year: number.year,
      number: number.number,
      status,
      receivedOn: input.receivedOn,
      dueRule: input.dueRule,
      dueOn,
      closedOn: status === 'concluded' || status === 'cancelled' ? statusOn : null,
    },
  ]);
  await insertFolioEvents(tx, [
    {
      folioId: folio!.id,
      organizationId: actor.organizationId,
      userId: actor.userId,
      actorLabel: actor.name,
      event: 'registered',
      fromStatus: null,
      toStatus: statusOn === input.receivedOn ? status : initial,
      occurredOn: input.receivedOn,
    },
    ...(statusOn !== input.receivedOn && status !== initial
      ? [
          {
            folioId: folio!.id,
            organizationId: actor.organizationId,
            userId: actor.userId,
            actorLabel: actor.name,
            event: 'status_brought',
            fromStatus: initial,
            toStatus: status,
            occurredOn: statusOn,
          },
        ]
      : []),
  ]);
  await recordAudit(tx, auditActor(actor), {
    action,
    entityType: 'channel_folio',
    entityId: folio!.id,
    after: { ...input, status },
  });
  return { folioId: folio!.id };
}
