import { z } from 'zod';
import { DATE_RANGE, addDays, daysInMonth, type LocalDate } from '../../shared/dates';
import {
  formatDate,
  formatDateList,
  formatDateRange,
  formatMonth,
  monthName,
} from '../../shared/spanish-dates';
import type { FieldProblem } from '../../shared/errors';

// An activity's dates as the office gives them: one day, a range, a list of days, a month, or
// "sometime within" a period. Pure and browser-safe: the form and the server share the checks.

// Shape only: a day of the right shape that does not exist is named by dayProblem.
const dayShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
  error: (issue) => (issue.input === '' ? 'Indique la fecha' : 'Esta fecha no es válida'),
});
const monthShape = z.string().regex(/^\d{4}-\d{2}$/, {
  error: (issue) => (issue.input === '' ? 'Indique el mes' : 'Este mes no es válido'),
});

export const DateSpecSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('day'), day: dayShape }),
  z.strictObject({ mode: z.literal('range'), from: dayShape, to: dayShape }),
  z.strictObject({
    mode: z.literal('list'),
    days: z.array(dayShape).min(1, 'Indique al menos un día').max(366, 'Como máximo 366 días'),
  }),
  z.strictObject({ mode: z.literal('month'), month: monthShape }),
  z.strictObject({ mode: z.literal('within'), from: dayShape, to: dayShape }),
]);
export type DateSpec = z.infer<typeof DateSpecSchema>;

/**
 * Why a written day does not exist, in Spanish, or null when it exists: "El 30 de febrero de 2024
 * no existe: febrero de 2024 tiene 29 días".
 */
export function dayProblem(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day.trim() === '' ? 'Indique la fecha' : `«${day}» no es una fecha válida`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // The range every date of the system keeps (shared/dates.ts): a range over 1900–2100 listed
  // 73,000 days.
  if (day < DATE_RANGE.min || day > DATE_RANGE.max)
    return 'Fecha fuera del intervalo admitido: use una fecha entre el 1 de enero de 1990 y el 31 de diciembre de 2100';
  if (mo < 1 || mo > 12) return `El mes ${m[2]} no existe (use 01 a 12)`;
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) {
    return `El ${d} de ${monthName(mo)} de ${y} no existe: ${monthName(mo)} de ${y} tiene ${last} días`;
  }
  return null;
}

/** Every problem of a date spec, each at its path (prefix "dates"); empty when it is valid. */
export function dateSpecProblems(spec: DateSpec, prefix = 'dates'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (path: string, day: string) => {
    const p = dayProblem(day);
    if (p) problems.push({ path: `${prefix}.${path}`, message: p });
    return !p;
  };
  switch (spec.mode) {
    case 'day':
      check('day', spec.day);
      break;
    case 'range':
    case 'within': {
      const ok = check('from', spec.from) && check('to', spec.to);
      if (ok && spec.to < spec.from) {
        problems.push({
          path: `${prefix}.to`,
          message: `La fecha final (${formatDate(spec.to)}) es anterior a la inicial (${formatDate(spec.from)})`,
        });
      }
      break;
    }
    case 'list': {
      const seen = new Set<string>();
      spec.days.forEach((d, i) => {
        if (!check(`days.${i}`, d)) return;
        if (seen.has(d)) {
          problems.push({ path: `${prefix}.days.${i}`, message: `El ${formatDate(d)} está repetido` });
        }
        seen.add(d);
      });
      break;
    }
    case 'month': {
      const mo = Number(spec.month.slice(5, 7));
      const y = Number(spec.month.slice(0, 4));
      if (mo < 1 || mo > 12)
        problems.push({ path: `${prefix}.month`, message: `El mes ${spec.month.slice(5)} no existe` });
      else if (y < Number(DATE_RANGE.min.slice(0, 4)) || y > Number(DATE_RANGE.max.slice(0, 4)))
        problems.push({
          path: `${prefix}.month`,
          message: 'Mes fuera del intervalo admitido: use un mes entre enero de 1990 y diciembre de 2100',
        });
      break;
    }
  }
  return problems;
}

/** The first and last day a (valid) spec covers, and the listed days when it is a list. */
export function dateSpecBounds(spec: DateSpec): {
  startsOn: LocalDate;
  endsOn: LocalDate;
  days: LocalDate[];
} {
  switch (spec.mode) {
    case 'day':
      return { startsOn: spec.day, endsOn: spec.day, days: [] };
    case 'range':
    case 'within':
      return { startsOn: spec.from, endsOn: spec.to, days: [] };
    case 'list': {
      const days = [...spec.days].sort();
      return { startsOn: days[0]!, endsOn: days[days.length - 1]!, days };
    }
    case 'month': {
      const y = Number(spec.month.slice(0, 4));
      const m = Number(spec.month.slice(5, 7));
      return {
        startsOn: `${spec.month}-01`,
        endsOn: `${spec.month}-${String(daysInMonth(y, m)).padStart(2, '0')}`,
        days: [],
      };
    }
  }
}

/** The spec back from stored columns (the inverse of dateSpecBounds). */
export function dateSpecFromRow(row: {
  dateMode: DateSpec['mode'];
  startsOn: LocalDate;
  endsOn: LocalDate;
  days: LocalDate[];
}): DateSpec {
  switch (row.dateMode) {
    case 'day':
      return { mode: 'day', day: row.startsOn };
    case 'range':
      return { mode: 'range', from: row.startsOn, to: row.endsOn };
    case 'within':
      return { mode: 'within', from: row.startsOn, to: row.endsOn };
    case 'list':
      return { mode: 'list', days: row.days.length ? row.days : [row.startsOn] };
    case 'month':
      return { mode: 'month', month: row.startsOn.slice(0, 7) };
  }
}

/** Every day a spec names (a range's every day; a month or "within" names none). */
export function namedDays(spec: DateSpec): LocalDate[] {
  switch (spec.mode) {
    case 'day':
      return [spec.day];
    case 'list':
      return [...spec.days].sort();
    case 'range': {
      const out: LocalDate[] = [];
      for (let d = spec.from; d <= spec.to; d = addDays(d, 1)) out.push(d);
      return out;
    }
    default:
      return [];
  }
}

/** True when the activity took place (at least partly) within [from, to]. */
export function specFallsWithin(spec: DateSpec, from: LocalDate, to: LocalDate): boolean {
  if (spec.mode === 'list') return spec.days.some((d) => d >= from && d <= to);
  const { startsOn, endsOn } = dateSpecBounds(spec);
  return startsOn <= to && endsOn >= from;
}

/** The dates in Spanish, as the report writes them. */
export function formatDateSpec(spec: DateSpec): string {
  switch (spec.mode) {
    case 'day':
      return formatDate(spec.day);
    case 'range':
      return formatDateRange(spec.from, spec.to);
    case 'list':
      return formatDateList(spec.days);
    case 'month':
      return `Durante ${formatMonth(Number(spec.month.slice(0, 4)), Number(spec.month.slice(5, 7)))}`;
    case 'within':
      return `En el periodo del ${formatDateRange(spec.from, spec.to)}`;
  }
}
