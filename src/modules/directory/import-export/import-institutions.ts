import { eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../../accounts';
import type { Db } from '../../platform/db/client';
import type { ImportReport, InstitutionInput } from '../contract';
import { insertInstitution } from '../repository';
import { institution } from '../schema';
import { INSTITUTION_RULES } from './import-rules';
import { type Sheet } from '../../platform/spreadsheets/import-problems';
import { runImport, type ImportPlan } from './run-import';

const plan: ImportPlan<InstitutionInput> = {
  rules: INSTITUTION_RULES,
  action: 'institution.import',
  existingNames: async (tx, orgId) =>
    (
      await tx
        .select({ name: institution.name })
        .from(institution)
        .where(eq(institution.organizationId, orgId))
    ).map((r) => r.name),
  insert: (tx, orgId, { input }) => insertInstitution(tx, orgId, input),
};

/** Imports institutions from a sheet with the columns of INSTITUTION_COLUMNS. */
export function importInstitutions(
  db: Db,
  actor: ScopedAuditActor,
  sheet: Sheet,
  skipInvalid: boolean,
): Promise<ImportReport> {
  return runImport(db, actor, plan, sheet, skipInvalid);
}
