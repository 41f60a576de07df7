import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, notFound } from '../../platform/errors';
import { registrantAuditView } from './audit-views';
import {
  communicationsOfRegistrant,
  deleteRegistrantRow,
  findMissionRow,
  findRegistrantRow,
} from './repository';

/**
 * Takes a registration off the mission (registered by mistake, or the person withdrew before any
 * message). The outreach contact and its consents stay (they are outreach's records, served by
 * ARCO); the contact leaves the mission's base. Refused (409) once the person is in the ledger of a
 * communication: that ledger is the record of what was sent to whom and must stay whole.
 */
export function removeRegistrant(db: Db, actor: ScopedAuditActor, id: string): Promise<void> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await findRegistrantRow(tx, orgId, id);
    if (!row) throw notFound();
    const communications = await communicationsOfRegistrant(tx, orgId, id);
    if (communications > 0)
      throw conflict(
        `No se puede quitar el registro: la persona está en ${communications === 1 ? 'una comunicación' : `${communications} comunicaciones`} de la misión, cuyo registro de envíos se conserva. ` +
          'Si ya no participa, cambie su acreditación a «Rechazada»; para suprimir sus datos, atienda una solicitud ARCO de cancelación en Difusión.',
        [{ path: 'id', message: `En ${communications} comunicación(es) de la misión` }],
      );
    const mission = (await findMissionRow(tx, orgId, row.missionId))!;
    const before = await registrantAuditView(tx, orgId, row);
    await deleteRegistrantRow(tx, orgId, id, row.contactId, mission.baseId);
    await recordAudit(tx, actor, {
      action: 'observers.registrant.delete',
      entityType: 'observers_registrant',
      entityId: id,
      before,
    });
  });
}
