import type { z } from 'zod';
import { daysInMonth } from './calendar';
import { monthName } from './spanish-dates';

/**
 * Every validation failure the API's schemas can produce, worded for the field as a person would
 * say it ("Escriba el asunto", "El asunto admite hasta 500 caracteres (lleva 612)"). Used by the
 * server (400 VALIDATION_FAILED) and by the browser's forms alike, so both say the same thing.
 * Never quotes an enum code, a comparison sign or a format mask.
 */

type RawIssue = z.core.$ZodRawIssue;

const number = new Intl.NumberFormat('es-MX');
const fmt = (n: number | bigint) => number.format(n);

/** Picks the verb form that agrees with the label: "el asunto admite", "las notas admiten". */
type Agree = (singular: string, plural: string) => string;
const agreeWith =
  (label: string): Agree =>
  (singular, plural) =>
    /^(los|las) /i.test(label) ? plural : singular;

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('es-MX') + text.slice(1);
}

/** The string format of the schema that raised the issue ("date", "email", "uuid"…), if any. */
function formatOf(issue: RawIssue): string | undefined {
  const def = (issue.inst as { _zod?: { def?: { format?: unknown } } } | undefined)?._zod?.def;
  return typeof def?.format === 'string' ? def.format : undefined;
}

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

const PICKED_FORMATS = new Set(['uuid', 'guid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'xid', 'ksuid']);

/** What to ask for when the field was left empty: the verb depends on how it is filled in. */
function askFor(issue: RawIssue, label: string): string {
  const format = formatOf(issue);
  const expected = 'expected' in issue ? String(issue.expected) : undefined;
  if (format === 'date' || format === 'datetime' || format === 'time') return `Indique ${label}`;
  if (format && PICKED_FORMATS.has(format)) return `Elija ${label}`;
  if (
    issue.code === 'invalid_value' ||
    issue.code === 'invalid_union' ||
    expected === 'array' ||
    expected === 'boolean'
  )
    return `Elija ${label}`;
  if (expected === 'number' || expected === 'int' || expected === 'bigint') return `Indique ${label}`;
  if (expected === 'object') return `Complete ${label}`;
  return `Escriba ${label}`;
}

const MONTH_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-02-31" → "El 31 de febrero de 2024 no existe"; anything not shaped like a date → undefined. */
export function impossibleDateMessage(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const m = MONTH_DAY.exec(input);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `El mes ${month} no existe: los meses van del 1 al 12`;
  if (day < 1 || day > 31) return `El día ${day} no existe: los días van del 1 al 31`;
  if (day > daysInMonth(year, month)) return `El ${day} de ${monthName(month)} de ${year} no existe`;
  return undefined;
}

function formatMessage(
  issue: Extract<RawIssue, { code: 'invalid_format' }>,
  label: string,
  Label: string,
  v: Agree,
) {
  switch (issue.format) {
    case 'date':
      return (
        impossibleDateMessage(issue.input) ??
        `${Label} ${v('no es una fecha válida', 'no son fechas válidas')}`
      );
    case 'datetime':
      return `${Label} ${v('no es una fecha y hora válida', 'no son fechas y horas válidas')}`;
    case 'time':
      return `${Label} ${v('no es una hora válida', 'no son horas válidas')} (por ejemplo, 09:30)`;
    case 'email':
      return `${Label} ${v('no es un correo válido', 'no son correos válidos')}; escríbalo como nombre@dominio.mx`;
    case 'url':
      return `${Label} ${v('no es una dirección web válida', 'no son direcciones web válidas')}; escríbala completa, por ejemplo https://www.ine.mx`;
    case 'starts_with':
      return `${Label} ${v('debe', 'deben')} empezar con «${String((issue as { prefix?: string }).prefix)}»`;
    case 'ends_with':
      return `${Label} ${v('debe', 'deben')} terminar con «${String((issue as { suffix?: string }).suffix)}»`;
    case 'includes':
      return `${Label} ${v('debe', 'deben')} incluir «${String((issue as { includes?: string }).includes)}»`;
    case 'lowercase':
      return `${Label} ${v('debe', 'deben')} ir en minúsculas`;
    case 'uppercase':
      return `${Label} ${v('debe', 'deben')} ir en mayúsculas`;
    default:
      if (PICKED_FORMATS.has(issue.format)) return `Elija ${label} de la lista`;
      return `${Label} ${v('no tiene', 'no tienen')} el formato esperado`;
  }
}

function lengthOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (input instanceof Set || input instanceof Map) return input.size;
  return undefined;
}

function tooSmall(
  issue: Extract<RawIssue, { code: 'too_small' }>,
  label: string,
  Label: string,
  v: Agree,
): string {
  const min = issue.minimum;
  const had = lengthOf(issue.input);
  switch (issue.origin) {
    case 'string':
      if (Number(min) <= 1 && isEmpty(issue.input)) return `Escriba ${label}`;
      return issue.exact
        ? `${Label} ${v('debe', 'deben')} tener exactamente ${fmt(min)} caracteres (${v('lleva', 'llevan')} ${fmt(had ?? 0)})`
        : `${Label} ${v('necesita', 'necesitan')} al menos ${fmt(min)} caracteres (${v('lleva', 'llevan')} ${fmt(had ?? 0)})`;
    case 'array':
    case 'set':
      if (Number(min) <= 1 && had === 0) return `Elija ${label}`;
      return issue.exact
        ? `${Label} ${v('debe', 'deben')} tener exactamente ${fmt(min)} elementos (${v('tiene', 'tienen')} ${fmt(had ?? 0)})`
        : `${Label} ${v('necesita', 'necesitan')} al menos ${fmt(min)} elementos (${v('tiene', 'tienen')} ${fmt(had ?? 0)})`;
    case 'file':
      return `${Label} ${v('está vacío', 'están vacíos')}`;
    default:
      return issue.inclusive === false
        ? `${Label} ${v('debe', 'deben')} ser mayor que ${fmt(min)}`
        : `${Label} ${v('debe', 'deben')} ser al menos ${fmt(min)}`;
  }
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>, Label: string, v: Agree): string {
  const max = issue.maximum;
  const had = lengthOf(issue.input);
  switch (issue.origin) {
    case 'string':
      return issue.exact
        ? `${Label} ${v('debe', 'deben')} tener exactamente ${fmt(max)} caracteres (${v('lleva', 'llevan')} ${fmt(had ?? 0)})`
        : `${Label} ${v('admite', 'admiten')} hasta ${fmt(max)} caracteres (${v('lleva', 'llevan')} ${fmt(had ?? 0)})`;
    case 'array':
    case 'set':
      return `${Label} ${v('admite', 'admiten')} hasta ${fmt(max)} elementos (${v('tiene', 'tienen')} ${fmt(had ?? 0)})`;
    case 'file':
      return `${Label} ${v('excede', 'exceden')} el tamaño permitido`;
    default:
      return issue.inclusive === false
        ? `${Label} ${v('debe', 'deben')} ser menor que ${fmt(max)}`
        : `${Label} ${v('debe', 'deben')} ser como máximo ${fmt(max)}`;
  }
}

function wrongType(expected: string, Label: string, v: Agree): string {
  switch (expected) {
    case 'string':
      return `${Label} ${v('debe ser un texto', 'deben ser textos')}`;
    case 'number':
    case 'bigint':
      return `${Label} ${v('debe ser un número', 'deben ser números')}`;
    case 'int':
      return `${Label} ${v('debe ser un número entero', 'deben ser números enteros')}`;
    case 'boolean':
      return `${Label} ${v('debe', 'deben')} ser sí o no`;
    case 'array':
      return `${Label} ${v('debe', 'deben')} ser una lista`;
    default:
      return `Revise ${Label.charAt(0).toLocaleLowerCase('es-MX')}${Label.slice(1)}`;
  }
}

/** The Spanish sentence for one validation issue about the field called `label` ("el asunto"). */
export function issueMessage(issue: RawIssue, label = 'este dato'): string {
  const Label = capitalize(label);
  const v = agreeWith(label);
  switch (issue.code) {
    case 'invalid_type': {
      if (isEmpty(issue.input)) return askFor(issue, label);
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return wrongType('number', Label, v);
      return wrongType(String(issue.expected), Label, v);
    }
    case 'invalid_value': {
      if (isEmpty(issue.input)) return askFor(issue, label);
      if (issue.values.length > 0 && issue.values.every((v) => v === true)) return `Confirme ${label}`;
      return `Elija ${label} entre las opciones de la lista`;
    }
    case 'too_small':
      return tooSmall(issue, label, Label, v);
    case 'too_big':
      return tooBig(issue, Label, v);
    case 'invalid_format':
      if (isEmpty(issue.input)) return askFor(issue, label);
      return formatMessage(issue, label, Label, v);
    case 'not_multiple_of':
      return `${Label} ${v('debe ser múltiplo', 'deben ser múltiplos')} de ${fmt(Number(issue.divisor))}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `No se admite el campo «${issue.keys[0]}»`
        : `No se admiten los campos ${issue.keys.map((k) => `«${k}»`).join(', ')}`;
    case 'invalid_union':
      // A tagged union whose tag is missing or unknown: the person has to pick the kind first.
      if (isEmpty(issue.input) || (issue.errors ?? []).length === 0) return askFor(issue, label);
      return `Revise ${label}`;
    case 'invalid_key':
    case 'invalid_element':
      return `${Label} ${v('contiene', 'contienen')} un valor no válido`;
    default:
      return `Revise ${label}`;
  }
}
