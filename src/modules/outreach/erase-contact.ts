import { and, eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { EraseInput } from './contract';
import { eraseRegistrationsOfContact } from './observers/repository';
import { arcoRows, findContact, findContactRow } from './repository';
import { arcoRequest, consent, contactMembership, contact, ledger, manualContact } from './schema';

/**
 * Erasure (cancellation of personal data). Every personal column of the contact, of its consents'
 * evidence, of its ledger rows (the address) and of staff notes is blanked; the rows themselves
 * stay so that counts, campaign ledgers and ARCO deadlines remain true. The contact's audit salt
 * is destroyed: earlier audit entries hold only HMAC digests keyed by it, which can no longer be
 * linked to anyone. The erasure itself is one audit entry without personal data (the reason is written by staff, e.g.
 * "Solicitud ARCO/003/2024 procedente").
 */
export function eraseContact(db: Db, actor: ScopedAuditActor, id: string, input: EraseInput) {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await findContactRow(tx, orgId, id);
    if (!row) throw notFound();
    if (row.erasedAt) throw conflict('Los datos de este contacto ya fueron suprimidos');
    if (input.arcoRequestId) {
      const [request] = await arcoRows(tx, orgId, { id: input.arcoRequestId });
      if (!request || request.contactId !== id)
        throw invalid([{ path: 'arcoRequestId', message: 'No existe esa solicitud ARCO de este contacto' }]);
    }
    await tx
      .update(contact)
      .set({
        fullName: null,
        nameKey: null,
        email: null,
        emailKey: null,
        phone: null,
        phoneKey: null,
        city: null,
        affiliation: null,
        notes: null,
        tags: [],
        auditSalt: null,
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(contact.organizationId, orgId), eq(contact.id, id)));
    await tx.delete(contactMembership).where(eq(contactMembership.contactId, id));
    await tx
      .update(consent)
      .set({ evidence: null, updatedAt: new Date() })
      .where(and(eq(consent.organizationId, orgId), eq(consent.contactId, id)));
    await tx
      .update(ledger)
      .set({ email: null })
      .where(and(eq(ledger.organizationId, orgId), eq(ledger.contactId, id)));
    await tx
      .update(manualContact)
      .set({ notes: null })
      .where(and(eq(manualContact.organizationId, orgId), eq(manualContact.contactId, id)));
    await tx
      .update(arcoRequest)
      .set({ description: null, updatedAt: new Date() })
      .where(and(eq(arcoRequest.organizationId, orgId), eq(arcoRequest.contactId, id)));
    // Registrations for accompaniment missions: accreditation number, notes, copied addresses.
    const registrations = await eraseRegistrationsOfContact(tx, orgId, id);
    await recordAudit(tx, actor, {
      action: 'outreach.contact.erase',
      entityType: 'outreach_contact',
      entityId: id,
      after: {
        id,
        erased: true,
        arcoRequestId: input.arcoRequestId ?? null,
        reason: input.reason,
        ...(registrations.length ? { observerRegistrations: registrations } : {}),
      },
    });
    return (await findContact(tx, orgId, id))!;
  });
}
