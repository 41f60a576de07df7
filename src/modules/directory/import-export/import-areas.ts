import { eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../../accounts';
import type { Db } from '../../platform/db/client';
import type { Area, ImportReport } from '../contract';
import { area } from '../schema';
import { AREA_RULES, resolveAreaParents, type AreaRowInput, type ParentRef } from './import-rules';
import { type Sheet } from '../../platform/spreadsheets/import-problems';
import { runImport, type ImportPlan } from './run-import';

const existingAreas = (tx: Db, orgId: string) =>
  tx
    .select({ id: area.id, name: area.name, acronym: area.acronym })
    .from(area)
    .where(eq(area.organizationId, orgId));

/**
 * Imports areas from a sheet with the columns of AREA_COLUMNS. `area_superior` names an existing
 * area or one in a row above (by name or acronym); rows are written top to bottom so that each
 * parent exists before its children.
 */
export function importAreas(
  db: Db,
  actor: ScopedAuditActor,
  sheet: Sheet,
  skipInvalid: boolean,
): Promise<ImportReport> {
  let parents = new Map<number, ParentRef>();
  const createdByRow = new Map<number, string>();
  const plan: ImportPlan<AreaRowInput> = {
    rules: AREA_RULES,
    action: 'area.import',
    existingNames: async (tx, orgId) => (await existingAreas(tx, orgId)).map((a) => a.name),
    crossCheck: async (tx, orgId, rows) => {
      parents = resolveAreaParents(rows, await existingAreas(tx, orgId));
    },
    insert: async (tx, orgId, { row, input }) => {
      const parent = parents.get(row) ?? null;
      const parentId =
        parent === null ? null : 'areaId' in parent ? parent.areaId : createdByRow.get(parent.row)!;
      // A new area has no head yet: the row is presented as is, without re-reading it.
      const [created] = await tx
        .insert(area)
        .values({ ...input, parentId, organizationId: orgId })
        .returning();
      const { organizationId: _, createdAt, updatedAt, ...rest } = created!;
      createdByRow.set(row, rest.id);
      return {
        ...rest,
        currentHead: null,
        createdAt: createdAt.toISOString(),
        updatedAt: updatedAt.toISOString(),
      } satisfies Area;
    },
  };
  return runImport(db, actor, plan, sheet, skipInvalid);
}
