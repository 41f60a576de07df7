import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict } from '../platform/errors';
import type { Body, BodyInput } from './contract';
import { findBodyByAcronym, insertBody } from './repository';

/** Registers the Consejo General or a committee; its agreements are numbered `prefix + NNN + /YYYY`. */
export async function createBody(db: Db, actor: ScopedAuditActor, input: BodyInput): Promise<Body> {
  return inTransaction(db, async (tx) => {
    if (await findBodyByAcronym(tx, actor.organizationId, input.acronym)) {
      throw conflict(`Ya existe un órgano colegiado con las siglas ${input.acronym}.`, [
        { path: 'acronym', message: 'Siglas ya registradas' },
      ]);
    }
    const created = await insertBody(tx, actor.organizationId, {
      name: input.name,
      acronym: input.acronym,
      kind: input.kind,
      agreementPrefix: input.agreementPrefix ?? `${input.acronym}/`,
      createdByAgreement: input.createdByAgreement ?? null,
      createdOn: input.createdOn,
      endedOn: input.endedOn ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'governing_body.create',
      entityType: 'governing_body',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
