import type { Column, EnumLabels } from '../platform/spreadsheets/columns';
import { fold } from '../../shared/fold';
import { codeOf } from '../platform/spreadsheets/columns';
import { restoreFormulaText } from '../platform/spreadsheets/formula-guards';
import type { HeaderMap, ImportProblem, SheetRow } from '../platform/spreadsheets/import-problems';
import type { ImportRowPlan } from '../../shared/import-plan';
import { RegisterFolioInputSchema, type RegisterFolioInput } from './contract';
import type { DueRule } from './contract-due-rules';
import { parseFolioNumber } from './folio-number';

// The rules of importing received folios from a spreadsheet, with no I/O. Each row is what one
// "register a received folio" request would send, and is validated by the same schema.

const MODULE_LABELS: EnumLabels<'follow_up' | 'consultation'> = {
  follow_up: ['Seguimiento de actividades', 'Seguimiento'],
  consultation: ['Consulta y documentos', 'Consulta y Documentos', 'Consultas'],
};
const TYPE_LABELS: EnumLabels = {
  circular: ['Circular'],
  correo: ['Correo', 'Correos', 'Correo electrónico'],
  informativo: ['Informativo'],
  invitacion: ['Invitación'],
  oficio: ['Oficio'],
  acuerdo: ['Acuerdo'],
  consulta: ['Consulta'],
  otro: ['Otro'],
};
const NATURE_LABELS: EnumLabels<'for_information' | 'for_attention'> = {
  for_information: ['De conocimiento', 'Conocimiento'],
  for_attention: ['Para su atención', 'Atención'],
};
const STATUS_LABELS: EnumLabels = {
  pending_local: ['Pendiente de atender', 'Pendiente de atender por el OPLE', 'Pendiente'],
  in_process_national: ['En proceso del INE', 'En proceso'],
  cancelled: ['Cancelado'],
  concluded: ['Concluido'],
};

export const FOLIO_IMPORT_COLUMNS: readonly Column[] = [
  { header: 'modulo', field: 'module', type: 'enum', required: true, labels: MODULE_LABELS, width: 28 },
  { header: 'folio', field: 'folio', type: 'text', required: true, width: 12 },
  { header: 'tipo', field: 'documentType', type: 'enum', required: true, labels: TYPE_LABELS, width: 14 },
  { header: 'naturaleza', field: 'nature', type: 'enum', labels: NATURE_LABELS, width: 18 },
  { header: 'asunto', field: 'subject', type: 'text', required: true, width: 60 },
  { header: 'cuerpo', field: 'body', type: 'text', width: 40 },
  { header: 'fecha_envio', field: 'sentOn', type: 'text', required: true, width: 12 },
  { header: 'fecha_recepcion', field: 'receivedOn', type: 'text', required: true, width: 14 },
  { header: 'plazo', field: 'dueRule', type: 'text', width: 30 },
  { header: 'estatus', field: 'status', type: 'enum', labels: STATUS_LABELS, width: 24 },
  { header: 'fecha_estatus', field: 'statusOn', type: 'text', width: 14 },
];

/** An example row of the template: the reference's folio 24/2024. */
export const TEMPLATE_ROW = [
  'Seguimiento de actividades',
  '24/2024',
  'Oficio',
  'Para su atención',
  'Información del estado procesal que guardan las denuncias presentadas en contra del personal de cada OPLE.',
  'Informe mensual (primeros cinco días de cada mes).',
  '2024-01-12',
  '2024-01-12',
  '5 días hábiles',
  'Pendiente de atender',
  '2024-01-12',
];

/** "2024-03-18" or "18/03/2024" as a calendar date string; anything else is returned as typed. */
export function normalizeDay(text: string): string {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return text.trim();
}

/**
 * A due rule as people write it: "5 días hábiles", "10 días naturales", "último día hábil del
 * mes", "primeros 5 días hábiles del mes", or a date. Undefined when not understood.
 */
