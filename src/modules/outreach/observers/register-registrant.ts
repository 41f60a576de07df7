import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { todayInMexicoCity } from '../../../shared/dates';
import { findContactRow } from '../repository';
import { recordConsent } from '../save-consent';
import { createContact } from '../save-contact';
import { contactMembership } from '../schema';
import { registrantAuditView } from './audit-views';
import type { Registrant, RegistrantConsentInput, RegistrantInput } from './contract';
import {
  accreditationHolder,
  findGroupRow,
  findMissionRow,
  findRegistrant,
  findRegistrantRow,
  insertRegistrant,
  registrantOfContact,
} from './repository';
import { accreditationProblems, normalizeAccreditationNumber } from './rules';

// Registering a foreign observer or visitor for a mission. The person's data becomes (or is) an
// outreach contact in the mission's base, and the consent given at registration an outreach
// consent for that base: access requests and erasure then cover the registration (ADR 0016).

/** The accreditation rule and the number's uniqueness within the mission. */
export async function assertAccreditation(
  tx: Db,
  missionId: string,
  status: Registrant['accreditationStatus'],
  number: string | null | undefined,
  except?: string,
) {
  const problems = accreditationProblems(status, number);
  if (problems.length) throw invalid(problems);
  const n = normalizeAccreditationNumber(number);
  if (!n) return null;
  const holder = await accreditationHolder(tx, missionId, n, except);
  if (holder)
    throw new AppError(
      'DUPLICATE',
      409,
      [
        {
          path: 'accreditationNumber',
          message: 'Ese número de acreditación ya está registrado en la misión',
        },
      ],
      `El número de acreditación ${n} ya pertenece a ${holder.full_name ?? 'otra persona registrada'}`,
    );
  return n;
}

export async function assertGroupOfMission(tx: Db, orgId: string, missionId: string, groupId: string) {
  const g = await findGroupRow(tx, orgId, groupId);
  if (!g || g.missionId !== missionId)
    throw invalid([{ path: 'groupId', message: 'No existe ese grupo en la misión' }]);
}

export function consentPurpose(missionName: string) {
  return `Registro, logística y comunicaciones de la ${missionName}`;
}

export function assertConsentDate(c: RegistrantConsentInput, path = 'consent.givenOn') {
  if (c.givenOn > todayInMexicoCity())
    throw invalid([{ path, message: 'La fecha del consentimiento no puede ser futura' }]);
}

export function registerRegistrant(
  db: Db,
  actor: ScopedAuditActor,
  missionId: string,
  input: RegistrantInput,
): Promise<Registrant> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const mission = await findMissionRow(tx, orgId, missionId);
    if (!mission) throw notFound();
    const number = await assertAccreditation(
      tx,
      missionId,
      input.accreditationStatus,
      input.accreditationNumber,
    );
    if (input.groupId) await assertGroupOfMission(tx, orgId, missionId, input.groupId);
    if (input.consent) assertConsentDate(input.consent);

    let contactId: string;
    if (input.contactId) {
      const existing = await findContactRow(tx, orgId, input.contactId);
      if (!existing) throw invalid([{ path: 'contactId', message: 'No existe ese contacto' }]);
      if (existing.kind !== 'person')
        throw invalid([
          { path: 'contactId', message: 'Ese contacto es una organización: registre a una persona' },
        ]);
      if (existing.erasedAt)
        throw conflict('Los datos de este contacto fueron suprimidos', [
          { path: 'contactId', message: 'Contacto suprimido' },
        ]);
      contactId = existing.id;
      await tx
        .insert(contactMembership)
        .values({ organizationId: orgId, baseId: mission.baseId, contactId })
        .onConflictDoNothing();
    } else {
      contactId = (
        await createContact(tx, actor, {
          kind: 'person',
          fullName: input.fullName!,
          email: input.email ?? null,
          phone: input.phone ?? null,
          country: input.nationality,
          affiliation: input.organization ?? null,
          tags: [],
          baseIds: [mission.baseId],
        })
      ).id;
    }
    if (await registrantOfContact(tx, missionId, contactId))
      throw conflict('Esta persona ya está registrada en la misión', [
        { path: input.contactId ? 'contactId' : 'fullName', message: 'Ya registrada en la misión' },
      ]);

    const id = await insertRegistrant(tx, {
      organizationId: orgId,
      missionId,
      contactId,
      kind: input.kind,
      nationality: input.nationality,
      accreditationStatus: input.accreditationStatus,
      accreditationNumber: number,
      groupId: input.groupId ?? null,
      notes: input.notes ?? null,
    });
    if (input.consent)
      await recordConsent(tx, actor, contactId, {
        purpose: consentPurpose(mission.name),
        givenOn: input.consent.givenOn,
        source: input.consent.source,
        privacyNoticeVersion: input.consent.privacyNoticeVersion,
        evidence: input.consent.evidence ?? null,
        baseId: mission.baseId,
      });
    await recordAudit(tx, actor, {
      action: 'observers.registrant.create',
      entityType: 'observers_registrant',
      entityId: id,
      after: await registrantAuditView(tx, orgId, (await findRegistrantRow(tx, orgId, id))!),
    });
    return (await findRegistrant(tx, orgId, id))!;
  });
}
