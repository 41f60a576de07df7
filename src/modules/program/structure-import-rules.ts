import { LocalDateSchema } from '../../shared/dates';
import { fold } from '../../shared/fold';
import type { ImportCellProblem, ImportRowPlan } from '../../shared/import-plan';
import type { Column } from '../platform/spreadsheets/columns';
import { restoreFormulaText } from '../platform/spreadsheets/formula-guards';
import { dayFromCell } from '../platform/spreadsheets/import-plan';
import type { HeaderMap, SheetRow } from '../platform/spreadsheets/import-problems';
import type { TargetSource } from './contract-constants';

// The rules of importing a work program's structure (lines, objectives, targets) from a
// spreadsheet, with no I/O: one row names a line, optionally one of its objectives, and optionally
// a target of that objective (or of the line). Rows are planned against the program as it is and
// against the earlier rows of the same file (ADR 0032's dry run).

export const PROGRAM_IMPORT_COLUMNS: readonly Column[] = [
  { header: 'Línea', field: 'line', type: 'text', required: true, width: 8 },
  { header: 'Título de la línea', field: 'lineTitle', type: 'text', required: true, width: 50 },
  { header: 'Objetivo', field: 'objective', type: 'text', width: 10 },
  { header: 'Título del objetivo', field: 'objectiveTitle', type: 'text', width: 50 },
  { header: 'Meta', field: 'target', type: 'text', width: 50 },
  { header: 'Cantidad mínima', field: 'minimumCount', type: 'text', width: 10 },
  { header: 'Unidad', field: 'unit', type: 'text', width: 16 },
  { header: 'Desde', field: 'periodStart', type: 'text', width: 12 },
  { header: 'Hasta', field: 'periodEnd', type: 'text', width: 12 },
  { header: 'Se cuenta con', field: 'source', type: 'text', width: 30 },
  { header: 'Tipo o serie', field: 'sourceDetail', type: 'text', width: 30 },
];

/** An example row of the template: the reference's line 2, objective A, a target of the quarter. */
export const PROGRAM_TEMPLATE_ROW = [
  '2',
  'Vinculación con organismos e instituciones',
  'A',
  'Fortalecer la colaboración con el INE y los OPLE',
  'Reuniones de trabajo con el INE',
  '2',
  'reuniones',
  '01/01/2024',
  '31/03/2024',
  'Actividades',
  'Reunión de trabajo',
];

const header = (field: string) => PROGRAM_IMPORT_COLUMNS.find((c) => c.field === field)!.header;

/** The program as the import compares rows with it. */
export type ExistingStructure = {
  year: number;
  lines: {
    id: string;
    number: number;
    title: string;
    objectives: { id: string; key: string; title: string }[];
    targets: ExistingTarget[];
  }[];
};
export type ExistingTarget = {
  id: string;
  objectiveId: string | null;
  description: string;
  minimumCount: number;
  unit: string;
  periodStart: string;
  periodEnd: string;
  source: TargetSource;
  activityKind: string | null;
  seriesId: string | null;
  externalSource: string | null;
};

/** What "Se cuenta con" and "Tipo o serie" may name: the organization's kinds, series and sources. */
export type SourceNames = {
  kinds: readonly { code: string; name: string }[];
  series: readonly { id: string; name: string }[];
  recordSources: readonly { code: string; label: string }[];
};

export type TargetValues = Omit<ExistingTarget, 'id' | 'objectiveId'>;

/** A planned row and what applying it writes (ids of what earlier rows create are resolved then). */
export type PlannedStructureRow = {
  plan: ImportRowPlan;
  /** Where the row belongs (rows that are not refused): its line and objective letter, if any. */
  at?: { line: number; objective: string | null };
  line?: { number: number; title: string; create: boolean; updateId?: string };
  objective?: { key: string; title: string; create: boolean; updateId?: string };
  target?: { values: TargetValues; create: boolean; updateId?: string };
};

const ACTIVITIES = ['actividades', 'actividad'];
const PUBLICATIONS = ['numeros de una publicacion', 'publicaciones', 'publicacion', 'numeros'];

