import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Column } from '../platform/spreadsheets/columns';
import { CONTENT_TYPES, toCsv, toXlsx } from '../platform/spreadsheets/write-spreadsheet';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { todayInMexicoCity } from '../../shared/dates';
import type { Folio, FolioListQuery } from './contract';
import { listFolios } from './repository';

/** The most rows one export holds; a larger list is narrowed with filters first. */
export const MAX_EXPORT_ROWS = 100_000;

const col = (field: string, header: string, width: number): Column => ({
  field,
  header,
  width,
  type: 'exportOnly',
});
const COLUMNS: Column[] = [
  col('folio', 'folio', 12),
  col('module', 'modulo', 26),
  col('documentType', 'tipo', 14),
  col('nature', 'naturaleza', 18),
  col('subject', 'asunto', 60),
  col('origin', 'remitente', 32),
  col('local', 'organismo_local', 14),
  col('sentOn', 'envio', 12),
  col('receivedOn', 'recepcion', 12),
  col('dueOn', 'fecha_limite', 12),
  col('status', 'estatus', 30),
  col('closedOn', 'cierre', 12),
  col('overdue', 'vencido', 9),
  col('areas', 'areas', 40),
];

const LABELS = {
  module: { follow_up: 'Seguimiento de actividades', consultation: 'Consulta y documentos' },
  nature: { for_information: 'De conocimiento', for_attention: 'Para su atención' },
  status: {
    pending_local: 'Pendiente de atender por el OPLE',
    in_process_national: 'En proceso del INE',
    cancelled: 'Cancelado',
    concluded: 'Concluido',
  },
} as const;

export function folioRows(items: Folio[]): string[][] {
  return items.map((f) => [
    f.folio,
    LABELS.module[f.module],
    f.documentType,
    LABELS.nature[f.nature],
    f.subject,
    f.originLabel,
    f.localOrganization.acronym,
    f.sentOn,
    f.receivedOn,
    f.dueOn ?? '',
    LABELS.status[f.status],
    f.closedOn ?? '',
    f.overdue ? 'sí' : 'no',
    f.areas
      .map((a) => `${a.name} (${a.role === 'responsible' ? 'responsable' : 'para conocimiento'})`)
      .join('; '),
  ]);
}

/** Any filtered list of folios as CSV or XLSX, audited as an export. */
export async function exportFolios(
  db: Db,
  actor: Actor,
  filters: Omit<FolioListQuery, 'page' | 'pageSize'>,
  format: 'csv' | 'xlsx',
  window: { today: string; soonLimit: string },
) {
  const page = await listFolios(
    db,
    actor.organization,
    { ...filters, page: 1, pageSize: MAX_EXPORT_ROWS },
    window.today,
    window.soonLimit,
  );
  const table = { columns: COLUMNS, rows: folioRows(page.items) };
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table, 'Folios');
  await inTransaction(db, (tx) =>
    recordAudit(tx, auditActor(actor), {
      action: 'channel.export',
      entityType: 'channel_folio',
      after: { format, filters, rows: page.items.length, total: page.total },
    }),
  );
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: `folios-${todayInMexicoCity()}.${format}`,
    truncated: page.totalIsLowerBound || page.total > page.items.length,
  };
}
