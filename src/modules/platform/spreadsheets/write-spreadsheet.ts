import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Column } from './columns';
import { neutralizeFormula } from './formula-guards';

// Tables as files: CSV (UTF-8 with BOM, comma separated, CRLF, as Excel in Spanish opens it) and
// XLSX (one sheet, bold frozen header, column widths from the column tables).

/** A table to write: its columns and one string per column in each row. */
export type Table = { columns: readonly Column[]; rows: string[][] };

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function toCsv(table: Table): Buffer {
  const text = stringify(
    [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(neutralizeFormula))],
    {
      bom: true,
      delimiter: ',',
      record_delimiter: 'windows',
    },
  );
  return Buffer.from(text, 'utf8');
}

export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  return toXlsxBook([{ name: sheetName, table }]);
}

/** A workbook of several sheets (an import's template: the data sheet, then its instructions). */
export async function toXlsxBook(sheets: readonly { name: string; table: Table }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vincula';
  workbook.created = new Date();
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    // Cells are written as text: a value that looks like a formula or a number stays as typed.
    for (const row of table.rows) sheet.addRow(row);
    if (table.rows.length) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
