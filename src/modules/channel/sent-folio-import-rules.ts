import { LocalDateSchema } from '../../shared/dates';
import { fold } from '../../shared/fold';
import type { ImportCellProblem, ImportRowPlan } from '../../shared/import-plan';
import { codeOf, type Column, type EnumLabels } from '../platform/spreadsheets/columns';
import { restoreFormulaText } from '../platform/spreadsheets/formula-guards';
import type { HeaderMap, SheetRow } from '../platform/spreadsheets/import-problems';
import type { DueRule } from './contract-due-rules';
import type { FolioNature, FolioStatus } from './contract-folio-status';
import { normalizeDay, parseDueRule } from './folio-import-rules';
import { parseFolioNumber } from './folio-number';

// The rules of the national authority's import of the follow-up folios it sent to the local bodies
// before Vincula, with no I/O. One row is one recipient's copy (the folio as a local body holds it):
// a circular sent to three bodies takes three rows with the same folio, type, subject and day.
// Rows are planned against the folios registered in the installation and against the earlier rows
// of the same file (ADR 0032's dry run).

type FollowUpType = 'circular' | 'correo' | 'informativo' | 'invitacion' | 'oficio';
const TYPE_LABELS: EnumLabels<FollowUpType> = {
  circular: ['Circular'],
  correo: ['Correo', 'Correo electrónico'],
  informativo: ['Informativo'],
  invitacion: ['Invitación'],
  oficio: ['Oficio'],
};
const NATURE_LABELS: EnumLabels<FolioNature> = {
  for_attention: ['Para su atención', 'Atención'],
  for_information: ['De conocimiento', 'Conocimiento'],
};
const STATUS_LABELS: EnumLabels<FolioStatus> = {
  pending_local: ['Pendiente de atender', 'Pendiente de atender por el OPLE', 'Pendiente'],
  in_process_national: ['En proceso del INE', 'En proceso'],
  cancelled: ['Cancelado'],
  concluded: ['Concluido'],
};

export const SENT_FOLIO_IMPORT_COLUMNS: readonly Column[] = [
  { header: 'folio', field: 'folio', type: 'text', required: true, width: 12 },
  { header: 'destinatario', field: 'recipient', type: 'text', required: true, width: 14 },
  { header: 'tipo', field: 'documentType', type: 'enum', required: true, labels: TYPE_LABELS, width: 14 },
  { header: 'naturaleza', field: 'nature', type: 'enum', labels: NATURE_LABELS, width: 18 },
  { header: 'asunto', field: 'subject', type: 'text', required: true, width: 60 },
  { header: 'cuerpo', field: 'body', type: 'text', width: 40 },
  { header: 'fecha_envio', field: 'sentOn', type: 'text', required: true, width: 12 },
  { header: 'plazo', field: 'dueRule', type: 'text', width: 30 },
  { header: 'estatus', field: 'status', type: 'enum', labels: STATUS_LABELS, width: 24 },
  { header: 'fecha_estatus', field: 'statusOn', type: 'text', width: 14 },
];

/** An example row of the template: the reference's folio 24/2024, as one local body received it. */
export const SENT_FOLIO_TEMPLATE_ROW = [
  '24/2024',
  'IECM',
  'Oficio',
  'Para su atención',
  'Información del estado procesal que guardan las denuncias presentadas en contra del personal de cada OPLE.',
  'Informe mensual (primeros cinco días de cada mes).',
  '12/01/2024',
  '5 días hábiles',
  'Concluido',
  '19/01/2024',
];

const header = (field: string) => SENT_FOLIO_IMPORT_COLUMNS.find((c) => c.field === field)!.header;

export type LocalBody = { id: string; name: string; acronym: string };

/** A follow-up folio held by a local body of the installation, as the import compares a row with it. */
export type HeldFolio = {
  localOrgId: string;
  year: number;
  number: number;
  communicationId: string;
  /** Numbered by the national authority's series (sent through Vincula or imported), or typed by the body. */
  numbered: boolean;
  subject: string;
  documentType: string;
  sentOn: string;
};

export type SentCommunication = {
  year: number;
  number: number;
  documentType: FollowUpType;
  nature: FolioNature;
  subject: string;
  body: string;
  sentOn: string;
};

