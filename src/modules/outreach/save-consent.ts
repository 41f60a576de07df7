import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import {
  CHANNELS,
  type Channel,
  type Consent,
  type ConsentInput,
  type OptOutsInput,
  type WithdrawConsentInput,
} from './contract';
import {
  addOptOut,
  baseIdsOfOrg,
  findConsent,
  findContactRow,
  insertConsent,
  optOutsOf,
  removeOptOut,
  withdrawConsentRow,
} from './repository';

// Consent (given with its evidence, withdrawn with its date) and per-channel opt-outs. The
// evidence text may hold personal data: audit entries carry the consent's id, purpose, dates and
// notice version, never the evidence.

const consentAudit = (c: Consent) => ({
  id: c.id,
  contactId: c.contactId,
  baseId: c.baseId,
  purpose: c.purpose,
  givenOn: c.givenOn,
  source: c.source,
  privacyNoticeVersion: c.privacyNoticeVersion,
  hasEvidence: !!c.evidence,
  withdrawnOn: c.withdrawnOn,
});

async function liveContact(tx: Db, orgId: string, id: string) {
  const row = await findContactRow(tx, orgId, id);
  if (!row) throw notFound();
  if (row.erasedAt) throw conflict('Los datos de este contacto fueron suprimidos');
  return row;
}

export function recordConsent(
  db: Db,
  actor: ScopedAuditActor,
  contactId: string,
  input: ConsentInput,
): Promise<Consent> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await liveContact(tx, orgId, contactId);
    if (input.givenOn > todayInMexicoCity())
      throw invalid([{ path: 'givenOn', message: 'La fecha del consentimiento no puede ser futura' }]);
    if (input.baseId && !(await baseIdsOfOrg(tx, orgId, [input.baseId])).length)
      throw invalid([{ path: 'baseId', message: 'No existe esa base de contactos' }]);
    const created = await insertConsent(tx, {
      organizationId: orgId,
      contactId,
      baseId: input.baseId ?? null,
      purpose: input.purpose,
      givenOn: input.givenOn,
      source: input.source,
      privacyNoticeVersion: input.privacyNoticeVersion,
      evidence: input.evidence ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'outreach.consent.record',
      entityType: 'outreach_consent',
      entityId: created.id,
      after: consentAudit(created),
    });
    return created;
  });
}

export function withdrawConsent(
  db: Db,
  actor: ScopedAuditActor,
  consentId: string,
  input: WithdrawConsentInput,
): Promise<Consent> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findConsent(tx, orgId, consentId);
    if (!before) throw notFound();
    if (before.withdrawnOn)
      throw conflict(`Este consentimiento ya fue retirado el ${before.withdrawnOn}`, [
        { path: 'withdrawnOn', message: 'El consentimiento ya fue retirado' },
      ]);
    if (input.withdrawnOn < before.givenOn)
      throw invalid([
        { path: 'withdrawnOn', message: 'La fecha de retiro es anterior a la del consentimiento' },
      ]);
    if (input.withdrawnOn > todayInMexicoCity())
      throw invalid([{ path: 'withdrawnOn', message: 'La fecha de retiro no puede ser futura' }]);
    const after = await withdrawConsentRow(tx, orgId, consentId, input.withdrawnOn, input.source);
    await recordAudit(tx, actor, {
      action: 'outreach.consent.withdraw',
      entityType: 'outreach_consent',
      entityId: consentId,
      before: consentAudit(before),
      after: consentAudit(after),
    });
    return after;
  });
}

export function setOptOuts(
  db: Db,
  actor: ScopedAuditActor,
  contactId: string,
  input: OptOutsInput,
  source: 'staff' | 'arco_opposition' = 'staff',
) {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await liveContact(tx, orgId, contactId);
    const before = (await optOutsOf(tx, orgId, contactId)).map((o) => o.channel);
    for (const channel of CHANNELS) {
      if (input[channel]) await addOptOut(tx, orgId, contactId, channel, source);
      else await removeOptOut(tx, orgId, contactId, channel);
    }
    const after = (await optOutsOf(tx, orgId, contactId)).map((o) => o.channel);
    await recordAudit(tx, actor, {
      action: 'outreach.opt_out.update',
      entityType: 'outreach_contact',
      entityId: contactId,
      before: { optedOut: before },
      after: { optedOut: after, source },
    });
    return optOutsOf(tx, orgId, contactId);
  });
}

export type { Channel };
