import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { Program, ProgramInput, ProgramPatch } from './contract';
import * as repo from './repository';

async function checkAgreement(tx: Db, orgId: string, id: string | null | undefined) {
  if (id && !(await repo.agreementExists(tx, orgId, id)))
    throw invalid([{ path: 'approvedByAgreementId', message: 'El acuerdo no existe en su organización' }]);
}

export async function createProgram(db: Db, actor: ScopedAuditActor, input: ProgramInput): Promise<Program> {
  return inTransaction(db, async (tx) => {
    await checkAgreement(tx, actor.organizationId, input.approvedByAgreementId);
    if (await repo.findProgramByYear(tx, actor.organizationId, input.year))
      throw conflict(`Ya existe un programa de trabajo de ${input.year}`, [
        { path: 'year', message: `Ya existe un programa de trabajo de ${input.year}` },
      ]);
    const id = await repo.insertProgram(tx, actor.organizationId, {
      year: input.year,
      name: input.name,
      approvedByAgreementId: input.approvedByAgreementId ?? null,
      approvedByText: input.approvedByText ?? null,
      approvedOn: input.approvedOn ?? null,
    });
    const created = (await repo.findProgram(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: 'work_program.create',
      entityType: 'work_program',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export async function updateProgram(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: ProgramPatch,
): Promise<Program> {
  return inTransaction(db, async (tx) => {
    const before = await repo.findProgram(tx, actor.organizationId, id);
    if (!before) throw notFound();
    await checkAgreement(tx, actor.organizationId, patch.approvedByAgreementId);
    if (patch.year !== undefined && patch.year !== before.year) {
      if (await repo.findProgramByYear(tx, actor.organizationId, patch.year))
        throw conflict(`Ya existe un programa de trabajo de ${patch.year}`, [
          { path: 'year', message: `Ya existe un programa de trabajo de ${patch.year}` },
        ]);
    }
    await repo.updateProgramRow(tx, actor.organizationId, id, patch);
    const after = (await repo.findProgram(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: 'work_program.update',
      entityType: 'work_program',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
