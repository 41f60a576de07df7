import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { MandateDetail, MandateInput, MandatePatch, MandateUpdateInput } from './contract';
import * as repo from './repository';

export async function findMandate(db: Db, orgId: string, id: string): Promise<MandateDetail | undefined> {
  const [m] = await repo.listMandates(db, orgId, todayInMexicoCity(), { id });
  return m && { ...m, updates: await repo.listMandateUpdates(db, orgId, id) };
}

/** A mandate of a Consejo General agreement to one or more areas (SSSCG follow-up). */
export async function createMandate(
  db: Db,
  actor: ScopedAuditActor,
  input: MandateInput,
): Promise<MandateDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const source = await repo.findAgreement(tx, orgId, input.agreementId);
    if (!source) throw invalid([{ path: 'agreementId', message: 'El acuerdo no existe' }]);
    const body = (await repo.findBody(tx, orgId, source.bodyId))!;
    if (body.kind !== 'consejo_general') {
      throw invalid([
        { path: 'agreementId', message: 'El seguimiento (SSSCG) es de acuerdos del Consejo General' },
      ]);
    }
    if (input.dueOn && input.dueOn < source.adoptedOn) {
      throw invalid([{ path: 'dueOn', message: 'El plazo no puede ser anterior al acuerdo' }]);
    }
    const areaIds = [...new Set(input.areaIds)];
    const found = await repo.areasById(tx, orgId, areaIds);
    const missing = areaIds.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw invalid([{ path: `areaIds.${missing}`, message: 'El área no existe en su organización' }]);
    const id = await repo.insertMandate(
      tx,
      orgId,
      { agreementId: source.id, description: input.description, dueOn: input.dueOn ?? null },
      areaIds,
    );
    const created = (await findMandate(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'mandate.create',
      entityType: 'mandate',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export async function updateMandate(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: MandatePatch,
): Promise<MandateDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findMandate(tx, orgId, id);
    if (!before) throw notFound();
    await repo.updateMandateRow(tx, orgId, id, patch);
    const after = (await findMandate(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'mandate.update',
      entityType: 'mandate',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Adds dated progress updates (several on one day are kept in the order given). */
export async function addMandateUpdates(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  updates: MandateUpdateInput[],
  today = todayInMexicoCity(),
): Promise<MandateDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findMandate(tx, orgId, id);
    if (!before) throw notFound();
    const source = (await repo.findAgreement(tx, orgId, before.agreementId))!;
    const problems = updates.flatMap((u, i) =>
      u.occurredOn > today
        ? [
            {
              path: updates.length > 1 ? `${i}.occurredOn` : 'occurredOn',
              message: 'La fecha no puede ser futura',
            },
          ]
        : u.occurredOn < source.adoptedOn
          ? [
              {
                path: updates.length > 1 ? `${i}.occurredOn` : 'occurredOn',
                message: 'La fecha es anterior al acuerdo',
              },
            ]
          : [],
    );
    if (problems.length) throw invalid(problems);
    const inserted = await repo.insertMandateUpdates(tx, orgId, id, updates);
    if (before.status === 'pending') await repo.updateMandateRow(tx, orgId, id, { status: 'in_progress' });
    await recordAudit(tx, actor, {
      action: 'mandate.add_update',
      entityType: 'mandate',
      entityId: id,
      after: inserted,
    });
    return (await findMandate(tx, orgId, id))!;
  });
}
