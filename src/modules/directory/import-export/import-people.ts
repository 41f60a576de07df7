import { eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../../accounts';
import type { Db } from '../../platform/db/client';
import type { ImportReport, Person, PersonInput } from '../contract';
import { person } from '../schema';
import { PERSON_RULES } from './import-rules';
import { type Sheet } from '../../platform/spreadsheets/import-problems';
import { runImport, type ImportPlan } from './run-import';

const plan: ImportPlan<PersonInput> = {
  rules: PERSON_RULES,
  action: 'person.import',
  existingNames: async (tx, orgId) =>
    (await tx.select({ name: person.fullName }).from(person).where(eq(person.organizationId, orgId))).map(
      (r) => r.name,
    ),
  // A new person holds no positions yet: the row is presented as is, without re-reading it.
  insert: async (tx, orgId, { input }): Promise<Person> => {
    const [row] = await tx
      .insert(person)
      .values({ ...input, organizationId: orgId })
      .returning();
    const { organizationId: _, createdAt, updatedAt, ...rest } = row!;
    return {
      ...rest,
      currentPositions: [],
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  },
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
