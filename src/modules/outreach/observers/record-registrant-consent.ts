import type { ScopedAuditActor } from '../../accounts';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, notFound } from '../../platform/errors';
import { recordConsent } from '../save-consent';
import type { RegistrantConsentInput } from './contract';
import { findMissionRow, findRegistrant } from './repository';
import { assertConsentDate, consentPurpose } from './register-registrant';

/**
 * A consent given after registration: an outreach consent for the mission's base, audited by
 * outreach (`outreach.consent.record`). Withdrawal is outreach's (the consent belongs to the contact).
 */
export function recordRegistrantConsent(
  db: Db,
  actor: ScopedAuditActor,
  registrantId: string,
  input: RegistrantConsentInput,
) {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const r = await findRegistrant(tx, orgId, registrantId);
    if (!r) throw notFound();
    if (r.erased) throw conflict('Los datos de esta persona fueron suprimidos');
    assertConsentDate(input, 'givenOn');
    const mission = (await findMissionRow(tx, orgId, r.missionId))!;
    return recordConsent(tx, actor, r.contactId, {
      purpose: consentPurpose(mission.name),
      givenOn: input.givenOn,
      source: input.source,
      privacyNoticeVersion: input.privacyNoticeVersion,
      evidence: input.evidence ?? null,
      baseId: mission.baseId,
    });
  });
}
