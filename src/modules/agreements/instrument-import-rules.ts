import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { fold } from '../../shared/fold';
import type { ImportCellProblem, ImportRowPlan } from '../../shared/import-plan';
import type { Column, EnumLabels } from '../platform/spreadsheets/columns';
import {
  checkRow,
  type EntityRules,
  type HeaderMap,
  type SheetRow,
} from '../platform/spreadsheets/import-problems';
import { dayFromCell } from '../platform/spreadsheets/import-plan';
import { InstrumentStatusSchema, STATUS_LABELS, type InstrumentStatus } from './contract';
import { formatOpinionNumber } from './opinion-number';

// The rules of importing the register of instruments from a spreadsheet, with no I/O (ADR 0032).
// A row is one instrument, matched to the organization's register by its title (accents, case and
// spacing aside): an unknown title is created, a known one is updated where the row differs, and
// a row equal to the register changes nothing, so importing the same file twice changes nothing.
// The headers are the register export's (export-instruments.ts) plus the opinion of pertinence:
// an exported register can be imported back.

const INDEFINITE = ['indefinida', 'indefinido', 'sin termino', 'sin fecha de termino'];

export const IMPORT_STATUS_LABELS: EnumLabels<InstrumentStatus> = {
  negotiation: [STATUS_LABELS.negotiation, 'Negociación', 'En negociacion'],
  signature: [STATUS_LABELS.signature, 'En proceso de suscripción', 'En proceso de firma'],
  in_force: [STATUS_LABELS.in_force, 'Vigente', 'En vigor'],
  to_renegotiate: [STATUS_LABELS.to_renegotiate, 'Por renegociar'],
  concluded: [STATUS_LABELS.concluded, 'Concluida', 'Concluido'],
  terminated_early: [
    STATUS_LABELS.terminated_early,
    'Terminado anticipadamente',
    'Terminada anticipadamente',
  ],
};

const col = (
  header: string,
  field: string,
  type: Column['type'],
  width: number,
  extra: Partial<Column> = {},
): Column => ({ header, field, type, width, ...extra });

export const INSTRUMENT_IMPORT_COLUMNS: readonly Column[] = [
  col('Instrumento', 'title', 'text', 80, { required: true }),
  col('Tipo', 'type', 'text', 36, { required: true }),
  col('Partes', 'parties', 'list', 50, { required: true }),
  col('Áreas responsables', 'areas', 'list', 50, { required: true }),
  col('Objeto', 'object', 'text', 60),
  col('Fecha de firma', 'signedOn', 'text', 14),
  col('Inicio de vigencia', 'validFrom', 'text', 14),
  col('Término de vigencia', 'validUntil', 'text', 16),
  col('Estado', 'status', 'enum', 24, { required: true, labels: IMPORT_STATUS_LABELS }),
  col('Opinión de pertinencia', 'opinionNumber', 'text', 30),
  col('Fecha de la opinión', 'opinionIssuedOn', 'text', 16),
];

const header = (field: string) => INSTRUMENT_IMPORT_COLUMNS.find((c) => c.field === field)!.header;

/** The template's example row: an instrument of the IECM's register with its opinion. */
export const TEMPLATE_ROW = [
  'Convenio de Colaboración entre el IECM y la Universidad Autónoma Metropolitana',
  'Convenio de Colaboración',
  'Universidad Autónoma Metropolitana',
  'Dirección de Vinculación con Organismos Externos',
  'Promover la cultura cívica entre la comunidad universitaria.',
  '15/03/2024',
  '15/03/2024',
  '31/12/2026',
  'Vigente',
  'IECM/SE/DVOE/OP/03/2024',
  '01/03/2024',
];

