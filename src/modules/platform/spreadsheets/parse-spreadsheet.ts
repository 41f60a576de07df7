import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../errors';
import type { Sheet, SheetRow } from './import-problems';
import { limitErrors, SPREADSHEET_LIMITS } from './limits';
import { readXlsx } from './read-xlsx';

// Reads an uploaded CSV or XLSX file into rows of text, within SPREADSHEET_LIMITS (limits.ts). Every
// failure is an AppError with a Spanish message (400 IMPORT_UNREADABLE / IMPORT_INVALID, 413 past a
// limit, 415): a bad file never becomes a 500, and no file is read further than its first excess.

export type SpreadsheetFormat = 'csv' | 'xlsx';

const unreadable = (message: string) =>
  new AppError('IMPORT_UNREADABLE', 400, [{ path: 'file', message }], message);
const invalidFile = (message: string, path = 'file') =>
  new AppError('IMPORT_INVALID', 400, [{ path, message }], message);

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
  const rows = format === 'xlsx' ? await readXlsx(data) : await readCsv(data);
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
  if (data.length > SPREADSHEET_LIMITS.rows) throw limitErrors.rows();
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

// The text is fed to the parser in slices, and records are taken one at a time: a limit stops
// the parsing where it is exceeded, and other requests are served in between.
const CSV_SLICE = 64 * 1024;

export async function readCsv(data: Buffer): Promise<SheetRow[]> {
  const text = decodeText(data);
  const limits = SPREADSHEET_LIMITS;
  const parser = parse({
    delimiter: detectDelimiter(text),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // A record is never buffered beyond what its cells may hold.
    max_record_size: limits.cellChars * 4,
  });
  const source = Readable.from(
    (function* () {
      for (let at = 0; at < text.length; at += CSV_SLICE) yield text.slice(at, at + CSV_SLICE);
    })(),
    { objectMode: false },
  );
  source.pipe(parser);
  const rows: SheetRow[] = [];
  let line = 0;
  let filled = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (record.length > limits.columns) throw limitErrors.columns(line);
      const long = record.findIndex((c) => c.length > limits.cellChars);
      if (long >= 0) throw limitErrors.cell(line, long);
      rows.push({ row: line, cells: record });
      // The header and `limits.rows` data rows; one more is one too many.
      if (record.some((c) => c.trim() !== '') && ++filled > limits.rows + 1) throw limitErrors.rows();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as { code?: string; lines?: number };
    const where = e.lines ? ` (cerca de la línea ${e.lines})` : '';
    if (e.code === 'CSV_MAX_RECORD_SIZE') throw limitErrors.cell(e.lines ?? line + 1, 0);
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw unreadable(`El CSV tiene comillas sin cerrar${where}. Revise el archivo y vuelva a intentarlo.`);
    }
    throw unreadable(`El CSV está mal formado${where}. Revise el archivo y vuelva a intentarlo.`);
  } finally {
    source.destroy();
    parser.destroy();
  }
  return rows;
}