export type PlannedSentFolio = {
  plan: ImportRowPlan;
  /** `${year}/${number}`: rows of one communication share it. */
  key?: string;
  communication?: SentCommunication;
  /** The communication already registered, when the folio is one of its. */
  communicationId?: string;
  folio?: {
    localOrgId: string;
    dueRule: DueRule | null;
    status: FolioStatus | null;
    statusOn: string | null;
  };
};

function day(text: string, field: string, problems: ImportCellProblem[]): string | undefined {
  const value = normalizeDay(text);
  const parsed = LocalDateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.push({
    field: header(field),
    message: /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? parsed.error.issues[0]!.message
      : `«${text}» no es una fecha: escríbala como DD/MM/AAAA (p. ej. 12/01/2024)`,
  });
  return undefined;
}

/**
 * Plans every row. A folio is known by its number and year in the national authority's series and
 * its recipient: a new one is created (with its communication, the first time the number appears),
 * one already held by that recipient with the same data is left as it is, so the same file twice
 * changes nothing; one registered with other data is refused (a folio is corrected on its page), as
 * is a recipient that registered that number by hand from the outside system, and a row whose
 * communication's data differ from an earlier row with the same folio.
 */
export function planSentFolioRows(
  headerMap: HeaderMap,
  rows: readonly SheetRow[],
  ctx: {
    today: string;
    bodies: readonly LocalBody[];
    held: readonly HeldFolio[];
    /** The problem of a due rule on a recipient's calendar (e.g. a fixed date before sending). */
    dueProblem: (localOrgId: string, rule: DueRule, sentOn: string) => string | undefined;
  },
): PlannedSentFolio[] {
  const firstRow = new Map<string, { row: number; communication: SentCommunication }>();
  const seen = new Map<string, number>();
  return rows.map((sheetRow) => {
    const cell: Record<string, string> = {};
    for (const [column, index] of headerMap.at)
      cell[column.field] = restoreFormulaText((sheetRow.cells[index] ?? '').trim());
    const problems: ImportCellProblem[] = [];
    const problem = (field: string, message: string) => problems.push({ field: header(field), message });
    for (const field of ['folio', 'recipient', 'documentType', 'subject', 'sentOn'])
      if (!cell[field]) problem(field, 'Este dato es obligatorio');
    const enumOf = <C extends string>(field: string, labels: EnumLabels<C>): C | undefined => {
      if (!cell[field]) return undefined;
      const code = codeOf(labels, cell[field]);
      if (!code)
        problem(
          field,
          `Valor no reconocido: «${cell[field]}». Use uno de: ${Object.values<readonly string[]>(labels)
            .map((l) => l[0])
            .join(', ')}`,
        );
      return code;
    };
    const number = cell.folio ? parseFolioNumber(cell.folio) : undefined;
    if (cell.folio && !number) problem('folio', 'Escriba el folio como número/año, p. ej. 24/2024');
    const recipient = cell.recipient
      ? ctx.bodies.find(
          (b) => fold(b.acronym) === fold(cell.recipient!) || fold(b.name) === fold(cell.recipient!),
        )
      : undefined;
    if (cell.recipient && !recipient)
      problem(
        'recipient',
        `«${cell.recipient}» no es un organismo local de esta instalación. Escriba sus siglas: ${ctx.bodies.map((b) => b.acronym).join(', ') || 'aún no hay organismos locales'}`,
      );
    const documentType = enumOf('documentType', TYPE_LABELS);
    const nature = enumOf('nature', NATURE_LABELS) ?? 'for_attention';
    const status = enumOf('status', STATUS_LABELS) ?? null;
    const sentOn = cell.sentOn ? day(cell.sentOn, 'sentOn', problems) : undefined;
    if (sentOn && sentOn > ctx.today)
      problem('sentOn', 'Se importan folios ya enviados: la fecha no puede ser futura');
    if (sentOn && number && String(number.year) !== sentOn.slice(0, 4))
      problem('folio', 'El año del folio no coincide con el de la fecha de envío');
    const statusOn = cell.statusOn ? (day(cell.statusOn, 'statusOn', problems) ?? null) : null;
    if (statusOn && !status) problem('status', 'Escriba el estatus al que llegó el folio en esa fecha');
    if (statusOn && sentOn && statusOn < sentOn)
      problem('statusOn', 'La fecha del estatus es anterior a la del envío');
    if (statusOn && statusOn > ctx.today) problem('statusOn', 'La fecha del estatus no puede ser futura');
    let dueRule: DueRule | null = null;
    if (cell.dueRule) {
      const rule = parseDueRule(cell.dueRule);
      if (!rule)
        problem(
          'dueRule',
          `Plazo no reconocido: «${cell.dueRule}». Ejemplos: 5 días hábiles, 10 días naturales, último día hábil del mes, primeros 5 días hábiles del mes, 15/03/2024`,
        );
      else dueRule = rule;
    }
    if (dueRule && recipient && sentOn) {
      const why = ctx.dueProblem(recipient.id, dueRule, sentOn);
      if (why) problem('dueRule', why);
    }
    if (cell.subject && cell.subject.length > 500)
      problem('subject', 'El asunto admite 500 caracteres a lo más');

    const folioText = number ? `${number.number}/${number.year}` : cell.folio;
    const label = [folioText, recipient?.acronym ?? cell.recipient, cell.subject].filter(Boolean).join(' · ');
    const refused = (more: ImportCellProblem[] = []): PlannedSentFolio => ({
      plan: {
        row: sheetRow.row,
        outcome: 'refused',
        label: label || '—',
        changes: [],
        problems: [...problems, ...more],
      },
    });
    if (problems.length || !number || !recipient || !documentType || !sentOn) return refused();

    const key = `${number.year}/${number.number}`;
    const name = `${number.number}/${number.year}`;
    const communication: SentCommunication = {
      year: number.year,
      number: number.number,
      documentType,
      nature,
      subject: cell.subject!,
      body: cell.body ?? '',
      sentOn,
    };
    const differ = (
      a: SentCommunication,
      b: { documentType: string; subject: string; sentOn: string; nature?: string; body?: string },
    ) =>
      [
        a.documentType !== b.documentType && header('documentType'),
        a.subject !== b.subject && header('subject'),
        a.sentOn !== b.sentOn && header('sentOn'),
        b.nature !== undefined && a.nature !== b.nature && header('nature'),
        b.body !== undefined && a.body !== b.body && header('body'),
      ].filter((x): x is string => Boolean(x));
    const earlier = firstRow.get(key);
    if (earlier) {
      const d = differ(communication, earlier.communication);
      if (d.length)
        return refused([
          {
            field: d[0]!,
            message: `El folio ${name} lleva otros datos en la fila ${earlier.row} (${d.join(', ')})`,
          },
        ]);
    } else firstRow.set(key, { row: sheetRow.row, communication });
    const pair = `${key}|${recipient.id}`;
    const repeated = seen.get(pair);
    if (repeated !== undefined)
      return refused([
        {
          field: header('recipient'),
          message: `El folio ${name} para ${recipient.acronym} ya aparece en la fila ${repeated} del archivo`,
        },
      ]);
    seen.set(pair, sheetRow.row);

    const sameNumber = ctx.held.filter((h) => h.year === number.year && h.number === number.number);
    const mine = sameNumber.find((h) => h.localOrgId === recipient.id);
    if (mine && !mine.numbered)
      return refused([
        {
          field: header('folio'),
          message: `${recipient.acronym} registró el folio ${name} por su cuenta, con el número del sistema anterior; no puede llegarle otra vez`,
        },
      ]);
    const registered = sameNumber.find((h) => h.numbered);
    if (registered) {
      const d = differ(communication, registered);
      if (d.length)
        return refused([
          {
            field: d[0]!,
            message: `El folio ${name} ya está registrado con otros datos (${d.join(', ')}); un folio registrado se corrige en su página, no con un archivo`,
          },
        ]);
    }
    if (mine)
      return { plan: { row: sheetRow.row, outcome: 'unchanged', label, changes: [], problems: [] }, key };
    return {
      plan: { row: sheetRow.row, outcome: 'create', label, changes: [], problems: [] },
      key,
      communication,
      communicationId: registered?.communicationId,
      folio: { localOrgId: recipient.id, dueRule, status, statusOn },
    };
  });
}
