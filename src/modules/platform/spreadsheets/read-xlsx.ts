import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import yauzl from 'yauzl';
import { AppError } from '../errors';
import type { SheetRow } from './import-problems';
import { limitErrors, SPREADSHEET_LIMITS } from './limits';

/**
 * Reads the first sheet of an XLSX as rows of text, as a stream (ADR 0020): the zip's directory is
 * read first (yauzl), then only the parts needed — workbook, its relationships, styles, shared
 * strings, the first sheet — are inflated chunk by chunk into a SAX parser (sax). Every limit of
 * SPREADSHEET_LIMITS is checked as the bytes arrive, and the first one exceeded stops the reading.
 * Between chunks the event loop serves other requests.
 */

const unreadable = (message = 'El archivo no es un libro de Excel (.xlsx) válido o está dañado.') =>
  new AppError('IMPORT_UNREADABLE', 400, [{ path: 'file', message }], message);

type Limits = typeof SPREADSHEET_LIMITS;

/** Inflated bytes left to read, shared by every part of one workbook. */
class Budget {
  private used = 0;
  constructor(private readonly limit: number) {}
  take(bytes: number) {
    this.used += bytes;
    if (this.used > this.limit) throw limitErrors.uncompressed();
  }
}

function openZip(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(unreadable()) : resolve(zip),
    ),
  );
}

/** The zip's directory: no content is inflated. */
function listEntries(zip: yauzl.ZipFile, limits: Limits): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= limits.zipEntries) {
        zip.close();
        reject(limitErrors.entries());
        return;
      }
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(unreadable()));
    zip.readEntry();
  });
}

type Tag = sax.Tag;
type Handlers = {
  open?: (name: string, tag: Tag) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** Local name of an element: `x:row` → `row` (some writers prefix the spreadsheet namespace). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams one part through a SAX parser. A handler stops the reading by throwing (a limit); the
 * promise then rejects with that error and the inflation is abandoned.
 */
function parsePart(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, on: Handlers): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(unreadable());
      const parser = sax.parser(true, { trim: false, normalize: false });
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        stream.destroy();
        reject(e instanceof AppError ? e : unreadable());
      };
      parser.onerror = () => fail(unreadable());
      if (on.open) parser.onopentag = (tag) => on.open!(local(tag.name), tag as Tag);
      if (on.close) parser.onclosetag = (name) => on.close!(local(name));
      if (on.text) parser.ontext = parser.oncdata = (text) => on.text!(text);
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          budget.take(chunk.length);
          parser.write(decoder.write(chunk));
        } catch (e) {
          fail(e);
        }
      });
      stream.on('error', () => fail(unreadable()));
      stream.on('end', () => {
        if (failed) return;
        try {
          parser.write(decoder.end());
          parser.close();
        } catch (e) {
          return fail(e);
        }
        if (!failed) resolve();
      });
    });
  });
}

const attr = (tag: Tag, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** The first sheet's part, whether the workbook counts from 1900 or 1904, and the sheet count. */
async function readWorkbook(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>, budget: Budget) {
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw unreadable();
  const sheets: string[] = [];
  let date1904 = false;
  await parsePart(zip, workbook, budget, {
    open(name, tag) {
      if (name === 'sheet') {
        sheets.push(
          attr(tag, 'r:id') ?? Object.entries(tag.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '',
        );
        if (sheets.length > SPREADSHEET_LIMITS.sheets) throw limitErrors.sheets();
      } else if (name === 'workbookPr') {
        const v = attr(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
  });
  const targets = new Map<string, { type: string; target: string }>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parsePart(zip, rels, budget, {
      open(name, tag) {
        if (name !== 'Relationship') return;
        const target = attr(tag, 'Target') ?? '';
        const part = target.startsWith('/') ? target.slice(1) : path.posix.normalize(`xl/${target}`);
        targets.set(attr(tag, 'Id') ?? '', { type: attr(tag, 'Type') ?? '', target: part });
      },
    });
  }
  if (!sheets.length) throw unreadable('El libro de Excel no contiene hojas.');
  const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  return {
    date1904,
    sheet: targets.get(sheets[0]!)?.target ?? 'xl/worksheets/sheet1.xml',
    sharedStrings: byType('/sharedStrings') ?? 'xl/sharedStrings.xml',
    styles: byType('/styles') ?? 'xl/styles.xml',
  };
}

/** The shared strings table: plain and rich text (runs joined), phonetic guides left out. */
async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  await parsePart(zip, entry, budget, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (current === null || !inT || phonetic) return;
      current += text;
      if (current.length > SPREADSHEET_LIMITS.cellChars) throw limitErrors.text();
    },
  });
  return strings;
}

// Number formats that show a date: Excel's built-in ones, and custom codes with day, month or year
// parts outside quoted text, escapes and [colour]/[condition] brackets.
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_FORMATS.has(id)) return true;
  if (!code) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare);
}

