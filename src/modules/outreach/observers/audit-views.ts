import type { Db } from '../../platform/db/client';
import { findContactRow } from '../repository';
import { auditDigest } from '../rules';
import type { observerRegistrant } from './schema';

// Audit entries of the mission never hold personal data (as outreach's, ADR 0014): a registrant
// appears by id, contact id, kind, nationality, status and group; its accreditation number and
// notes as HMAC digests keyed by its contact's salt, unlinkable once the contact is erased.

export async function registrantAuditView(db: Db, orgId: string, r: typeof observerRegistrant.$inferSelect) {
  const salt = (await findContactRow(db, orgId, r.contactId))?.auditSalt ?? '';
  return {
    id: r.id,
    missionId: r.missionId,
    contactId: r.contactId,
    kind: r.kind,
    nationality: r.nationality,
    accreditationStatus: r.accreditationStatus,
    groupId: r.groupId,
    erased: !!r.erasedAt,
    digests: {
      accreditationNumber: salt ? auditDigest(salt, r.accreditationNumber) : null,
      notes: salt ? auditDigest(salt, r.notes) : null,
    },
  };
}
