import type { ScopedAuditActor } from '../../accounts';
import { recordAudits, type AuditEvent } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import { AppError } from '../../platform/errors';
import { ERROR_CODES } from '../../../shared/errors';
import type { ImportReport } from '../contract';
import {
  MAX_LISTED_PROBLEMS,
  checkRow,
  flagDuplicates,
  mapHeader,
  outcome,
  problemsToFields,
  type CheckedRow,
  type EntityRules,
  type Sheet,
} from '../../platform/spreadsheets/import-problems';

/** What differs between importing institutions, areas and people. */
export type ImportPlan<T> = {
  rules: EntityRules<T>;
  /** The audit action of each created record, e.g. "institution.import". */
  action: string;
  /** Names of the organization's records, for duplicates. */
  existingNames(tx: Db, orgId: string): Promise<string[]>;
  /** Further checks across rows (e.g. areas' parents); adds problems to the rows. */
  crossCheck?(tx: Db, orgId: string, rows: CheckedRow<T>[]): Promise<void>;
  /** Writes one valid row; rows are written in file order. */
  insert(tx: Db, orgId: string, row: { row: number; input: T }): Promise<{ id: string }>;
};

/**
 * Imports a sheet in one transaction. With problems and `skipInvalid` false nothing is written and
 * the answer is IMPORT_INVALID with every problem as `rows.<row>.<column>`; otherwise the valid
 * rows are written, each with its audit entry, and the report lists what was left out.
 */
export async function runImport<T>(
  db: Db,
  actor: ScopedAuditActor,
  plan: ImportPlan<T>,
  sheet: Sheet,
  skipInvalid: boolean,
): Promise<ImportReport> {
  const header = mapHeader(plan.rules.columns, sheet);
  if (header.fatal.length) {
    throw new AppError(
      'IMPORT_INVALID',
      400,
      header.fatal,
      header.fatal.map((f) => f.message).join('. ') + '.',
    );
  }
  const orgId = actor.organizationId;
  return inTransaction(db, async (tx) => {
    const rows = sheet.rows.map((r) => checkRow(plan.rules, header, r));
    flagDuplicates(plan.rules, rows, await plan.existingNames(tx, orgId));
    await plan.crossCheck?.(tx, orgId, rows);
    const result = outcome(header, rows);
    if (result.problems.length && !skipInvalid) {
      const more =
        result.problems.length > MAX_LISTED_PROBLEMS
          ? ` Se muestran los primeros ${MAX_LISTED_PROBLEMS} de ${result.problems.length} problemas.`
          : '';
      throw new AppError(
        'IMPORT_INVALID',
        400,
        problemsToFields(result.problems),
        ERROR_CODES.IMPORT_INVALID + more,
      );
    }
    const events: AuditEvent[] = [];
    for (const valid of result.valid) {
      const created = await plan.insert(tx, orgId, valid);
      events.push({
        action: plan.action,
        entityType: plan.rules.entity,
        entityId: created.id,
        after: created,
      });
    }
    await recordAudits(tx, actor, events);
    return {
      imported: result.valid.length,
      skipped: result.skipped,
      problems: result.problems.slice(0, MAX_LISTED_PROBLEMS),
    };
  });
}
