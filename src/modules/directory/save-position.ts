import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { formatLongDate } from '../../shared/spanish-dates';
import type { Position, PositionInput } from './contract';
import {
  deletePositionRow,
  findArea,
  findInstitution,
  findPerson,
  findPosition,
  insertPosition,
  overlappingHeads,
  updatePositionRow,
} from './repository';

type Actor = ScopedAuditActor;

/**
 * The rules of a position: its area or institution belongs to the organization, and an area has
 * at most one head (titular or encargado de despacho) on any day.
 */
async function assertPositionRules(
  db: Db,
  orgId: string,
  input: PositionInput,
  exceptId?: string,
): Promise<void> {
  if (input.areaId && !(await findArea(db, orgId, input.areaId))) {
    throw invalid([{ path: 'areaId', message: 'El área no existe en su organización' }]);
  }
  if (input.institutionId && !(await findInstitution(db, orgId, input.institutionId))) {
    throw invalid([{ path: 'institutionId', message: 'La institución no existe en el directorio' }]);
  }
  if (input.headKind && input.areaId) {
    const clash = await overlappingHeads(
      db,
      orgId,
      input.areaId,
      input.startsOn,
      input.endsOn ?? null,
      exceptId,
    );
    if (clash.length) {
      const c = clash[0]!;
      const until = c.endsOn ? ` al ${formatLongDate(c.endsOn)}` : ' sin fecha de término';
      throw conflict(
        `El área ya tiene titular o encargado(a) de despacho en esas fechas: ${c.personName}, del ${formatLongDate(c.startsOn)}${until}.`,
        [{ path: 'startsOn', message: 'Se traslapa con otra titularidad del área' }],
      );
    }
  }
}

export async function addPosition(
  db: Db,
  actor: Actor,
  personId: string,
  input: PositionInput,
): Promise<Position> {
  return inTransaction(db, async (tx) => {
    if (!(await findPerson(tx, actor.organizationId, personId))) throw notFound();
    await assertPositionRules(tx, actor.organizationId, input);
    const created = await insertPosition(tx, actor.organizationId, { ...input, personId });
    await recordAudit(tx, actor, {
      action: 'position.create',
      entityType: 'position',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updatePosition(
  db: Db,
  actor: Actor,
  personId: string,
  positionId: string,
  input: PositionInput,
): Promise<Position> {
  return inTransaction(db, async (tx) => {
    const before = await findPosition(tx, actor.organizationId, personId, positionId);
    if (!before) throw notFound();
    await assertPositionRules(tx, actor.organizationId, input, positionId);
    await updatePositionRow(tx, actor.organizationId, positionId, {
      title: input.title,
      areaId: input.areaId ?? null,
      institutionId: input.institutionId ?? null,
      headKind: input.headKind ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    });
    const after = (await findPosition(tx, actor.organizationId, personId, positionId))!;
    await recordAudit(tx, actor, {
      action: 'position.update',
      entityType: 'position',
      entityId: positionId,
      before,
      after,
    });
    return after;
  });
}

export async function removePosition(
  db: Db,
  actor: Actor,
  personId: string,
  positionId: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await findPosition(tx, actor.organizationId, personId, positionId);
    if (!before) throw notFound();
    await deletePositionRow(tx, actor.organizationId, positionId);
    await recordAudit(tx, actor, {
      action: 'position.delete',
      entityType: 'position',
      entityId: positionId,
      before,
    });
  });
}
