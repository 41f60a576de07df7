import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';
import { MAX_IMPORT_ROWS, type Sheet, type SheetRow } from './import-rules';

// Reads an uploaded CSV or XLSX file into rows of text. Every failure is an AppError with a
// Spanish message (400 IMPORT_UNREADABLE / IMPORT_INVALID, 415): a bad file never becomes a 500.

export type SpreadsheetFormat = 'csv' | 'xlsx';

const unreadable = (message: string) =>
  new AppError('IMPORT_UNREADABLE', 400, [{ path: 'file', message }], message);
const invalidFile = (message: string, path = 'file') =>
  new AppError('IMPORT_INVALID', 400, [{ path, message }], message);

const tooManyRows = () =>
  invalidFile(
    `El archivo tiene más de ${MAX_IMPORT_ROWS.toLocaleString('es-MX')} filas de datos, el máximo por archivo: divídalo en varios archivos.`,
    'rows',
  );

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);

/** The format of an upload, by its content first and its name second. */
export function detectFormat(data: Buffer, filename: string): SpreadsheetFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (startsWith(data, ZIP_MAGIC)) return 'xlsx';
  if (ext === 'xls' || startsWith(data, OLE_MAGIC)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      [],
      'El formato .xls (Excel 97-2003) no es compatible: guarde el archivo como .xlsx o como CSV UTF-8.',
    );
  }
  if (ext === 'xlsx') throw unreadable('El archivo no es un libro de Excel (.xlsx) válido.');
  if (ext && !['csv', 'txt'].includes(ext)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      [],
      'Solo se aceptan archivos CSV (.csv) o de Excel (.xlsx).',
    );
  }
  return 'csv';
}

/** Reads the upload's first sheet: header (first non-blank row) and data rows. */
export async function parseSpreadsheet(data: Buffer, filename: string): Promise<Sheet> {
  if (!data.length) throw unreadable('El archivo está vacío.');
  const format = detectFormat(data, filename);
  const rows = format === 'xlsx' ? await readXlsx(data) : readCsv(data);
  return toSheet(rows);
}

export function toSheet(all: SheetRow[]): Sheet {
  const rows = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header)
    throw invalidFile(
      'El archivo no contiene datos: la primera fila debe tener los nombres de las columnas.',
    );
  if (!data.length)
    throw invalidFile('El archivo solo contiene la fila de encabezados; no hay filas que importar.', 'rows');
  if (data.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { header, rows: data };
}

// ---- CSV

/** UTF-8 (with or without BOM); files that are not valid UTF-8 are read as Windows-1252, as Excel saves "CSV" in Spanish. */
export function decodeText(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  // Control characters other than tab and line breaks mean a binary file, not text.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0) throw unreadable('El archivo no es un CSV de texto ni un libro de Excel (.xlsx).');
  return text;
}

/** Comma or semicolon, whichever the header line (outside quotes) uses more. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function readCsv(data: Buffer): SheetRow[] {
  const text = decodeText(data);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Enough to tell "too many rows" (header and blank rows aside) without reading millions.
      to: MAX_IMPORT_ROWS * 2 + 10,
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    const where = e.lines ? ` (cerca de la línea ${e.lines})` : '';
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw unreadable(`El CSV tiene comillas sin cerrar${where}. Revise el archivo y vuelva a intentarlo.`);
    }
    throw unreadable(`El CSV está mal formado${where}. Revise el archivo y vuelva a intentarlo.`);
  }
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

// ---- XLSX

type CellValue = ExcelJS.CellValue;

/** The text a person sees in a cell, whatever its type. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('hyperlink' in value) return cellText(value.text as CellValue);
    if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('El archivo no es un libro de Excel (.xlsx) válido o está dañado.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('El libro de Excel no contiene hojas.');
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > MAX_IMPORT_ROWS * 2 + 10) {
      tooMany = true;
      return;
    }
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  if (tooMany) throw tooManyRows();
  return rows;
}
