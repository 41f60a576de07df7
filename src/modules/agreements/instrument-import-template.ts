import type { Column } from '../platform/spreadsheets/columns';
import type { Db } from '../platform/db/client';
import { CONTENT_TYPES, toCsv, toXlsxBook } from '../platform/spreadsheets/write-spreadsheet';
import { INSTRUMENT_IMPORT_COLUMNS, TEMPLATE_ROW, templateNotes } from './instrument-import-rules';
import * as repo from './repository';

const NOTE_COLUMNS: readonly Column[] = [
  { header: 'Columna', field: 'column', type: 'exportOnly', width: 26 },
  { header: 'Uso', field: 'use', type: 'exportOnly', width: 14 },
  { header: 'Qué escribir', field: 'what', type: 'exportOnly', width: 110 },
];

/**
 * The import's template: the headers and an example row; as XLSX, a second sheet says what each
 * column takes, with the organization's own instrument types.
 */
export async function instrumentImportTemplate(db: Db, orgId: string, format: 'csv' | 'xlsx') {
  const table = { columns: INSTRUMENT_IMPORT_COLUMNS, rows: [TEMPLATE_ROW] };
  let body: Buffer;
  if (format === 'csv') body = toCsv(table);
  else {
    await repo.ensureDefaultTypes(db, orgId);
    const types = (await repo.listTypes(db, orgId)).map((t) => t.name);
    body = await toXlsxBook([
      { name: 'Instrumentos', table },
      { name: 'Instrucciones', table: { columns: NOTE_COLUMNS, rows: templateNotes(types) } },
    ]);
  }
  return { body, contentType: CONTENT_TYPES[format], filename: `plantilla-convenios.${format}` };
}
