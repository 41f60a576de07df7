import { sql } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, conflict, invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { ManualContact, ManualContactInput } from './contract';
import { findCampaignRow, findContactRow, manualContactsOf, rowsOf } from './repository';
import { manualContact } from './schema';

/**
 * Staff log a WhatsApp message or a phone call to one contact for a campaign (no provider is
 * integrated). Refused (409 OPTED_OUT) for a contact who opted out of that channel or has no
 * consent in force.
 */
export function recordManualContact(
  db: Db,
  actor: ScopedAuditActor,
  campaignId: string,
  input: ManualContactInput,
): Promise<ManualContact> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const c = await findCampaignRow(tx, orgId, campaignId);
    if (!c) throw notFound();
    if (!c.channels.includes(input.channel))
      throw invalid([{ path: 'channel', message: 'La campaña no usa ese canal' }]);
    const person = await findContactRow(tx, orgId, input.contactId);
    if (!person) throw invalid([{ path: 'contactId', message: 'No existe ese contacto' }]);
    if (person.erasedAt) throw conflict('Los datos de este contacto fueron suprimidos');
    if (input.contactedOn > todayInMexicoCity())
      throw invalid([{ path: 'contactedOn', message: 'La fecha no puede ser futura' }]);
    const [state] = await rowsOf<{ opted_out: boolean; consenting: boolean }>(
      tx,
      sql`select exists (select 1 from outreach_opt_out o where o.contact_id = ${person.id} and o.channel = ${input.channel}) as opted_out,
        exists (select 1 from outreach_consent k where k.contact_id = ${person.id} and k.withdrawn_on is null) as consenting`,
    );
    if (state!.opted_out || !state!.consenting)
      throw new AppError('OPTED_OUT', 409, [
        {
          path: 'contactId',
          message: state!.opted_out
            ? `La persona se dio de baja del canal ${input.channel === 'phone' ? 'telefónico' : 'WhatsApp'}`
            : 'La persona no tiene consentimiento vigente',
        },
      ]);
    const [row] = await tx
      .insert(manualContact)
      .values({ ...input, organizationId: orgId, campaignId, recordedBy: actor.label })
      .returning({ id: manualContact.id });
    await recordAudit(tx, actor, {
      action: 'outreach.manual_contact.record',
      entityType: 'outreach_manual_contact',
      entityId: row!.id,
      after: {
        campaignId,
        contactId: input.contactId,
        channel: input.channel,
        outcome: input.outcome,
        contactedOn: input.contactedOn,
      },
    });
    return (await manualContactsOf(tx, orgId, campaignId)).find((m) => m.id === row!.id)!;
  });
}
