import { todayInMexicoCity } from '../../shared/dates';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Column } from '../platform/spreadsheets/columns';
import type { Table } from '../platform/spreadsheets/write-spreadsheet';
import { CONTENT_TYPES, toCsv, toXlsx } from '../platform/spreadsheets/write-spreadsheet';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { STATUS_LABELS, type Instrument, type InstrumentFilters } from './contract';
import * as repo from './repository';

const col = (header: string, field: string, width: number): Column => ({
  header,
  field,
  type: 'exportOnly',
  width,
});

export const INSTRUMENT_COLUMNS: readonly Column[] = [
  col('Instrumento', 'title', 80),
  col('Tipo', 'type', 30),
  col('Partes', 'parties', 50),
  col('Áreas responsables', 'areas', 50),
  col('Objeto', 'object', 80),
  col('Fecha de firma', 'signedOn', 14),
  col('Inicio de vigencia', 'validFrom', 14),
  col('Término de vigencia', 'effectiveEnd', 14),
  col('Estado', 'status', 22),
];

/** The register as rows; the organization's own side is named by its acronym. */
export function instrumentTable(items: Instrument[], ownAcronym: string): Table {
  return {
    columns: INSTRUMENT_COLUMNS,
    rows: items.map((i) => [
      i.title,
      i.typeName,
      [...(i.organizationIsParty ? [ownAcronym] : []), ...i.parties.map((p) => p.acronym ?? p.name)].join(
        ' | ',
      ),
      i.areas.map((a) => a.name).join(' | '),
      i.object ?? '',
      i.signedOn ?? '',
      i.validFrom ?? '',
      i.validityKind === 'indefinite' ? 'Indefinida' : (i.effectiveEnd ?? ''),
      STATUS_LABELS[i.status],
    ]),
  };
}

/** The filtered register as CSV or XLSX; each export is audited. */
export async function exportInstruments(
  db: Db,
  actor: ScopedAuditActor & { organizationAcronym: string },
  filters: InstrumentFilters,
  format: 'csv' | 'xlsx',
) {
  const today = todayInMexicoCity();
  const table = instrumentTable(
    await repo.allInstruments(db, actor.organizationId, filters, today),
    actor.organizationAcronym,
  );
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table, 'Convenios');
  await inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'instrument.export',
      entityType: 'instrument',
      after: { format, rows: table.rows.length },
    }),
  );
  return { filename: `convenios-${today}.${format}`, contentType: CONTENT_TYPES[format], body };
}