/** What the template says of each column: whether it is required and what it takes. */
export function templateNotes(typeNames: readonly string[]): string[][] {
  const statuses = Object.values(IMPORT_STATUS_LABELS).map((l) => l[0]);
  return [
    [
      'Instrumento',
      'Obligatoria',
      'El título completo. Identifica al instrumento: una fila con un título ya registrado lo actualiza.',
    ],
    ['Tipo', 'Obligatoria', `Uno de: ${typeNames.join('; ')}`],
    [
      'Partes',
      'Obligatoria',
      'Instituciones del directorio, por nombre o siglas, separadas por «|». Su organización es parte.',
    ],
    [
      'Áreas responsables',
      'Obligatoria',
      'Áreas de su organización, por nombre o siglas, separadas por «|».',
    ],
    ['Objeto', 'Opcional', 'Texto libre.'],
    [
      'Fecha de firma',
      'Opcional',
      'DD/MM/AAAA o AAAA-MM-DD. Obligatoria si el instrumento está vigente, por renegociar o terminado anticipadamente.',
    ],
    ['Inicio de vigencia', 'Opcional', 'DD/MM/AAAA o AAAA-MM-DD.'],
    ['Término de vigencia', 'Opcional', 'DD/MM/AAAA, AAAA-MM-DD o «Indefinida».'],
    ['Estado', 'Obligatoria', `Uno de: ${statuses.join('; ')}`],
    [
      'Opinión de pertinencia',
      'Opcional',
      'Número de la opinión emitida: prefijo/NN/AAAA, p. ej. IECM/SE/DVOE/OP/03/2024. La numeración del año sigue después del número más alto importado.',
    ],
    [
      'Fecha de la opinión',
      'Opcional',
      'Fecha de emisión; obligatoria con el número, del mismo año que el número.',
    ],
  ];
}

const RowSchema = z.object({
  title: z.string().trim().min(1).max(1500).meta({ label: 'el título del instrumento' }),
  type: z.string().trim().min(1).max(200).meta({ label: 'el tipo de instrumento' }),
  parties: z
    .array(z.string().trim().max(500))
    .min(1, 'Indique al menos una institución parte')
    .max(50)
    .meta({ label: 'las partes' }),
  areas: z
    .array(z.string().trim().max(500))
    .min(1, 'Indique al menos un área responsable')
    .max(50)
    .meta({ label: 'las áreas responsables' }),
  object: z.string().trim().max(10_000).nullable().optional().meta({ label: 'el objeto' }),
  signedOn: z.string().nullable().optional(),
  validFrom: z.string().nullable().optional(),
  validUntil: z.string().nullable().optional(),
  status: InstrumentStatusSchema,
  opinionNumber: z.string().trim().max(120).nullable().optional().meta({ label: 'el número de la opinión' }),
  opinionIssuedOn: z.string().nullable().optional(),
});
type RowText = z.infer<typeof RowSchema>;

export const INSTRUMENT_IMPORT_RULES: EntityRules<RowText> = {
  entity: 'instrument',
  columns: INSTRUMENT_IMPORT_COLUMNS,
  schema: RowSchema,
  nameField: 'title',
  noun: 'un instrumento',
};

/** A day written in a cell, or why it is not one. Empty → null. */
export function cellDay(text: string | null | undefined): { day: string | null } | { problem: string } {
  if (!text?.trim()) return { day: null };
  const day = dayFromCell(text);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return { problem: `«${text.trim()}» no es una fecha: escríbala como DD/MM/AAAA (p. ej. 31/12/2024)` };
  }
  const parsed = LocalDateSchema.safeParse(day);
  return parsed.success ? { day } : { problem: parsed.error.issues[0]!.message };
}

export type OpinionNumber = { number: string; year: number; sequence: number };