function sourceOf(
  text: string,
  detail: string,
  names: SourceNames,
):
  | { ok: Pick<TargetValues, 'source' | 'activityKind' | 'seriesId' | 'externalSource'> }
  | { problem: ImportCellProblem } {
  const t = fold(text);
  if (!t || ACTIVITIES.includes(t)) {
    if (!detail)
      return { ok: { source: 'activities', activityKind: null, seriesId: null, externalSource: null } };
    const kind = names.kinds.find((k) => fold(k.name) === fold(detail) || k.code === detail);
    if (!kind)
      return {
        problem: {
          field: header('sourceDetail'),
          message: `Tipo de actividad no registrado: "${detail}". Use uno de: ${names.kinds.map((k) => k.name).join(', ')}`,
        },
      };
    return { ok: { source: 'activities', activityKind: kind.code, seriesId: null, externalSource: null } };
  }
  if (PUBLICATIONS.includes(t)) {
    if (!detail)
      return {
        ok: { source: 'publication_issues', activityKind: null, seriesId: null, externalSource: null },
      };
    const series = names.series.find((s) => fold(s.name) === fold(detail));
    if (!series)
      return {
        problem: {
          field: header('sourceDetail'),
          message: names.series.length
            ? `Serie no registrada: "${detail}". Use una de: ${names.series.map((s) => s.name).join(', ')}`
            : `Serie no registrada: "${detail}". Registre primero la serie en Publicaciones`,
        },
      };
    return {
      ok: { source: 'publication_issues', activityKind: null, seriesId: series.id, externalSource: null },
    };
  }
  const record = names.recordSources.find((r) => fold(r.label) === t || r.code === text.trim());
  if (record)
    return { ok: { source: 'external', activityKind: null, seriesId: null, externalSource: record.code } };
  return {
    problem: {
      field: header('source'),
      message: `No se reconoce "${text}". Escriba Actividades, Números de una publicación o una de: ${names.recordSources.map((r) => r.label).join('; ')}`,
    },
  };
}

function day(text: string, field: string, problems: ImportCellProblem[]): string | undefined {
  const value = dayFromCell(text);
  const parsed = LocalDateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.push({
    field: header(field),
    message: /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? parsed.error.issues[0]!.message
      : `«${text}» no es una fecha: escríbala como DD/MM/AAAA (p. ej. 31/03/2024)`,
  });
  return undefined;
}

function targetChanges(a: TargetValues, b: ExistingTarget): string[] {
  const changes: string[] = [];
  if (a.minimumCount !== b.minimumCount) changes.push(header('minimumCount'));
  if (a.unit !== b.unit) changes.push(header('unit'));
  if (a.periodStart !== b.periodStart) changes.push(header('periodStart'));
  if (a.periodEnd !== b.periodEnd) changes.push(header('periodEnd'));
  if (a.source !== b.source || a.externalSource !== b.externalSource) changes.push(header('source'));
  if (a.activityKind !== b.activityKind || a.seriesId !== b.seriesId) changes.push(header('sourceDetail'));
  return changes;
}

/**
 * Plans every row. A line is known by its number, an objective by its line and letter, a target by
 * its line, objective and wording (without accents or case): a new one is created, a known one is
 * updated where the row differs, an equal row changes nothing, so the same file twice changes
 * nothing. A line or objective whose title differs from an earlier row of the file is refused, as
 * is a target repeated in the file.
 */
