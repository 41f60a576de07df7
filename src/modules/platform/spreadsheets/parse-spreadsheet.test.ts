import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from './import-problems';
import { decodeText, detectDelimiter, detectFormat, parseSpreadsheet } from './parse-spreadsheet';
import { cellValue, columnIndex, isDateFormat, serialToDate } from './read-xlsx';
import { SPREADSHEET_LIMITS } from './limits';

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; status: number; message: string };
    return { code: err.code, status: err.status, message: err.message };
  }
  throw new Error('expected a failure');
};

async function xlsx(rows: ExcelJS.CellValue[][], at = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hoja1');
  rows.forEach((r, i) => (ws.getRow(at + i).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('detectFormat', () => {
  it('goes by content first, then by name', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest'), 'datos.csv')).toBe('xlsx');
    expect(detectFormat(Buffer.from('a,b'), 'datos.CSV')).toBe('csv');
    expect(detectFormat(Buffer.from('a,b'), 'datos')).toBe('csv');
  });
  it('refuses other formats', () => {
    expect(() => detectFormat(Buffer.from('%PDF-1.4'), 'x.pdf')).toThrow(/Solo se aceptan/);
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'x.xls')).toThrow(/\.xls/);
    expect(() => detectFormat(Buffer.from('a,b'), 'x.xlsx')).toThrow(/no es un libro de Excel/);
  });
});

describe('decodeText and detectDelimiter', () => {
  it('reads UTF-8 with or without BOM, and Windows-1252 as a fallback', () => {
    expect(decodeText(Buffer.from('\uFEFFpaís', 'utf8'))).toBe('país');
    expect(decodeText(Buffer.from('país', 'utf8'))).toBe('país');
    expect(decodeText(Buffer.from([0x70, 0x61, 0xed, 0x73]))).toBe('país');
  });
  it('refuses binary content', () => {
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0x41]))).toThrow(/no es un CSV/);
  });
  it('picks the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('nombre,tipo\nA;B;C')).toBe(',');
    expect(detectDelimiter('nombre;tipo;"a,b,c"\n')).toBe(';');
    expect(detectDelimiter('nombre')).toBe(',');
  });
});

describe('parseSpreadsheet: CSV', () => {
  it('numbers rows as a spreadsheet does, skipping blank rows but keeping their numbers', async () => {
    const csv = '\uFEFFnombre;tipo\r\n"Uno; con punto y coma";university\r\n\r\n"Dos\nlíneas";x\r\n';
    const s = await parseSpreadsheet(Buffer.from(csv), 'a.csv');
    expect(s.header).toEqual({ row: 1, cells: ['nombre', 'tipo'] });
    expect(s.rows).toEqual([
      { row: 2, cells: ['Uno; con punto y coma', 'university'] },
      { row: 4, cells: ['Dos\nlíneas', 'x'] },
    ]);
  });
  it('answers IMPORT_UNREADABLE for unbalanced quotes, empty files and binary data', async () => {
    expect(await failure(parseSpreadsheet(Buffer.from('nombre\n"abierta\n'), 'a.csv'))).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      status: 400,
      message: expect.stringContaining('comillas sin cerrar'),
    });
    expect(await failure(parseSpreadsheet(Buffer.alloc(0), 'a.csv'))).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: 'El archivo está vacío.',
    });
    expect(await failure(parseSpreadsheet(Buffer.from([1, 2, 3, 0, 255, 254]), 'a.csv'))).toMatchObject({
      code: 'IMPORT_UNREADABLE',
    });
  });
  it('answers IMPORT_INVALID for a header without rows, blank files and too many rows', async () => {
    expect(await failure(parseSpreadsheet(Buffer.from('nombre,tipo\n'), 'a.csv'))).toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringContaining('solo contiene la fila de encabezados'),
    });
    expect(await failure(parseSpreadsheet(Buffer.from('\n ,\n'), 'a.csv'))).toMatchObject({
      code: 'IMPORT_INVALID',
    });
    const big = 'nombre\n' + 'x\n'.repeat(MAX_IMPORT_ROWS + 1);
    expect(await failure(parseSpreadsheet(Buffer.from(big), 'a.csv'))).toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringContaining('10,000'),
    });
  });
});

