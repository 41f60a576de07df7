import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { area, institution } from '../directory/schema';
import type { Db } from '../platform/db/client';
import type { ExistingInstrument, ExistingOpinion, Named } from './instrument-import-rules';
import { allInstruments } from './repository';
import {
  instrument,
  instrumentArea,
  instrumentParty,
  instrumentStatusChange,
  opinion,
  opinionArea,
} from './schema';

// The reads and batched writes of the register's import (import-instruments.ts). Every function
// takes the organization and filters by it.

export async function institutionNames(db: Db, orgId: string): Promise<Named[]> {
  return db
    .select({ id: institution.id, name: institution.name, acronym: institution.acronym })
    .from(institution)
    .where(eq(institution.organizationId, orgId));
}

export async function areaNames(db: Db, orgId: string): Promise<Named[]> {
  return db
    .select({ id: area.id, name: area.name, acronym: area.acronym })
    .from(area)
    .where(eq(area.organizationId, orgId));
}

/** The register as the import compares it: each instrument with its derived title and end. */
export async function registerForImport(db: Db, orgId: string, today: string): Promise<ExistingInstrument[]> {
  const [all, areaRows] = await Promise.all([
    allInstruments(db, orgId, {}, today),
    db
      .select({ instrumentId: instrumentArea.instrumentId, areaId: instrumentArea.areaId })
      .from(instrumentArea)
      .where(eq(instrumentArea.organizationId, orgId)),
  ]);
  const areasOf = new Map<string, string[]>();
  for (const r of areaRows) areasOf.set(r.instrumentId, [...(areasOf.get(r.instrumentId) ?? []), r.areaId]);
  return all.map((i) => ({
    id: i.id,
    title: i.title,
    parentId: i.parentId,
    typeId: i.typeId,
    partyIds: i.parties.map((p) => p.institutionId),
    areaIds: areasOf.get(i.id) ?? [],
    object: i.object,
    signedOn: i.signedOn,
    validFrom: i.validFrom,
    validityKind: i.validityKind,
    validUntil: i.validUntil,
    effectiveEnd: i.effectiveEnd,
    status: i.status,
  }));
}

/** The organization's numbered (issued) opinions. */
export async function numberedOpinions(db: Db, orgId: string): Promise<ExistingOpinion[]> {
  const rows = await db
    .select({
      id: opinion.id,
      instrumentId: opinion.instrumentId,
      year: opinion.year,
      sequence: opinion.sequence,
      issuedOn: opinion.issuedOn,
    })
    .from(opinion)
    .where(and(eq(opinion.organizationId, orgId), isNotNull(opinion.sequence), isNotNull(opinion.year)));
  return rows.map((r) => ({ ...r, year: r.year!, sequence: r.sequence! }));
}

const BATCH = 500;
async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) {
  for (let at = 0; at < rows.length; at += BATCH) await write(rows.slice(at, at + BATCH));
}

/** Inserts instruments with their parties, areas and first status, a few hundred per statement. */
export async function insertInstruments(
  db: Db,
  orgId: string,
  rows: readonly {
    values: Omit<typeof instrument.$inferInsert, 'organizationId' | 'id'>;
    partyIds: string[];
    areaIds: string[];
    statusOn: string;
  }[],
): Promise<string[]> {
  const ids: string[] = [];
  await inBatches(rows, async (batch) => {
    // Ids are chosen here: rows returned by a multi-row insert come in no promised order.
    const batchIds = batch.map(() => randomUUID());
    await db
      .insert(instrument)
      .values(batch.map((r, i) => ({ ...r.values, id: batchIds[i]!, organizationId: orgId })));
    ids.push(...batchIds);
    const parties = batch.flatMap((r, i) =>
      r.partyIds.map((institutionId, position) => ({
        instrumentId: batchIds[i]!,
        institutionId,
        organizationId: orgId,
        position,
      })),
    );
    const areas = batch.flatMap((r, i) =>
      r.areaIds.map((areaId) => ({ instrumentId: batchIds[i]!, areaId, organizationId: orgId })),
    );
    if (parties.length) await db.insert(instrumentParty).values(parties);
    if (areas.length) await db.insert(instrumentArea).values(areas);
    await db.insert(instrumentStatusChange).values(
      batch.map((r, i) => ({
        organizationId: orgId,
        instrumentId: batchIds[i]!,
        fromStatus: null,
        toStatus: r.values.status,
        changedOn: r.statusOn,
        note: 'Importado de una hoja de cálculo',
      })),
    );
  });
  return ids;
}

/** Inserts issued opinions (the areas that asked for each: its instrument's areas). */
export async function insertIssuedOpinions(
  db: Db,
  orgId: string,
  rows: readonly {
    instrumentId: string;
    number: string;
    year: number;
    sequence: number;
    issuedOn: string;
    areaIds: string[];
  }[],
) {
  await inBatches(rows, async (batch) => {
    const ids = batch.map(() => randomUUID());
    await db.insert(opinion).values(
      batch.map((r, i) => ({
        id: ids[i]!,
        organizationId: orgId,
        instrumentId: r.instrumentId,
        status: 'issued' as const,
        requestedOn: r.issuedOn,
        issuedOn: r.issuedOn,
        year: r.year,
        sequence: r.sequence,
        number: r.number,
      })),
    );
    const areas = batch.flatMap((r, i) =>
      r.areaIds.map((areaId, position) => ({
        opinionId: ids[i]!,
        areaId,
        organizationId: orgId,
        position,
      })),
    );
    if (areas.length) await db.insert(opinionArea).values(areas);
  });
}
