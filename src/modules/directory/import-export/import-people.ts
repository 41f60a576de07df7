import { eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../../accounts/actor';
import type { Db } from '../../platform/db/client';
import type { ImportReport, PersonInput } from '../contract';
import { insertPerson } from '../repository';
import { person } from '../schema';
import { PERSON_RULES, type Sheet } from './import-rules';
import { runImport, type ImportPlan } from './run-import';

const plan: ImportPlan<PersonInput> = {
  rules: PERSON_RULES,
  action: 'person.import',
  existingNames: async (tx, orgId) =>
    (await tx.select({ name: person.fullName }).from(person).where(eq(person.organizationId, orgId))).map(
      (r) => r.name,
    ),
  insert: (tx, orgId, { input }) => insertPerson(tx, orgId, input),
};

/** Imports people from a sheet with the columns of PERSON_COLUMNS (current positions are not imported). */
export function importPeople(
  db: Db,
  actor: ScopedAuditActor,
  sheet: Sheet,
  skipInvalid: boolean,
): Promise<ImportReport> {
  return runImport(db, actor, plan, sheet, skipInvalid);
}