/** For each cell style (the `s` attribute), whether it shows a date. */
async function readDateStyles(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const styles: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, entry, budget, {
    open(name, tag) {
      if (name === 'numFmt') codes.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.push(Number(attr(tag, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles.map((id) => isDateFormat(id, codes.get(id)));
}

/** "B7" → 1 (0-based column); undefined without letters. */
export function columnIndex(ref: string): number | undefined {
  const letters = /^[A-Z]+/i.exec(ref)?.[0];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** An Excel date serial as "YYYY-MM-DD" (days since 1899-12-30, or since 1904-01-01). */
export function serialToDate(serial: number, date1904 = false): string {
  const days = serial + (date1904 ? 1462 : 0);
  return new Date(Math.round((days - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** The text a person sees in a cell, from its type (`t`), raw value and whether it shows a date. */
export function cellValue(type: string | undefined, raw: string, isDate: boolean, date1904 = false): string {
  switch (type) {
    case 'b':
      return raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
    case 'e':
      return '';
    case 'd':
      return raw.slice(0, 10);
    case 'str':
    case 'inlineStr':
      return raw;
    default: {
      if (raw.trim() === '') return '';
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      return isDate ? serialToDate(n, date1904) : String(n);
    }
  }
}

async function readSheet(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: Budget,
  context: { strings: string[]; dateStyles: boolean[]; date1904: boolean },
): Promise<SheetRow[]> {
  const limits = SPREADSHEET_LIMITS;
  const rows: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let nextColumn = 0;
  let cell: { column: number; type?: string; style: number } | null = null;
  let value = '';
  let inValue = false;
  let inInline = false;
  let phonetic = 0;
  let filled = 0;
  await parsePart(zip, entry, budget, {
    open(name, tag) {
      if (name === 'row') {
        const r = Number(attr(tag, 'r'));
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = [];
        nextColumn = 0;
      } else if (name === 'c') {
        const ref = attr(tag, 'r');
        const column = (ref ? columnIndex(ref) : undefined) ?? nextColumn;
        if (column >= limits.columns) throw limitErrors.columns(rowNumber);
        cell = { column, type: attr(tag, 't'), style: Number(attr(tag, 's') ?? 0) };
        value = '';
      } else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) {
        inValue = true;
      } else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const text =
          cell.type === 's'
            ? (context.strings[Number(value)] ?? '')
            : cellValue(cell.type, value, context.dateStyles[cell.style] ?? false, context.date1904);
        while (cells.length < cell.column) cells.push('');
        cells[cell.column] = text;
        nextColumn = cell.column + 1;
        cell = null;
      } else if (name === 'row') {
        if (cells.some((c) => c.trim() !== '')) {
          rows.push({ row: rowNumber, cells });
          // The header and `limits.rows` data rows; one more is one too many.
          if (++filled > limits.rows + 1) throw limitErrors.rows();
        }
        cells = [];
      }
    },
    text(text) {
      if (!cell || !inValue || phonetic || (cell.type === 'inlineStr' && !inInline)) return;
      value += text;
      if (value.length > limits.cellChars) throw limitErrors.cell(rowNumber, cell.column);
    },
  });
  return rows;
}

export async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const zip = await openZip(data);
  try {
    const entries = await listEntries(zip, SPREADSHEET_LIMITS);
    const budget = new Budget(SPREADSHEET_LIMITS.uncompressedBytes);
    const book = await readWorkbook(zip, entries, budget);
    const sheet = entries.get(book.sheet);
    if (!sheet) throw unreadable();
    const shared = entries.get(book.sharedStrings);
    const styles = entries.get(book.styles);
    // The zip states each part's size: a workbook that says it is too large is refused before
    // inflating anything more (yauzl refuses parts that inflate beyond what they state).
    const declared = [sheet, shared, styles].reduce((sum, e) => sum + (e?.uncompressedSize ?? 0), 0);
    if (declared > SPREADSHEET_LIMITS.uncompressedBytes) throw limitErrors.uncompressed();
    const dateStyles = styles ? await readDateStyles(zip, styles, budget) : [];
    const strings = shared ? await readSharedStrings(zip, shared, budget) : [];
    return await readSheet(zip, sheet, budget, { strings, dateStyles, date1904: book.date1904 });
  } finally {
    zip.close();
  }
}
