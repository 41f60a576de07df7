import { todayInMexicoCity } from '../../shared/dates';
import type { FieldProblem } from '../../shared/errors';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { Instrument, InstrumentInput } from './contract';
import * as repo from './repository';
import { statusProblem } from './contract-status';
import { validityProblems } from './validity';

export type CreateInstrumentInput = InstrumentInput;

/**
 * Registers an instrument: its type, parent, parties and areas must be the organization's own
 * records; validity and the initial status follow the rules of validity.ts and status.ts.
 */
export async function createInstrument(
  db: Db,
  actor: ScopedAuditActor,
  input: CreateInstrumentInput,
): Promise<Instrument> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await repo.ensureDefaultTypes(tx, orgId);
    const problems = [
      ...(await referenceProblems(tx, orgId, input)),
      ...partyCountProblems(input.organizationIsParty, input.partyIds),
      ...validityProblems(
        {
          validityKind: input.validityKind,
          validFrom: input.validFrom ?? null,
          validUntil: input.validUntil ?? null,
        },
        Boolean(input.parentId),
      ),
    ];
    const statusIssue = statusProblem(null, input.status, input.signedOn ?? null);
    if (statusIssue) problems.push({ path: 'status', message: statusIssue });
    if (problems.length) throw invalid(problems);

    const row = await repo.insertInstrument(tx, orgId, {
      typeId: input.typeId,
      parentId: input.parentId ?? null,
      ordinal: input.ordinal ?? null,
      designation: input.designation ?? null,
      subject: input.subject ?? null,
      linkPreposition: input.linkPreposition,
      organizationIsParty: input.organizationIsParty,
      object: input.object ?? null,
      signedOn: input.signedOn ?? null,
      validityKind: input.validityKind,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      renewalTerms: input.renewalTerms ?? null,
      status: input.status,
      notes: input.notes ?? null,
    });
    await repo.replaceParties(tx, orgId, row.id, input.partyIds);
    await repo.replaceAreas(tx, orgId, row.id, input.areaIds);
    await repo.insertStatusChange(tx, orgId, {
      instrumentId: row.id,
      fromStatus: null,
      toStatus: input.status,
      changedOn: input.statusOn ?? input.signedOn ?? todayInMexicoCity(),
    });
    const created = await repo.findInstrument(tx, orgId, row.id);
    if (!created) throw notFound();
    await recordAudit(tx, actor, {
      action: 'instrument.create',
      entityType: 'instrument',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** Two parties at least, one of them an outside institution (the organization's side is a flag). */
export function partyCountProblems(
  organizationIsParty: boolean,
  partyIds: readonly string[],
): FieldProblem[] {
  if (new Set(partyIds).size !== partyIds.length) {
    return [{ path: 'partyIds', message: 'Una institución aparece dos veces entre las partes' }];
  }
  if (partyIds.length < 1 || partyIds.length + (organizationIsParty ? 1 : 0) < 2) {
    return [
      {
        path: 'partyIds',
        message:
          'Un instrumento tiene al menos dos partes, y al menos una institución además de la organización',
      },
    ];
  }
  return [];
}

/** Type, parent, parties and areas must exist in the actor's organization. */
export async function referenceProblems(
  db: Db,
  orgId: string,
  input: { typeId?: string; parentId?: string | null; partyIds?: string[]; areaIds?: string[] },
  selfId?: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.typeId && !(await repo.findType(db, orgId, input.typeId))) {
    problems.push({ path: 'typeId', message: 'El tipo de instrumento no existe en su organización' });
  }
  if (input.parentId) {
    const tree = await repo.loadTree(db, orgId);
    if (!tree.has(input.parentId)) {
      problems.push({ path: 'parentId', message: 'El instrumento principal no existe en su organización' });
    } else if (selfId && repo.chainOf(tree, input.parentId).some((n) => n.id === selfId)) {
      problems.push({
        path: 'parentId',
        message: 'Un instrumento no puede derivar de sí mismo ni de un instrumento que deriva de él',
      });
    }
  }
  if (input.partyIds) {
    const found = await repo.existingInstitutionIds(db, orgId, input.partyIds);
    input.partyIds.forEach((id, i) => {
      if (!found.has(id)) {
        problems.push({
          path: `partyIds.${i}`,
          message: 'La institución no está en el directorio de su organización',
        });
      }
    });
  }
  if (input.areaIds) {
    const found = await repo.existingAreaIds(db, orgId, input.areaIds);
    input.areaIds.forEach((id, i) => {
      if (!found.has(id)) {
        problems.push({ path: `areaIds.${i}`, message: 'El área no existe en su organización' });
      }
    });
    if (new Set(input.areaIds).size !== input.areaIds.length) {
      problems.push({ path: 'areaIds', message: 'Un área aparece dos veces' });
    }
  }
  return problems;
}