describe('parseSpreadsheet: XLSX', () => {
  it('reads the first sheet, with the header in its first non-blank row', async () => {
    const data = await xlsx(
      [
        [null, 'nombre', 'tipo'],
        [null, { richText: [{ text: 'Uni' }, { text: 'versidad' }] }, 'university'],
        [null, 5512345678, { formula: '1+1', result: 2 }],
      ],
      3,
    );
    const s = await parseSpreadsheet(data, 'libro.xlsx');
    expect(s.header).toEqual({ row: 3, cells: ['', 'nombre', 'tipo'] });
    expect(s.rows).toEqual([
      { row: 4, cells: ['', 'Universidad', 'university'] },
      { row: 5, cells: ['', '5512345678', '2'] },
    ]);
  });
  it('answers IMPORT_UNREADABLE for a damaged workbook', async () => {
    const good = await xlsx([['nombre'], ['x']]);
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(300, 1)]);
    expect(await failure(parseSpreadsheet(broken, 'libro.xlsx'))).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      status: 400,
    });
  });
});

describe('cell values', () => {
  it('shows what a person sees in the cell', () => {
    expect(cellValue(undefined, '', false)).toBe('');
    expect(cellValue(undefined, '5512345678', false)).toBe('5512345678');
    expect(cellValue('n', '1.5E+3', false)).toBe('1500');
    expect(cellValue(undefined, '45351', true)).toBe('2024-02-29');
    expect(cellValue(undefined, '43889', true, true)).toBe('2024-02-29');
    expect(cellValue('b', '1', false)).toBe('true');
    expect(cellValue('e', '#N/A', false)).toBe('');
    expect(cellValue('str', 'calculado', false)).toBe('calculado');
    expect(cellValue('d', '2024-02-29T00:00:00Z', false)).toBe('2024-02-29');
  });
  it('tells date formats from number formats', () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(0, undefined)).toBe(false);
    expect(isDateFormat(164, 'dd/mm/yyyy')).toBe(true);
    expect(isDateFormat(165, '[Red]#,##0.00')).toBe(false);
    expect(isDateFormat(166, '0" días"')).toBe(false);
  });
  it('numbers columns and dates as Excel does', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('12')).toBeUndefined();
    expect(serialToDate(1)).toBe('1899-12-31');
  });
});

describe('limits', () => {
  it('refuses a CSV with too many columns or an oversized cell, naming the place (413)', async () => {
    const wide = Array.from({ length: SPREADSHEET_LIMITS.columns + 1 }, (_, i) => `c${i}`).join(',');
    expect(await failure(parseSpreadsheet(Buffer.from(`${wide}\nx`), 'a.csv'))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      message: expect.stringContaining('La fila 1 usa más de 200 columnas'),
    });
    const long = 'x'.repeat(SPREADSHEET_LIMITS.cellChars + 1);
    expect(await failure(parseSpreadsheet(Buffer.from(`nombre,notas\nA,${long}`), 'a.csv'))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('La celda B2 tiene más de 32,767 caracteres'),
    });
  });
  it('refuses an XLSX with too many columns or an oversized cell (413)', async () => {
    const wide = await xlsx([Array.from({ length: SPREADSHEET_LIMITS.columns + 1 }, (_, i) => `c${i}`)]);
    expect(await failure(parseSpreadsheet(wide, 'a.xlsx'))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('columnas'),
    });
    const long = await xlsx([['nombre'], ['x'.repeat(SPREADSHEET_LIMITS.cellChars + 1)]]);
    expect(await failure(parseSpreadsheet(long, 'a.xlsx'))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('32,767 caracteres'),
    });
  });
  it('reads dates, inline and shared strings of an XLSX as text', async () => {
    const data = await xlsx([
      ['fecha', 'nota'],
      [new Date('2024-03-15T00:00:00Z'), 'Sesión ordinaria'],
    ]);
    const s = await parseSpreadsheet(data, 'a.xlsx');
    expect(s.rows).toEqual([{ row: 2, cells: ['2024-03-15', 'Sesión ordinaria'] }]);
  });
});
