import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, notFound } from '../../platform/errors';
import { updateContact } from '../save-contact';
import { registrantAuditView } from './audit-views';
import type { Registrant, RegistrantPatch } from './contract';
import { findRegistrant, findRegistrantRow, updateRegistrantRow } from './repository';
import { assertAccreditation, assertGroupOfMission } from './register-registrant';

// Correcting a registration (rectification): its own fields here, the person's data in its
// outreach contact (audited there as a contact update).

export function updateRegistrant(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: RegistrantPatch,
): Promise<Registrant> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findRegistrantRow(tx, orgId, id);
    if (!before) throw notFound();
    const current = (await findRegistrant(tx, orgId, id))!;
    if (current.erased) throw conflict('Los datos de esta persona fueron suprimidos; no pueden modificarse');
    const status = patch.accreditationStatus ?? before.accreditationStatus;
    const number =
      patch.accreditationNumber !== undefined ? patch.accreditationNumber : before.accreditationNumber;
    const normalized = await assertAccreditation(tx, before.missionId, status, number, id);
    if (patch.groupId) await assertGroupOfMission(tx, orgId, before.missionId, patch.groupId);

    const { fullName, organization, email, phone, ...own } = patch;
    const person = {
      ...(fullName !== undefined ? { fullName } : {}),
      ...(organization !== undefined ? { affiliation: organization } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(phone !== undefined ? { phone } : {}),
    };
    if (Object.keys(person).length) await updateContact(tx, actor, before.contactId, person);
    await updateRegistrantRow(tx, orgId, id, {
      ...own,
      accreditationStatus: status,
      accreditationNumber: normalized,
    });
    const after = (await findRegistrantRow(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'observers.registrant.update',
      entityType: 'observers_registrant',
      entityId: id,
      before: await registrantAuditView(tx, orgId, before),
      after: await registrantAuditView(tx, orgId, after),
    });
    return (await findRegistrant(tx, orgId, id))!;
  });
}
