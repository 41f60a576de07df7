import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { invalid } from '../platform/errors';
import * as repo from './repository';
import { programObjective } from './schema';

/**
 * Where a record belongs in the program: an objective (and its line), or a line that has no
 * objectives. Both ids must be the organization's; a line with objectives needs one of them.
 */
export async function resolveScope(
  db: Db,
  orgId: string,
  input: { lineId?: string | undefined; objectiveId?: string | null | undefined },
  options: { lineLevelAllowed?: boolean } = {},
): Promise<{ lineId: string; objectiveId: string | null }> {
  if (input.objectiveId) {
    const objective = await repo.findObjective(db, orgId, input.objectiveId);
    if (!objective)
      throw invalid([{ path: 'objectiveId', message: 'El objetivo no existe en su organización' }]);
    if (input.lineId && input.lineId !== objective.lineId)
      throw invalid([{ path: 'lineId', message: 'El objetivo no pertenece a esa línea' }]);
    return { lineId: objective.lineId, objectiveId: objective.id };
  }
  if (!input.lineId) throw invalid([{ path: 'objectiveId', message: 'Indique el objetivo del programa' }]);
  const line = await repo.findLine(db, orgId, input.lineId);
  if (!line) throw invalid([{ path: 'lineId', message: 'La línea no existe en su organización' }]);
  if (!options.lineLevelAllowed) {
    const [row] = await db
      .select({ n: count() })
      .from(programObjective)
      .where(and(eq(programObjective.organizationId, orgId), eq(programObjective.lineId, line.id)));
    if ((row?.n ?? 0) > 0)
      throw invalid([
        { path: 'objectiveId', message: 'La línea tiene objetivos: indique a cuál corresponde' },
      ]);
  }
  return { lineId: line.id, objectiveId: null };
}
