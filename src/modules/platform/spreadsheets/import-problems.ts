import type { z } from 'zod';
import type { FieldProblem } from '../../../shared/errors';
import { fold } from '../../../shared/fold';
import { LIST_SEPARATOR, codeOf, headerKey, type Column } from './columns';
import { restoreFormulaText } from './formula-guards';

// The rules of an import, with no I/O: which column is which, what each row means, which rows
// are valid or duplicated. Rows are numbered as the spreadsheet shows them: the header is row 1
// and the first data row is row 2 (blank rows keep their numbers).

/** One row of a spreadsheet as text cells, with its number in the spreadsheet. */
export type SheetRow = { row: number; cells: string[] };
/** A spreadsheet: its header row and its non-blank data rows. */
export type Sheet = { header: SheetRow; rows: SheetRow[] };

export type ImportProblem = { row: number; field: string; message: string };

export const MAX_IMPORT_ROWS = 10_000;
/** Problems listed in one answer; counts stay exact beyond it. */
export const MAX_LISTED_PROBLEMS = 1_000;

export type EntityRules<T> = {
  /** The audit entity type of imported records (other modules reuse these rules). */
  entity: string;
  columns: readonly Column[];
  schema: z.ZodType<T>;
  /** The input field holding the record's name, unique (accent/case-insensitive) per organization. */
  nameField: string;
  /** "una institución": how messages name one record. */
  noun: string;
};

/** "A", "B", … "Z", "AA": the spreadsheet letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export type HeaderMap = {
  /** Where each known column is in the file. */
  at: Map<Column, number>;
  /** Problems that concern the header row itself (unknown columns): reported, rows still read. */
  problems: ImportProblem[];
  /** Problems that make the file unusable (a required column missing, a column twice). */
  fatal: FieldProblem[];
};

/** Recognizes the columns of the header row ("Nombre", "PAÍS", "sitio web" all match). */
export function mapHeader(columns: readonly Column[], sheet: Sheet): HeaderMap {
  const at = new Map<Column, number>();
  const problems: ImportProblem[] = [];
  const fatal: FieldProblem[] = [];
  const byKey = new Map(columns.map((c) => [headerKey(c.header), c]));
  const known = columns
    .filter((c) => c.type !== 'exportOnly')
    .map((c) => c.header)
    .join(', ');
  sheet.header.cells.forEach((text, i) => {
    const label = text.trim();
    if (!label) {
      if (sheet.rows.some((r) => (r.cells[i] ?? '').trim() !== '')) {
        problems.push({
          row: sheet.header.row,
          field: `columna ${columnLetter(i)}`,
          message: `La columna ${columnLetter(i)} tiene datos pero no tiene nombre; se ignoró`,
        });
      }
      return;
    }
    const column = byKey.get(headerKey(label));
    if (!column) {
      problems.push({
        row: sheet.header.row,
        field: label,
        message: `Columna desconocida: "${label}"; se ignoró. Columnas reconocidas: ${known}`,
      });
    } else if (at.has(column)) {
      fatal.push({
        path: `columns.${column.header}`,
        message: `La columna "${column.header}" aparece más de una vez`,
      });
    } else {
      at.set(column, i);
    }
  });
  for (const column of columns) {
    if (column.required && !at.has(column)) {
      fatal.push({
        path: `columns.${column.header}`,
        message: `Falta la columna obligatoria "${column.header}"`,
      });
    }
  }
  return { at, problems, fatal };
}

/** One data row checked: its input when valid, its problems otherwise. */
export type CheckedRow<T> = {
  row: number;
  /** The record's name and acronym as written (for duplicates and references). */
  name: string;
  acronym: string;
  input?: T;
  /** Texts of the reference columns (e.g. area_superior), resolved later. */
  refs: Record<string, string>;
  problems: ImportProblem[];
};

const cellText = (cells: string[], index: number) => restoreFormulaText((cells[index] ?? '').trim());

