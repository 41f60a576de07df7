import type { z } from 'zod';

// Calendar days as ISO text, with no Zod at run time: the web app imports this module (its first
// pages must not download Zod, issue 18); the schemas that validate days live in dates.ts, which
// re-exports all of this for the server and the contracts.

/**
 * The dates the system accepts in any input. An electoral body's records (sessions, agreements,
 * folios, instruments, programs) begin with the federal electoral institute (1990) and plan at
 * most decades ahead. Dates far outside (9999-12-31, 0001-01-01) were typos or probes, and
 * day-by-day loops ran over millions of days on them (issue 14).
 */
export const DATE_RANGE = { min: '1990-01-01', max: '2100-12-31' } as const;
/** A calendar date with no time or zone ("2024-02-29"); validated by LocalDateSchema (dates.ts). */
export type LocalDate = string;

// Built once: constructing a formatter with a time zone costs about 0.1 ms, paid per request before.
const mexicoCityDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Mexico_City',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date where the users are (America/Mexico_City), whatever the server's zone. */
export function todayInMexicoCity(now: Date = new Date()): LocalDate {
  return mexicoCityDay.format(now);
}

/** True when the closed range [from, to] contains `day`; an open end means "still in force". */
export function rangeContains(from: LocalDate, to: LocalDate | null, day: LocalDate): boolean {
  return from <= day && (to === null || day <= to);
}

/** True when two closed ranges (open end = forever) share at least one day. */
export function rangesOverlap(
  a: { from: LocalDate; to: LocalDate | null },
  b: { from: LocalDate; to: LocalDate | null },
): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function toUtc(day: LocalDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(d: Date): LocalDate {
  const year = d.getUTCFullYear();
  // Past 9999 toISOString gives "+010000-01-01", which sorts before "9999-12-31": a loop
  // `for (d = from; d <= to; d = addDays(d, 1))` would never end. Every date loop relies on this.
  if (!(year >= 1 && year <= 9999)) throw new RangeError(`Date out of range: year ${year}`);
  return d.toISOString().slice(0, 10);
}

/** `day` moved by `n` calendar days (n may be negative). */
export function addDays(day: LocalDate, n: number): LocalDate {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier), without walking them. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: LocalDate): number {
  return toUtc(day).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dateOf(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The longest period a statistic, report table or dashboard may cover: two six-year federal
 * cycles fit, and the answer stays small (120 monthly rows). Without a cap one request over
 * 1990–2100 computed tens of thousands of days while every other request waited (issue 14).
 */
export const MAX_PERIOD_YEARS = 10;
const PERIOD_TOO_LONG = 'El periodo no puede abarcar más de diez años; divídalo';

/**
 * Refinement of a query or body holding a period: it ends on or after it starts, and from its
 * start to its end (or to `alsoEnd`, e.g. a cut-off day after the period) there are at most
 * MAX_PERIOD_YEARS years. Missing ends are left to the schema (they may be optional).
 */
export function checkPeriod<K extends string>(from: K, to: K, alsoEnd?: K) {
  return (v: Partial<Record<K, string | null | undefined>>, ctx: z.RefinementCtx) => {
    const start = v[from];
    const end = v[to];
    if (!start) return;
    if (end && end < start)
      ctx.addIssue({ code: 'custom', path: [to], message: 'El periodo termina antes de empezar' });
    const limit = `${String(Number(start.slice(0, 4)) + MAX_PERIOD_YEARS).padStart(4, '0')}${start.slice(4)}`;
    for (const key of alsoEnd ? [to, alsoEnd] : [to]) {
      const day = v[key];
      if (day && day >= limit) ctx.addIssue({ code: 'custom', path: [key], message: PERIOD_TOO_LONG });
    }
  };
}
