import { todayInMexicoCity } from '../../shared/dates';
import type { ImportPlan } from '../../shared/import-plan';
import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import { workCalendarOf } from '../platform/calendar/repository';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict } from '../platform/errors';
import { mapHeader, type Sheet } from '../platform/spreadsheets/import-problems';
import { answerOrApply, refuseFatalHeader } from '../platform/spreadsheets/import-plan';
import { dueDateFor } from './due-rules';
import { checkFolioRow, FOLIO_IMPORT_COLUMNS, planFolioRows } from './folio-import-rules';
import { registerReceivedFolioIn } from './register-received-folio';
import { nationalAuthority, registeredFoliosForImport } from './repository';

/**
 * Imports the received folios of a spreadsheet (a local body whose national counterpart is not in
 * the installation), each row by the rules of registering one by hand, with ADR 0032's dry run:
 * the plan of every row, nothing written. The real import plans again and writes only when no row
 * is refused, all in this one transaction, with one audit entry for the file; rows already
 * registered with the same data are left as they are, so the same file twice changes nothing.
 */
export async function importFolios(
  db: Db,
  actor: Actor,
  sheet: Sheet,
  options: { dryRun: boolean; filename: string },
): Promise<ImportPlan> {
  if (actor.organization.kind !== 'local_body') {
    throw conflict('Solo un organismo local registra folios de un sistema externo.');
  }
  const header = mapHeader(FOLIO_IMPORT_COLUMNS, sheet);
  refuseFatalHeader(header);
  return inTransaction(db, async (tx) => {
    if (await nationalAuthority(tx)) {
      throw conflict(
        'La autoridad nacional opera en esta instalación: sus folios llegan por el sistema, con su número.',
      );
    }
    const checked = sheet.rows.map((r) => checkFolioRow(header, r));
    const today = todayInMexicoCity();
    const cal = await workCalendarOf(tx, actor.organizationId);
    for (const r of checked) {
      if (r.input?.statusOn && r.input.statusOn > today) {
        r.problems.push({
          row: r.row,
          field: 'fecha_estatus',
          message: 'La fecha del estatus no puede ser futura',
        });
      }
      if (!r.input?.dueRule) continue;
      const due = dueDateFor(r.input.dueRule, cal, r.input.receivedOn);
      if (!due.ok) r.problems.push({ row: r.row, field: 'plazo', message: due.reason });
    }
    const years = [...new Set(checked.flatMap((r) => (r.key ? [Number(r.key.split('/')[1])] : [])))];
    const planned = planFolioRows(checked, await registeredFoliosForImport(tx, actor.organizationId, years));
    const rows = planned.map((p) => p.plan);
    return answerOrApply(header, rows, options.dryRun, async (answer) => {
      for (const p of planned) {
        if (p.input) await registerReceivedFolioIn(tx, actor, p.input, 'channel.folio_import');
      }
      await recordAudit(tx, auditActor(actor), {
        action: 'channel.folio_import_file',
        entityType: 'channel_folio',
        after: {
          filename: options.filename,
          rows: rows.length,
          created: answer.counts.create,
          unchanged: answer.counts.unchanged,
        },
      });
    });
  });
}
