import { todayInMexicoCity } from '../../shared/dates';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Column } from '../platform/spreadsheets/columns';
import type { Table } from '../platform/spreadsheets/write-spreadsheet';
import { CONTENT_TYPES, toCsv, toXlsx } from '../platform/spreadsheets/write-spreadsheet';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { Activity, ActivityFilters } from './contract';
import * as repo from './repository';

const col = (header: string, field: string, width: number): Column => ({
  header,
  field,
  type: 'exportOnly',
  width,
});

export const ACTIVITY_COLUMNS: readonly Column[] = [
  col('Línea', 'line', 8),
  col('Objetivo', 'objective', 10),
  col('Tipo', 'kind', 24),
  col('Actividad', 'title', 80),
  col('Fechas', 'dates', 40),
  col('Primer día', 'startsOn', 12),
  col('Último día', 'endsOn', 12),
  col('Objetivo de la actividad', 'purpose', 60),
  col('Modalidad', 'modality', 14),
  col('Herramienta', 'tool', 18),
  col('Lugar', 'place', 40),
  col('Instituciones', 'institutions', 50),
  col('Participantes', 'participants', 50),
  col('Ruta', 'route', 30),
  col('Evidencias', 'files', 10),
];

const MODALITY_LABELS = { in_person: 'Presencial', remote: 'A distancia', hybrid: 'Híbrida' } as const;

export function activityTable(items: Activity[]): Table {
  return {
    columns: ACTIVITY_COLUMNS,
    rows: items.map((a) => [
      String(a.lineNumber),
      a.objectiveKey ? `${a.lineNumber}.${a.objectiveKey}` : '',
      a.kindName,
      a.title,
      a.datesText,
      a.startsOn,
      a.endsOn,
      a.purpose ?? '',
      a.modality ? MODALITY_LABELS[a.modality] : '',
      a.tool ?? '',
      a.place ?? '',
      a.institutions.map((i) => i.acronym ?? i.name).join(' | '),
      a.participants.map((p) => p.fullName).join(' | '),
      a.route.join(' – '),
      String(a.files.length),
    ]),
  };
}

/** The filtered activities as CSV or XLSX; each export is audited. */
export async function exportActivities(
  db: Db,
  actor: ScopedAuditActor,
  filters: ActivityFilters,
  format: 'csv' | 'xlsx',
) {
  const today = todayInMexicoCity();
  const table = activityTable(await repo.allActivities(db, actor.organizationId, filters));
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table, 'Actividades');
  await inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'activity.export',
      entityType: 'activity',
      after: { format, rows: table.rows.length },
    }),
  );
  return { filename: `actividades-${today}.${format}`, contentType: CONTENT_TYPES[format], body };
}