export function planStructureRows(
  headerMap: HeaderMap,
  rows: readonly SheetRow[],
  existing: ExistingStructure,
  names: SourceNames,
): PlannedStructureRow[] {
  const fileLines = new Map<number, { title: string; row: number }>();
  const fileObjectives = new Map<string, { title: string; row: number }>();
  const fileTargets = new Map<string, number>();
  return rows.map((sheetRow) => {
    const cell: Record<string, string> = {};
    for (const [column, index] of headerMap.at)
      cell[column.field] = restoreFormulaText((sheetRow.cells[index] ?? '').trim());
    const problems: ImportCellProblem[] = [];
    const required = (field: string) => {
      if (!cell[field]) problems.push({ field: header(field), message: 'Este dato es obligatorio' });
    };
    required('line');
    required('lineTitle');
    const number = Number(cell.line);
    if (cell.line && !(Number.isInteger(number) && number >= 1 && number <= 99))
      problems.push({ field: header('line'), message: 'Escriba el número de la línea, de 1 a 99' });
    const key = (cell.objective ?? '').toUpperCase();
    if (key && !/^[A-Z]{1,2}$/.test(key))
      problems.push({ field: header('objective'), message: 'Escriba la letra del objetivo: A, B, …' });
    if (key) required('objectiveTitle');
    else if (cell.objectiveTitle)
      problems.push({
        field: header('objective'),
        message: 'Escriba la letra del objetivo que lleva ese título',
      });

    let target: TargetValues | undefined;
    const targetCells = ['minimumCount', 'unit', 'periodStart', 'periodEnd', 'source', 'sourceDetail'];
    if (cell.target) {
      required('minimumCount');
      required('unit');
      const count = Number(cell.minimumCount);
      if (cell.minimumCount && !(Number.isInteger(count) && count >= 1 && count <= 100_000))
        problems.push({ field: header('minimumCount'), message: 'Escriba un número entero de 1 a 100,000' });
      const start = cell.periodStart
        ? day(cell.periodStart, 'periodStart', problems)
        : `${existing.year}-01-01`;
      const end = cell.periodEnd ? day(cell.periodEnd, 'periodEnd', problems) : `${existing.year}-12-31`;
      if (start && end && end < start)
        problems.push({ field: header('periodEnd'), message: 'El periodo termina antes de empezar' });
      const source = sourceOf(cell.source ?? '', cell.sourceDetail ?? '', names);
      if ('problem' in source) problems.push(source.problem);
      if (!problems.length && start && end && 'ok' in source)
        target = {
          description: cell.target,
          minimumCount: count,
          unit: cell.unit!,
          periodStart: start,
          periodEnd: end,
          ...source.ok,
        };
    } else if (targetCells.some((f) => cell[f])) {
      problems.push({
        field: header('target'),
        message: 'Escriba la meta a la que corresponden estos datos',
      });
    }

    const label = [cell.line, key, cell.target || cell.objectiveTitle || cell.lineTitle]
      .filter(Boolean)
      .join(' · ');
    const refused = (more: ImportCellProblem[] = []): PlannedStructureRow => ({
      plan: { row: sheetRow.row, outcome: 'refused', label, changes: [], problems: [...problems, ...more] },
    });
    if (problems.length) return refused();

    // The line: by number, its title the same as any earlier row's.
    const lineTitle = cell.lineTitle!;
    const earlierLine = fileLines.get(number);
    if (earlierLine && earlierLine.title !== lineTitle)
      return refused([
        {
          field: header('lineTitle'),
          message: `La línea ${number} lleva otro título en la fila ${earlierLine.row}`,
        },
      ]);
    const known = existing.lines.find((l) => l.number === number);
    const changes: string[] = [];
    const planned: PlannedStructureRow = {
      plan: { row: sheetRow.row, outcome: 'unchanged', label, changes, problems: [] },
      at: { line: number, objective: key || null },
    };
    if (!earlierLine) {
      fileLines.set(number, { title: lineTitle, row: sheetRow.row });
      if (!known) planned.line = { number, title: lineTitle, create: true };
      else if (known.title !== lineTitle) {
        planned.line = { number, title: lineTitle, create: false, updateId: known.id };
        changes.push(header('lineTitle'));
      }
    }
    let created = Boolean(planned.line?.create);

    // The objective: by line and letter.
    const knownObjective = key ? known?.objectives.find((o) => o.key === key) : undefined;
    if (key) {
      const objectiveTitle = cell.objectiveTitle!;
      const earlier = fileObjectives.get(`${number}:${key}`);
      if (earlier && earlier.title !== objectiveTitle)
        return refused([
          {
            field: header('objectiveTitle'),
            message: `El objetivo ${number}.${key} lleva otro título en la fila ${earlier.row}`,
          },
        ]);
      if (!earlier) {
        fileObjectives.set(`${number}:${key}`, { title: objectiveTitle, row: sheetRow.row });
        if (!knownObjective) {
          planned.objective = { key, title: objectiveTitle, create: true };
          created = true;
        } else if (knownObjective.title !== objectiveTitle) {
          planned.objective = { key, title: objectiveTitle, create: false, updateId: knownObjective.id };
          changes.push(header('objectiveTitle'));
        }
      }
    }

    // The target: by line, objective and wording.
    if (target) {
      const targetKey = `${number}:${key}:${fold(target.description)}`;
      const earlier = fileTargets.get(targetKey);
      if (earlier !== undefined)
        return refused([{ field: header('target'), message: `Esta meta ya aparece en la fila ${earlier}` }]);
      fileTargets.set(targetKey, sheetRow.row);
      const knownTarget = known?.targets.find(
        (t) =>
          t.objectiveId === (knownObjective?.id ?? null) &&
          fold(t.description) === fold(target.description) &&
          (key ? Boolean(knownObjective) : true),
      );
      if (!knownTarget || (key && !knownObjective)) {
        planned.target = { values: target, create: true };
        created = true;
      } else {
        const differ = targetChanges(target, knownTarget);
        if (differ.length || knownTarget.description !== target.description) {
          planned.target = { values: target, create: false, updateId: knownTarget.id };
          changes.push(...(differ.length ? differ : [header('target')]));
        }
      }
    }
    planned.plan.outcome = created ? 'create' : changes.length ? 'update' : 'unchanged';
    return planned;
  });
}
