import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { contactAuditView, newAuditSalt } from './audit-payloads';
import type { Contact, ContactInput, ContactPatch } from './contract';
import {
  baseIdsOfOrg,
  contactKeys,
  findContact,
  findContactRow,
  insertContact,
  setMemberships,
  updateContactRow,
} from './repository';
import { duplicateOf, keysOf } from './rules';

// Creating and correcting (rectifying) a contact. A contact that repeats another's e-mail or
// phone (or, without either, its name) is refused with the existing contact named.

async function assertBases(tx: Db, orgId: string, ids: string[]) {
  const found = await baseIdsOfOrg(tx, orgId, ids);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length)
    throw invalid(
      missing.map((id) => ({
        path: `baseIds.${ids.indexOf(id)}`,
        message: 'No existe esa base de contactos',
      })),
    );
}

async function assertNotDuplicate(
  tx: Db,
  orgId: string,
  candidate: { email?: string | null; phone?: string | null; fullName?: string | null },
  except?: string,
) {
  const keys = keysOf(candidate);
  for (const other of await contactKeys(tx, orgId)) {
    if (other.id === except) continue;
    const dup = duplicateOf(keys, other);
    if (dup) {
      const { field: path, reason } = dup;
      throw conflict(`Ya existe un contacto con ${reason}: ${other.fullName ?? ''}`, [
        { path, message: `Ya existe un contacto con ${reason}` },
      ]);
    }
  }
}

export function createContact(db: Db, actor: ScopedAuditActor, input: ContactInput): Promise<Contact> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await assertBases(tx, orgId, input.baseIds);
    await assertNotDuplicate(tx, orgId, input);
    const { baseIds, ...fields } = input;
    const keys = keysOf(fields);
    const id = await insertContact(tx, {
      ...fields,
      organizationId: orgId,
      nameKey: keys.name,
      emailKey: keys.email,
      phoneKey: keys.phone,
      auditSalt: newAuditSalt(),
    });
    await setMemberships(tx, orgId, id, [...new Set(baseIds)]);
    const row = (await findContactRow(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.contact.create',
      entityType: 'outreach_contact',
      entityId: id,
      after: contactAuditView(row, baseIds),
    });
    return (await findContact(tx, orgId, id))!;
  });
}

export function updateContact(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: ContactPatch,
): Promise<Contact> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findContactRow(tx, orgId, id);
    if (!before) throw notFound();
    if (before.erasedAt)
      throw conflict('Los datos de este contacto fueron suprimidos; no pueden modificarse');
    const current = (await findContact(tx, orgId, id))!;
    if (patch.baseIds) await assertBases(tx, orgId, patch.baseIds);
    const { baseIds, ...fields } = patch;
    const merged = { ...before, ...fields };
    await assertNotDuplicate(tx, orgId, merged, id);
    const keys = keysOf(merged);
    await updateContactRow(tx, orgId, id, {
      ...fields,
      nameKey: keys.name,
      emailKey: keys.email,
      phoneKey: keys.phone,
      // A new address is not the one that bounced.
      ...(keys.email !== before.emailKey ? { emailInvalidAt: null } : {}),
    });
    if (baseIds) await setMemberships(tx, orgId, id, [...new Set(baseIds)]);
    const after = (await findContactRow(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.contact.update',
      entityType: 'outreach_contact',
      entityId: id,
      before: contactAuditView(before, current.baseIds),
      after: contactAuditView(after, baseIds ?? current.baseIds),
    });
    return (await findContact(tx, orgId, id))!;
  });
}