/** Turns a row's cells into the candidate input of `rules.schema` and validates it. */
export function checkRow<T>(rules: EntityRules<T>, header: HeaderMap, sheetRow: SheetRow): CheckedRow<T> {
  const values: Record<string, unknown> = {};
  const refs: Record<string, string> = {};
  const problems: ImportProblem[] = [];
  const problem = (column: Column, message: string) =>
    problems.push({ row: sheetRow.row, field: column.header, message });

  for (const [column, index] of header.at) {
    const text = cellText(sheetRow.cells, index);
    if (column.required && !text) {
      problem(column, 'Este dato es obligatorio');
      continue;
    }
    switch (column.type) {
      case 'text':
        values[column.field] = text || null;
        break;
      case 'country':
        if (text) values[column.field] = text.toUpperCase();
        break;
      case 'list':
        values[column.field] = text
          .split(LIST_SEPARATOR)
          .map((v) => v.trim())
          .filter(Boolean);
        break;
      case 'enum': {
        if (!text) break;
        const code = codeOf(column.labels ?? {}, text);
        if (code) values[column.field] = code;
        else {
          const options = Object.values(column.labels ?? {})
            .map((l) => l[0])
            .join(', ');
          problem(column, `Valor no reconocido: "${text}". Use uno de: ${options}`);
        }
        break;
      }
      case 'reference':
        if (text) refs[column.field] = text;
        break;
      case 'exportOnly':
        break;
    }
  }

  const name = typeof values[rules.nameField] === 'string' ? (values[rules.nameField] as string) : '';
  const acronym = typeof values.acronym === 'string' ? values.acronym : '';
  const headerOf = (field: PropertyKey | undefined) =>
    rules.columns.find((c) => c.field === field)?.header ?? String(field ?? 'fila');
  const failed = new Set(problems.map((p) => p.field));
  const parsed = rules.schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = headerOf(issue.path[0]);
      // A cell already reported (empty required, unknown value) is not reported twice.
      if (failed.has(field)) continue;
      const item = issue.path.length > 1 ? ` (elemento ${Number(issue.path[1]) + 1})` : '';
      problems.push({ row: sheetRow.row, field, message: issue.message + item });
    }
  }
  return {
    row: sheetRow.row,
    name,
    acronym,
    refs,
    problems,
    ...(parsed.success && !problems.length ? { input: parsed.data } : {}),
  };
}

/** The key under which two names count as the same: accents, case and spacing aside. */
export const nameKey = (name: string) => fold(name);

/**
 * Flags rows whose name repeats an existing record's or an earlier row's, in place. Every repeat
 * is flagged, even of a row that has other problems: an ambiguous pair is never half imported.
 */
export function flagDuplicates<T>(
  rules: EntityRules<T>,
  rows: CheckedRow<T>[],
  existingNames: Iterable<string>,
) {
  const existing = new Set([...existingNames].map(nameKey));
  const seen = new Map<string, number>();
  const field = rules.columns.find((c) => c.field === rules.nameField)!.header;
  for (const r of rows) {
    const key = nameKey(r.name);
    if (!key) continue;
    if (existing.has(key)) {
      r.problems.push({
        row: r.row,
        field,
        message: `Ya existe ${rules.noun} con el nombre "${r.name}" en su organización`,
      });
    } else if (seen.has(key)) {
      r.problems.push({
        row: r.row,
        field,
        message: `Ya existe ${rules.noun} con el nombre "${r.name}" en la fila ${seen.get(key)} del archivo`,
      });
    } else {
      seen.set(key, r.row);
    }
    if (r.problems.length) delete r.input;
  }
}

export type ImportOutcome<T> = {
  valid: { row: number; input: T }[];
  problems: ImportProblem[];
  /** Data rows left out. */
  skipped: number;
};

/** The valid rows and every problem, header first, in row order. */
export function outcome<T>(header: HeaderMap, rows: CheckedRow<T>[]): ImportOutcome<T> {
  const valid = rows.flatMap((r) =>
    r.input !== undefined && !r.problems.length ? [{ row: r.row, input: r.input }] : [],
  );
  return {
    valid,
    problems: [...header.problems, ...rows.flatMap((r) => r.problems)],
    skipped: rows.length - valid.length,
  };
}

/** Problems as the API's field list: `rows.<row>.<column>`. */
export function problemsToFields(problems: ImportProblem[]): FieldProblem[] {
  return problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((p) => ({ path: `rows.${p.row}.${p.field}`, message: p.message }));
}
