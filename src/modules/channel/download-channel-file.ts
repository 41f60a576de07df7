import type { Actor } from '../accounts';
import { hasPermission } from '../accounts/contract';
import type { Db } from '../platform/db/client';
import { readFile } from '../platform/files/store-file';
import { forbidden, notFound } from '../platform/errors';
import type { QueueAccess } from './routing-access';
import * as repo from './routing-repository';

/**
 * A channel file, for whoever may see it (the rule lives here, not in the route): liaison staff
 * (channel.read) see the files of the folios they see; area staff (channel.answer) those of a folio
 * their area sees, a slip's own files while their area holds the slip, and the answers' files of
 * the months their area answers. Anyone else gets 404,
 * as if the file did not exist.
 */
export async function channelFileToDownload(db: Db, actor: Actor, id: string, access?: QueueAccess) {
  const reads = hasPermission(actor.roles, 'channel.read');
  // The areas whose queue the user works: their own, and an absent person's (ADR 0035).
  const answers = access ? access.scopes.length > 0 : hasPermission(actor.roles, 'channel.answer');
  const areaIds = access?.areaIds ?? actor.areaIds;
  // An installation operator sees no organization's records (ADR 0023).
  if (actor.operator) throw notFound();
  if (!reads && !answers) throw forbidden();
  const file = await repo.findAttachment(db, id);
  if (!file) throw notFound();
  const org = actor.organizationId;
  const by = file.communicationId
    ? { communicationId: file.communicationId }
    : { folioId: (file.messageFolioId ?? file.routingFolioId ?? file.occurrenceFolioId)! };
  let visible = false;
  if (file.occurrenceId) {
    // A month's answer: both sides' channel staff, and staff of the area that answers the obligation.
    visible =
      (reads && (await repo.seesFolio(db, org, by))) ||
      (hasPermission(actor.roles, 'channel.answer') &&
        file.occurrenceAreaId !== null &&
        actor.areaIds.includes(file.occurrenceAreaId) &&
        (await repo.seesFolio(db, org, by)));
  } else if (file.routingId) {
    visible =
      file.routingOrgId === org &&
      (reads || (areaIds.includes(file.routingAreaId ?? '') && file.routingHeld === true));
  } else {
    visible =
      (reads && (await repo.seesFolio(db, org, by))) ||
      (answers && (await repo.areaSeesFolio(db, org, areaIds, by)));
  }
  if (!visible) throw notFound();
  const stored = await readFile(db, file.sha256);
  if (!stored) throw notFound();
  return { file, stored };
}
