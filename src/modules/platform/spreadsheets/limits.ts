import { AppError } from '../errors';
import { columnLetter, MAX_IMPORT_ROWS } from './import-problems';

/**
 * What an uploaded spreadsheet may hold. Readers stop at the first limit exceeded (ADR 0020): an
 * upload of a few megabytes can inflate to gigabytes, so nothing is read whole before it is checked.
 */
export const SPREADSHEET_LIMITS = {
  /** Bytes of XML inflated from an XLSX (workbook, shared strings, styles, first sheet together). */
  uncompressedBytes: 64 * 1024 * 1024,
  /** Parts of an XLSX (its zip entries). */
  zipEntries: 1_000,
  /** Sheets of a workbook; only the first is read. */
  sheets: 50,
  /** Data rows (blank rows and the header aside). */
  rows: MAX_IMPORT_ROWS,
  /** Columns of a row, counted to the last one used. */
  columns: 200,
  /** Characters of one cell: what Excel itself holds. */
  cellChars: 32_767,
};

const es = (n: number) => n.toLocaleString('es-MX');

const tooLarge = (path: string, message: string) =>
  new AppError('PAYLOAD_TOO_LARGE', 413, [{ path, message }], message);

export const limitErrors = {
  uncompressed: () =>
    tooLarge(
      'file',
      `El contenido del libro de Excel ocupa más de ${es(SPREADSHEET_LIMITS.uncompressedBytes / 1024 / 1024)} MB sin comprimir: divídalo en varios archivos o guárdelo como CSV.`,
    ),
  entries: () =>
    tooLarge(
      'file',
      `El libro de Excel tiene más de ${es(SPREADSHEET_LIMITS.zipEntries)} partes internas; no parece un libro de datos. Guárdelo de nuevo como .xlsx o como CSV.`,
    ),
  sheets: () =>
    tooLarge(
      'sheets',
      `El libro tiene más de ${es(SPREADSHEET_LIMITS.sheets)} hojas, el máximo por archivo. Deje solo la hoja con los datos (se lee la primera).`,
    ),
  columns: (row: number) =>
    tooLarge(
      'columns',
      `La fila ${row} usa más de ${es(SPREADSHEET_LIMITS.columns)} columnas, el máximo por archivo: borre las columnas que sobran.`,
    ),
  cell: (row: number, column: number) =>
    tooLarge(
      `rows.${row}.${columnLetter(column)}`,
      `La celda ${columnLetter(column)}${row} tiene más de ${es(SPREADSHEET_LIMITS.cellChars)} caracteres, el máximo de una celda.`,
    ),
  text: () =>
    tooLarge(
      'file',
      `Una celda del libro tiene más de ${es(SPREADSHEET_LIMITS.cellChars)} caracteres, el máximo de una celda.`,
    ),
  // Too many rows keeps its own answer (400 IMPORT_INVALID on `rows`), as before the limits.
  rows: () => {
    const message = `El archivo tiene más de ${es(SPREADSHEET_LIMITS.rows)} filas de datos, el máximo por archivo: divídalo en varios archivos.`;
    return new AppError('IMPORT_INVALID', 400, [{ path: 'rows', message }], message);
  },
};
