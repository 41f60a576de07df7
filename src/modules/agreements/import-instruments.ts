import { todayInMexicoCity } from '../../shared/dates';
import type { ImportPlan } from '../../shared/import-plan';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { raiseNumberTo } from '../platform/sequences/next-number';
import { mapHeader, type Sheet } from '../platform/spreadsheets/import-problems';
import { answerOrApply, refuseFatalHeader } from '../platform/spreadsheets/import-plan';
import * as importRepo from './import-repository';
import {
  INSTRUMENT_IMPORT_COLUMNS,
  planInstrumentRows,
  titleParts,
  type PlannedInstrument,
} from './instrument-import-rules';
import { opinionScope } from './opinion-number';
import * as repo from './repository';

const IMPORT_NOTE = 'Importado de una hoja de cálculo';

/**
 * Imports the register of instruments and their opinions of pertinence from a spreadsheet (ADR
 * 0032). A dry run answers the plan of every row and writes nothing. The real import plans again
 * and, only when no row is refused, writes every row in this one transaction: instruments created
 * or updated, opinions registered with their numbers, each year's opinion numbering moved past the
 * highest imported number, and one audit entry with the counts. Rows equal to the register are
 * left untouched, so the same file imported twice changes nothing the second time.
 */
export async function importInstruments(
  db: Db,
  actor: ScopedAuditActor,
  own: { name: string; acronym: string },
  sheet: Sheet,
  options: { dryRun: boolean; filename: string },
): Promise<ImportPlan> {
  const headerMap = mapHeader(INSTRUMENT_IMPORT_COLUMNS, sheet);
  refuseFatalHeader(headerMap);
  const orgId = actor.organizationId;
  const today = todayInMexicoCity();
  return inTransaction(db, async (tx) => {
    await repo.ensureDefaultTypes(tx, orgId);
    const planned = planInstrumentRows(headerMap, sheet.rows, {
      types: await repo.listTypes(tx, orgId),
      institutions: await importRepo.institutionNames(tx, orgId),
      areas: await importRepo.areaNames(tx, orgId),
      own,
      instruments: await importRepo.registerForImport(tx, orgId, today),
      opinions: await importRepo.numberedOpinions(tx, orgId),
    });
    const rows = planned.map((p) => p.plan);
    return answerOrApply(headerMap, rows, options.dryRun, async (answer) => {
      await apply(tx, orgId, planned, today);
      await recordAudit(tx, actor, {
        action: 'instrument.import',
        entityType: 'instrument',
        after: {
          filename: options.filename,
          rows: rows.length,
          created: answer.counts.create,
          updated: answer.counts.update,
          unchanged: answer.counts.unchanged,
          opinions: planned.filter((p) => p.opinion && !p.opinion.existingId).length,
        },
      });
    });
  });
}

async function apply(tx: Db, orgId: string, planned: readonly PlannedInstrument[], today: string) {
  const creates = planned.filter((p) => p.plan.outcome === 'create');
  const createdIds = await importRepo.insertInstruments(
    tx,
    orgId,
    creates.map((p) => {
      const v = p.values!;
      return {
        values: {
          typeId: v.typeId,
          ...titleParts(p.title, v.typeName),
          object: v.object ?? null,
          signedOn: v.signedOn ?? null,
          validFrom: v.validFrom ?? null,
          validityKind: v.validity?.kind ?? 'dated',
          validUntil: v.validity?.until ?? null,
          status: v.status,
        },
        partyIds: v.partyIds,
        areaIds: v.areaIds,
        statusOn: v.signedOn ?? v.validFrom ?? today,
      };
    }),
  );
  const idOf = new Map(creates.map((p, i) => [p, createdIds[i]!]));

  for (const p of planned.filter((x) => x.plan.outcome === 'update')) {
    const v = p.values!;
    const e = p.existing!;
    const changed = new Set(p.plan.changes);
    const columns: Parameters<typeof repo.updateInstrumentRow>[3] = {};
    if (!e.parentId && (p.retitle || v.typeId !== e.typeId))
      Object.assign(columns, titleParts(p.title, v.typeName));
    if (v.typeId !== e.typeId) columns.typeId = v.typeId;
    if (changed.has('Objeto')) columns.object = v.object ?? null;
    if (changed.has('Fecha de firma')) columns.signedOn = v.signedOn ?? null;
    if (changed.has('Inicio de vigencia')) columns.validFrom = v.validFrom ?? null;
    if (changed.has('Término de vigencia') && v.validity) {
      columns.validityKind = v.validity.kind;
      columns.validUntil = v.validity.until;
    }
    if (v.status !== e.status) columns.status = v.status;
    if (Object.keys(columns).length) await repo.updateInstrumentRow(tx, orgId, e.id, columns);
    if (changed.has('Partes')) await repo.replaceParties(tx, orgId, e.id, v.partyIds);
    if (changed.has('Áreas responsables')) await repo.replaceAreas(tx, orgId, e.id, v.areaIds);
    if (v.status !== e.status) {
      await repo.insertStatusChange(tx, orgId, {
        instrumentId: e.id,
        fromStatus: e.status,
        toStatus: v.status,
        changedOn: today,
        note: IMPORT_NOTE,
      });
    }
  }

  const newOpinions = planned.flatMap((p) =>
    p.opinion && !p.opinion.existingId
      ? [{ ...p.opinion, instrumentId: p.existing?.id ?? idOf.get(p)!, areaIds: p.values!.areaIds }]
      : [],
  );
  await importRepo.insertIssuedOpinions(tx, orgId, newOpinions);
  for (const p of planned) {
    if (!p.opinion?.existingId) continue;
    const before = await repo.findOpinionRow(tx, orgId, p.opinion.existingId);
    const issuedOn = p.opinion.issuedOn;
    await repo.updateOpinionRow(tx, orgId, p.opinion.existingId, {
      issuedOn,
      ...(before && before.requestedOn > issuedOn ? { requestedOn: issuedOn } : {}),
    });
  }
  // The yearly numbering continues after the highest number imported (ADR 0008's counter).
  const highest = new Map<number, number>();
  for (const p of planned) {
    if (p.opinion)
      highest.set(p.opinion.year, Math.max(highest.get(p.opinion.year) ?? 0, p.opinion.sequence));
  }
  for (const [year, sequence] of highest) await raiseNumberTo(tx, orgId, opinionScope(year), sequence);
}