export function parseDueRule(text: string): DueRule | undefined {
  const t = fold(text).replace(/[.,;]$/, '');
  let m = /^(\d{1,3}) dias? habil(es)?$/.exec(t);
  if (m) return { kind: 'business_days', days: Number(m[1]) };
  m = /^(\d{1,3}) dias? natural(es)?$/.exec(t);
  if (m) return { kind: 'natural_days', days: Number(m[1]) };
  if (/^(el )?ultimo dia habil( (del|de cada) mes)?$/.test(t)) return { kind: 'last_business_day_of_month' };
  m = /^(dentro de los )?primeros? (\d{1,2}) dias? (habiles|naturales)( (del|de cada) mes)?$/.exec(t);
  if (m)
    return {
      kind: 'first_days_of_month',
      days: Number(m[2]),
      count: m[3] === 'habiles' ? 'business' : 'natural',
    };
  const day = normalizeDay(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return { kind: 'fixed_date', date: day };
  return undefined;
}

export type CheckedFolioRow = {
  row: number;
  /** The folio and subject as the row writes them, to name the row in the plan. */
  label?: string;
  input?: RegisterFolioInput;
  /** "follow_up:24/2024", for duplicates. */
  key?: string;
  problems: ImportProblem[];
};

/** Turns a row's cells into a register-folio input and validates it with the API's schema. */
export function checkFolioRow(header: HeaderMap, sheetRow: SheetRow): CheckedFolioRow {
  const values: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  const problem = (column: Column, message: string) =>
    problems.push({ row: sheetRow.row, field: column.header, message });
  for (const [column, index] of header.at) {
    const text = restoreFormulaText((sheetRow.cells[index] ?? '').trim());
    if (!text) {
      if (column.required) problem(column, 'Este dato es obligatorio');
      continue;
    }
    if (column.type === 'enum') {
      const code = codeOf(column.labels ?? {}, text);
      if (code) values[column.field] = code;
      else
        problem(
          column,
          `Valor no reconocido: "${text}". Use uno de: ${Object.values(column.labels ?? {})
            .map((l) => l[0])
            .join(', ')}`,
        );
    } else if (column.field === 'dueRule') {
      const rule = parseDueRule(text);
      if (rule) values.dueRule = rule;
      else
        problem(
          column,
          `Plazo no reconocido: "${text}". Ejemplos: 5 días hábiles, 10 días naturales, último día hábil del mes, primeros 5 días hábiles del mes, 2024-03-15`,
        );
    } else if (column.field === 'sentOn' || column.field === 'receivedOn' || column.field === 'statusOn') {
      values[column.field] = normalizeDay(text);
    } else {
      values[column.field] = text;
    }
  }
  const label = [values.folio, values.subject].filter(Boolean).join(' · ');
  const failed = new Set(problems.map((p) => p.field));
  const headerOf = (field: PropertyKey | undefined) =>
    FOLIO_IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? String(field ?? 'fila');
  const parsed = RegisterFolioInputSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = headerOf(issue.path[0]);
      if (!failed.has(field)) problems.push({ row: sheetRow.row, field, message: issue.message });
    }
  }
  if (!parsed.success || problems.length) return { row: sheetRow.row, label, problems };
  const number = parseFolioNumber(parsed.data.folio);
  if (!number) {
    problems.push({
      row: sheetRow.row,
      field: 'folio',
      message: 'Escriba el folio como número/año, p. ej. 270/2023',
    });
    return { row: sheetRow.row, label, problems };
  }
  return {
    row: sheetRow.row,
    label,
    input: parsed.data,
    key: `${parsed.data.module}:${number.number}/${number.year}`,
    problems,
  };
}

/** A folio the organization already has, as the import compares it with a row. */
export type RegisteredFolio = {
  subject: string;
  documentType: string;
  sentOn: string;
  receivedOn: string;
};

/** The columns a re-imported row is compared on: what names the folio in its system. */
const COMPARED: readonly [keyof RegisteredFolio, string][] = [
  ['subject', 'asunto'],
  ['documentType', 'tipo'],
  ['sentOn', 'fecha_envio'],
  ['receivedOn', 'fecha_recepcion'],
];

export type PlannedFolio = { plan: ImportRowPlan; input?: RegisterFolioInput };

/**
 * The plan of every row (ADR 0032's dry run): a new folio is created; one already registered with
 * the same data is left as it is, so the same file imported twice changes nothing; one registered
 * with other data is refused, since a folio in the channel is corrected on its page, not by a file
 * (its routings and answers may already hang on it); a folio repeated in the file is refused too.
 */
export function planFolioRows(
  checked: readonly CheckedFolioRow[],
  registered: ReadonlyMap<string, RegisteredFolio>,
): PlannedFolio[] {
  const seen = new Map<string, number>();
  return checked.map((r) => {
    const label = r.key ? r.key.slice(r.key.indexOf(':') + 1) : '';
    const plan = (outcome: ImportRowPlan['outcome'], problems: { field: string; message: string }[]) => ({
      row: r.row,
      outcome,
      label: r.input ? `${label} · ${r.input.subject}` : r.label || '—',
      changes: [],
      problems,
    });
    if (!r.input || !r.key || r.problems.length)
      return {
        plan: plan(
          'refused',
          r.problems.map((p) => ({ field: p.field, message: p.message })),
        ),
      };
    const earlier = seen.get(r.key);
    if (earlier !== undefined)
      return {
        plan: plan('refused', [
          { field: 'folio', message: `El folio ${label} ya aparece en la fila ${earlier} del archivo` },
        ]),
      };
    seen.set(r.key, r.row);
    const existing = registered.get(r.key);
    if (!existing) return { plan: plan('create', []), input: r.input };
    const differ = COMPARED.filter(([field]) => existing[field] !== r.input![field]).map(([, h]) => h);
    if (!differ.length) return { plan: plan('unchanged', []) };
    return {
      plan: plan('refused', [
        {
          field: differ[0]!,
          message: `El folio ${label} ya está registrado con otros datos (${differ.join(', ')}); un folio registrado se corrige en su página, no con un archivo`,
        },
      ]),
    };
  });
}
