import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import { formatLongDate } from '../../shared/spanish-dates';
import type { Body, BodyPatch } from './contract';
import * as repo from './repository';

/**
 * Corrects a body's name, founding agreement or dates. Its dates must still hold every session and
 * membership on record: created on or before the first of them, ended on or after the last session.
 */
export async function updateBody(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: BodyPatch,
): Promise<Body> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findBody(tx, orgId, id);
    if (!before) throw notFound();
    const createdOn = patch.createdOn ?? before.createdOn;
    const endedOn = patch.endedOn === undefined ? before.endedOn : patch.endedOn;
    const bounds = await repo.bodyDateBounds(tx, orgId, id);
    const problems: { path: string; message: string }[] = [];
    if (endedOn && endedOn < createdOn) {
      problems.push({ path: 'endedOn', message: 'La fecha de conclusión es anterior a la de creación' });
    }
    const earliest = [bounds.firstSession, bounds.firstMembership].filter((d): d is string => !!d).sort()[0];
    if (earliest && createdOn > earliest) {
      problems.push({
        path: 'createdOn',
        message: `Hay sesiones o cargos registrados desde el ${formatLongDate(earliest)}: la creación no puede ser posterior`,
      });
    }
    if (endedOn && bounds.lastSession && endedOn < bounds.lastSession) {
      problems.push({
        path: 'endedOn',
        message: `Hay una sesión registrada el ${formatLongDate(bounds.lastSession)}: la conclusión no puede ser anterior`,
      });
    }
    if (problems.length) throw invalid(problems);
    await repo.updateBodyRow(tx, orgId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.createdByAgreement !== undefined ? { createdByAgreement: patch.createdByAgreement } : {}),
      createdOn,
      endedOn,
    });
    const after = (await repo.findBody(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'governing_body.update',
      entityType: 'governing_body',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