/** "IECM/SE/DVOE/OP/3/2024" → its year and sequence, the number written with two digits at least. */
export function parseOpinionNumber(text: string): OpinionNumber | undefined {
  const m = /^(.*\S)\s*\/\s*(\d{1,4})\s*\/\s*(\d{4})$/.exec(text.trim());
  if (!m || !m[1]!.replace(/\//g, '').trim()) return undefined;
  const sequence = Number(m[2]);
  const year = Number(m[3]);
  if (sequence < 1) return undefined;
  return { number: formatOpinionNumber(m[1]!.trim(), sequence, year), year, sequence };
}

export type Validity = { kind: 'dated' | 'indefinite'; until: string | null };

/** An instrument as a row describes it, names resolved later. Absent columns are `undefined`. */
export type InstrumentRow = {
  title: string;
  type: string;
  parties: string[];
  areas: string[];
  object?: string | null;
  signedOn?: string | null;
  validFrom?: string | null;
  validity?: Validity;
  status: InstrumentStatus;
  opinion?: (OpinionNumber & { issuedOn: string }) | null;
};

/**
 * Reads one row: the cells' texts (checkRow: required cells, coded values, lengths), then dates,
 * validity and the opinion. Problems name the row and the column's header.
 */
export function readInstrumentRow(
  headerMap: HeaderMap,
  sheetRow: SheetRow,
): {
  row: number;
  title: string;
  input?: InstrumentRow;
  /** The names to resolve, whenever the cells could be read (so their problems are told too). */
  names?: Pick<InstrumentRow, 'type' | 'parties' | 'areas'>;
  problems: ImportCellProblem[];
} {
  const checked = checkRow(INSTRUMENT_IMPORT_RULES, headerMap, sheetRow);
  const problems: ImportCellProblem[] = checked.problems.map((p) => ({ field: p.field, message: p.message }));
  const text = checked.input;
  if (!text) return { row: sheetRow.row, title: checked.name, problems };
  const problem = (field: string, message: string) => problems.push({ field: header(field), message });
  const day = (field: 'signedOn' | 'validFrom' | 'opinionIssuedOn') => {
    if (text[field] === undefined) return undefined;
    const d = cellDay(text[field]);
    if ('problem' in d) {
      problem(field, d.problem);
      return null;
    }
    return d.day;
  };
  const signedOn = day('signedOn');
  const validFrom = day('validFrom');
  const issuedOn = day('opinionIssuedOn');
  let validity: Validity | undefined;
  if (text.validUntil !== undefined) {
    const raw = text.validUntil?.trim() ?? '';
    if (INDEFINITE.includes(fold(raw))) validity = { kind: 'indefinite', until: null };
    else {
      const d = cellDay(raw);
      if ('problem' in d) problem('validUntil', `${d.problem}, o «Indefinida»`);
      else validity = { kind: 'dated', until: d.day };
    }
  }
  if (validFrom && validity?.until && validity.until < validFrom) {
    problem('validUntil', 'La vigencia no puede terminar antes de comenzar');
  }
  const signedOnFailed = problems.some((p) => p.field === header('signedOn'));
  if (
    ['in_force', 'to_renegotiate', 'terminated_early'].includes(text.status) &&
    !signedOn &&
    !signedOnFailed
  ) {
    problem(
      'signedOn',
      `Un instrumento en estado «${STATUS_LABELS[text.status]}» necesita su fecha de firma`,
    );
  }
  let opinion: InstrumentRow['opinion'];
  if (text.opinionNumber) {
    const parsed = parseOpinionNumber(text.opinionNumber);
    if (!parsed) {
      problem(
        'opinionNumber',
        `«${text.opinionNumber}» no es un número de opinión: escríbalo como prefijo/NN/AAAA, p. ej. IECM/SE/DVOE/OP/03/2024`,
      );
    } else if (!issuedOn) {
      if (issuedOn === undefined || !text.opinionIssuedOn?.trim())
        problem('opinionIssuedOn', 'Indique la fecha en que se emitió la opinión');
    } else if (Number(issuedOn.slice(0, 4)) !== parsed.year) {
      problem(
        'opinionIssuedOn',
        `El número de la opinión es de ${parsed.year} y su fecha de ${issuedOn.slice(0, 4)}: deben ser del mismo año`,
      );
    } else {
      opinion = { ...parsed, issuedOn };
    }
  } else if (issuedOn) {
    problem('opinionNumber', 'Indique el número de la opinión emitida en esa fecha');
  } else if (text.opinionNumber !== undefined) {
    opinion = null;
  }
  const partsKey = new Set<string>();
  text.parties.forEach((p) => {
    if (partsKey.has(fold(p))) problem('parties', `«${p}» aparece dos veces entre las partes`);
    partsKey.add(fold(p));
  });
  const areasKey = new Set<string>();
  text.areas.forEach((a) => {
    if (areasKey.has(fold(a))) problem('areas', `«${a}» aparece dos veces entre las áreas responsables`);
    areasKey.add(fold(a));
  });
  const names = { type: text.type, parties: text.parties, areas: text.areas };
  if (problems.length) return { row: sheetRow.row, title: text.title, names, problems };
  return {
    row: sheetRow.row,
    title: text.title,
    names,
    problems,
    input: {
      title: text.title,
      type: text.type,
      parties: text.parties,
      areas: text.areas,
      ...(text.object !== undefined ? { object: text.object || null } : {}),
      ...(signedOn !== undefined ? { signedOn } : {}),
      ...(validFrom !== undefined ? { validFrom } : {}),
      ...(validity ? { validity } : {}),
      status: text.status,
      ...(opinion !== undefined ? { opinion } : {}),
    },
  };
}

// ---- names to records

export type Named = { id: string; name: string; acronym: string | null };

/** The record a text names, by name first, then by acronym (accents, case aside), or why not. */
export function resolveName(
  records: readonly Named[],
  text: string,
): { id: string } | { problem: 'unknown' | 'ambiguous' } {
  const key = fold(text);
  for (const match of [
    (r: Named) => fold(r.name) === key,
    (r: Named) => !!r.acronym && fold(r.acronym) === key,
  ]) {
    const hits = records.filter(match);
    if (hits.length === 1) return { id: hits[0]!.id };
    if (hits.length > 1) return { problem: 'ambiguous' };
  }
  return { problem: 'unknown' };
}

/** How the register's title splits into the type's name and what follows it (the subject). */
export function titleParts(
  title: string,
  typeName: string,
): { designation: string | null; subject: string | null } {
  const t = title.trim().replace(/\s+/g, ' ');
  if (fold(t) === fold(typeName)) return { designation: null, subject: null };
  const head = t.slice(0, typeName.length);
  if (fold(head) === fold(typeName) && t[typeName.length] === ' ') {
    return { designation: null, subject: t.slice(typeName.length + 1) };
  }
  return { designation: t, subject: null };
}

/** The register's side of the comparison: an instrument as stored. */
export type ExistingInstrument = {
  id: string;
  title: string;
  parentId: string | null;
  typeId: string;
  partyIds: string[];
  areaIds: string[];
  object: string | null;
  signedOn: string | null;
  validFrom: string | null;
  validityKind: 'dated' | 'indefinite' | 'parent';
  validUntil: string | null;
  effectiveEnd: string | null;
  status: InstrumentStatus;
};

export type ExistingOpinion = {
  id: string;
  instrumentId: string;
  year: number;
  sequence: number;
  issuedOn: string | null;
};

export type Lookups = {
  types: readonly { id: string; name: string }[];
  institutions: readonly Named[];
  areas: readonly Named[];
  /** The organization itself: named among the parties, it is simply skipped (it is a party). */
  own: { name: string; acronym: string };
  instruments: readonly ExistingInstrument[];
  opinions: readonly ExistingOpinion[];
};

/** The stored values a row sets (title parts aside), resolved to ids. */
export type InstrumentValues = {
  typeId: string;
  typeName: string;
  partyIds: string[];
  areaIds: string[];
  object?: string | null;
  signedOn?: string | null;
  validFrom?: string | null;
  validity?: Validity;
  status: InstrumentStatus;
};

export type PlannedInstrument = {
  plan: ImportRowPlan;
  title: string;
  values?: InstrumentValues;
  /** The instrument updated or left as is. */
  existing?: ExistingInstrument;
  /** Whether a root's title text changes (its designation and subject are written again). */
  retitle?: boolean;
  /** An opinion to register for the instrument, or an existing one whose date changes. */
  opinion?: { number: string; year: number; sequence: number; issuedOn: string; existingId?: string };
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The headers of what an update changes, compared column by column with the stored instrument. */
export function changesOf(
  row: InstrumentRow,
  values: InstrumentValues,
  existing: ExistingInstrument,
): string[] {
  const changes: string[] = [];
  if (!existing.parentId && row.title.trim().replace(/\s+/g, ' ') !== existing.title)
    changes.push(header('title'));
  if (values.typeId !== existing.typeId) changes.push(header('type'));
  if (!sameList(values.partyIds, existing.partyIds)) changes.push(header('parties'));
  if (!sameSet(values.areaIds, existing.areaIds)) changes.push(header('areas'));
  if (values.object !== undefined && (values.object ?? null) !== existing.object)
    changes.push(header('object'));
  if (values.signedOn !== undefined && values.signedOn !== existing.signedOn)
    changes.push(header('signedOn'));
  if (values.validFrom !== undefined && values.validFrom !== existing.validFrom)
    changes.push(header('validFrom'));
  if (values.validity && !sameValidity(values.validity, existing)) changes.push(header('validUntil'));
  if (values.status !== existing.status) changes.push(header('status'));
  return changes;
}

/** A derived instrument tied to its parent's validity keeps it when the row shows that end or none. */
function sameValidity(v: Validity, e: ExistingInstrument): boolean {
  if (e.validityKind === 'parent')
    return v.kind === 'dated' && (v.until === null || v.until === e.effectiveEnd);
  return v.kind === e.validityKind && v.until === e.validUntil;
}

/**
 * Plans every row against the register: refused (with each problem), created, updated (with the
 * columns that change) or unchanged. Titles repeated in the file, names that match nothing or
 * several records, and opinion numbers taken by another instrument are refused.
 */
export function planInstrumentRows(
  headerMap: HeaderMap,
  sheetRows: readonly SheetRow[],
  lookups: Lookups,
): PlannedInstrument[] {
  const byTitle = new Map<string, ExistingInstrument[]>();
  for (const i of lookups.instruments) byTitle.set(fold(i.title), [...(byTitle.get(fold(i.title)) ?? []), i]);
  const opinionAt = new Map(lookups.opinions.map((o) => [`${o.year}/${o.sequence}`, o]));
  const titleOf = new Map(lookups.instruments.map((i) => [i.id, i.title]));
  const ownKeys = new Set([fold(lookups.own.name), fold(lookups.own.acronym)]);
  const typeNames = lookups.types.map((t) => t.name);
  const seenTitles = new Map<string, number>();
  const seenOpinions = new Map<string, number>();

  return sheetRows.map((sheetRow) => {
    const read = readInstrumentRow(headerMap, sheetRow);
    const problems = [...read.problems];
    const problem = (field: string, message: string) => problems.push({ field: header(field), message });
    const key = fold(read.title);
    if (key) {
      const earlier = seenTitles.get(key);
      if (earlier)
        problem('title', `El instrumento «${read.title}» ya aparece en la fila ${earlier} del archivo`);
      else seenTitles.set(key, sheetRow.row);
    }
    const refused = (): PlannedInstrument => ({
      title: read.title,
      plan: { row: sheetRow.row, outcome: 'refused', label: read.title, changes: [], problems },
    });
    const names = read.names;
    if (!names) return refused();

    const type = lookups.types.find((t) => fold(t.name) === fold(names.type));
    if (!type) {
      problem(
        'type',
        `Tipo de instrumento no reconocido: «${names.type}». Use uno de: ${typeNames.join('; ')}`,
      );
    }
    const partyIds: string[] = [];
    for (const name of names.parties) {
      if (ownKeys.has(fold(name))) continue;
      const found = resolveName(lookups.institutions, name);
      if ('id' in found) partyIds.push(found.id);
      else if (found.problem === 'ambiguous')
        problem(
          'parties',
          `«${name}» coincide con varias instituciones del directorio: escriba el nombre completo`,
        );
      else
        problem(
          'parties',
          `«${name}» no está en el directorio de su organización: regístrela o impórtela en Directorio, o revise que las partes estén separadas por «|»`,
        );
    }
    if (!partyIds.length && !problems.some((p) => p.field === header('parties'))) {
      problem('parties', 'Indique al menos una institución además de su organización');
    }
    if (new Set(partyIds).size !== partyIds.length) {
      problem('parties', 'Una institución aparece dos veces entre las partes (por nombre y por siglas)');
    }
    const areaIds: string[] = [];
    for (const name of names.areas) {
      const found = resolveName(lookups.areas, name);
      if ('id' in found) areaIds.push(found.id);
      else if (found.problem === 'ambiguous')
        problem('areas', `«${name}» coincide con varias áreas: escriba el nombre completo`);
      else problem('areas', `El área «${name}» no existe en su organización`);
    }
    if (new Set(areaIds).size !== areaIds.length) {
      problem('areas', 'Un área aparece dos veces (por nombre y por siglas)');
    }

    const matches = byTitle.get(key) ?? [];
    if (matches.length > 1) {
      problem(
        'title',
        `Hay ${matches.length} instrumentos con este título en su registro: no se sabe cuál actualizar`,
      );
    }
    const existing = matches.length === 1 ? matches[0] : undefined;
    const row = read.input;
    if (!row) return refused();

    let opinion: PlannedInstrument['opinion'];
    let opinionChange = false;
    if (row.opinion) {
      const at = `${row.opinion.year}/${row.opinion.sequence}`;
      const earlier = seenOpinions.get(at);
      const taken = opinionAt.get(at);
      if (earlier) {
        problem(
          'opinionNumber',
          `La opinión ${row.opinion.number} ya aparece en la fila ${earlier} del archivo`,
        );
      } else if (taken && taken.instrumentId !== existing?.id) {
        problem(
          'opinionNumber',
          `El número ${row.opinion.number} ya es de la opinión sobre «${titleOf.get(taken.instrumentId) ?? 'otro instrumento'}»`,
        );
      } else if (taken) {
        if (taken.issuedOn !== row.opinion.issuedOn) {
          opinion = { ...row.opinion, existingId: taken.id };
          opinionChange = true;
        }
      } else {
        opinion = row.opinion;
        opinionChange = true;
      }
      if (!earlier) seenOpinions.set(at, sheetRow.row);
    }

    if (problems.length || !type) return refused();
    const values: InstrumentValues = {
      typeId: type.id,
      typeName: type.name,
      partyIds,
      areaIds,
      ...(row.object !== undefined ? { object: row.object } : {}),
      ...(row.signedOn !== undefined ? { signedOn: row.signedOn } : {}),
      ...(row.validFrom !== undefined ? { validFrom: row.validFrom } : {}),
      ...(row.validity ? { validity: row.validity } : {}),
      status: row.status,
    };
    if (!existing) {
      return {
        title: row.title,
        values,
        opinion,
        plan: { row: sheetRow.row, outcome: 'create', label: row.title, changes: [], problems },
      };
    }
    const changes = changesOf(row, values, existing);
    if (opinionChange) changes.push(header(opinion?.existingId ? 'opinionIssuedOn' : 'opinionNumber'));
    return {
      title: row.title,
      values,
      existing,
      retitle: changes.includes(header('title')),
      opinion,
      plan: {
        row: sheetRow.row,
        outcome: changes.length ? 'update' : 'unchanged',
        label: existing.title,
        changes,
        problems,
      },
    };
  });
}
