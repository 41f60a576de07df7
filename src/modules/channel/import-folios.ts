import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, conflict } from '../platform/errors';
import type { ImportReport } from '../directory/contract';
import {
  MAX_LISTED_PROBLEMS,
  mapHeader,
  problemsToFields,
  type Sheet,
} from '../platform/spreadsheets/import-problems';
import { ERROR_CODES } from '../../shared/errors';
import { dueDateFor } from './due-rules';
import { checkFolioRow, flagDuplicateFolios, FOLIO_IMPORT_COLUMNS } from './folio-import-rules';
import { registerReceivedFolioIn } from './register-received-folio';
import { workCalendarOf } from '../platform/calendar/repository';
import { nationalAuthority } from './repository';
import { channelFolio } from './schema';

/**
 * Registers the received folios of a spreadsheet (a local body whose national counterpart is not
 * in the installation), each row by the rules of registering one by hand. With any problem and
 * `skipInvalid` false nothing is written and the answer is IMPORT_INVALID with every problem as
 * `rows.<row>.<column>`; otherwise valid rows are registered and the report lists the rest.
 */
export async function importFolios(
  db: Db,
  actor: Actor,
  sheet: Sheet,
  skipInvalid: boolean,
): Promise<ImportReport> {
  if (actor.organization.kind !== 'local_body') {
    throw conflict('Solo un organismo local registra folios de un sistema externo.');
  }
  const header = mapHeader(FOLIO_IMPORT_COLUMNS, sheet);
  if (header.fatal.length) {
    throw new AppError(
      'IMPORT_INVALID',
      400,
      header.fatal,
      header.fatal.map((f) => f.message).join('. ') + '.',
    );
  }
  return inTransaction(db, async (tx) => {
    if (await nationalAuthority(tx)) {
      throw conflict(
        'La autoridad nacional opera en esta instalación: sus folios llegan por el sistema, con su número.',
      );
    }
    const rows = sheet.rows.map((r) => checkFolioRow(header, r));
    const years = [...new Set(rows.flatMap((r) => (r.key ? [Number(r.key.split('/')[1])] : [])))];
    const existing = years.length
      ? await tx
          .select({ module: channelFolio.module, number: channelFolio.number, year: channelFolio.year })
          .from(channelFolio)
          .where(and(eq(channelFolio.localOrgId, actor.organizationId), inArray(channelFolio.year, years)))
      : [];
    flagDuplicateFolios(rows, new Set(existing.map((f) => `${f.module}:${f.number}/${f.year}`)));
    const cal = await workCalendarOf(tx, actor.organizationId);
    for (const r of rows) {
      if (!r.input?.dueRule) continue;
      const due = dueDateFor(r.input.dueRule, cal, r.input.receivedOn);
      if (!due.ok) {
        r.problems.push({ row: r.row, field: 'plazo', message: due.reason });
        delete r.input;
      }
    }
    const valid = rows.flatMap((r) => (r.input && !r.problems.length ? [r.input] : []));
    const result = {
      valid,
      skipped: rows.length - valid.length,
      problems: [...header.problems, ...rows.flatMap((r) => r.problems)],
    };
    if (result.problems.length && !skipInvalid) {
      const more =
        result.problems.length > MAX_LISTED_PROBLEMS
          ? ` Se muestran los primeros ${MAX_LISTED_PROBLEMS} de ${result.problems.length} problemas.`
          : '';
      throw new AppError(
        'IMPORT_INVALID',
        400,
        problemsToFields(result.problems),
        ERROR_CODES.IMPORT_INVALID + more,
      );
    }
    for (const input of valid) await registerReceivedFolioIn(tx, actor, input, 'channel.folio_import');
    return {
      imported: result.valid.length,
      skipped: result.skipped,
      problems: result.problems.slice(0, MAX_LISTED_PROBLEMS),
    };
  });
}
