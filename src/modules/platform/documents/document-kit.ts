import type { LocalDate } from '../../../shared/dates';
import type { Block, Cell, Figure, Inline } from '../../../shared/document-blocks';

// The kit every module writes its part of a report with (ADR 0036): small constructors of the
// document tree, the ledger of the figures and dates the sections record while they write (the
// consistency check reads them back), and the contract of a module's contribution. The reports
// module assembles the sections in order; the modules write them from their own records.

export const t = (text: string): Inline => ({ text });
export const b = (text: string): Inline => ({ text, bold: true });
export const i = (text: string): Inline => ({ text, italic: true });

export const paragraph = (runs: Inline[] | string, key?: string): Block => ({
  type: 'paragraph',
  runs: typeof runs === 'string' ? [t(runs)] : runs,
  ...(key ? { key } : {}),
});
export const heading = (level: number, text: string, toc = level <= 2): Block => ({
  type: 'heading',
  level,
  text,
  ...(toc ? { toc } : {}),
});
export const list = (items: (Inline[] | string)[], ordered = false): Block => ({
  type: 'list',
  ordered,
  items: items.map((it) => (typeof it === 'string' ? [t(it)] : it)),
});

export const cell = (content: Inline[] | string, extra: Omit<Cell, 'runs'> = {}): Cell => ({
  runs: typeof content === 'string' ? (content ? [t(content)] : []) : content,
  ...extra,
});

export function table(
  key: string,
  header: (Cell | string)[][],
  rows: (Cell | string)[][],
  opts: { footnotes?: string[]; widths?: number[] } = {},
): Block {
  const toCell = (c: Cell | string) => (typeof c === 'string' ? cell(c) : c);
  return {
    type: 'table',
    key,
    header: header.map((r) => r.map(toCell)),
    rows: rows.map((r) => r.map(toCell)),
    footnotes: opts.footnotes ?? [],
    ...(opts.widths ? { widths: opts.widths } : {}),
  };
}

/** Superscript digits for footnote marks: 2 → "²". */
export function superscript(n: number): string {
  const map = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => map[Number(d)])
    .join('');
}

/** Parses staff text with **bold** and *italic* marks into runs. */
export function parseInline(text: string): Inline[] {
  const runs: Inline[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push(t(text.slice(last, m.index)));
    runs.push(m[1] !== undefined ? b(m[1]) : i(m[2]!));
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push(t(text.slice(last)));
  return runs;
}

/** The plain text of runs (**bold** marked), as staff edit it. */
export function runsToText(runs: readonly Inline[]): string {
  return runs.map((r) => (r.bold ? `**${r.text}**` : r.italic ? `*${r.text}*` : r.text)).join('');
}

/** A date the report cites, with where: none may fall outside the period. */
export type CitedDate = { date: LocalDate; where: string };
/** A program objective and whether the period has activities or a stated reason. */
export type ObjectiveAccount = { code: string; title: string; activities: number; reason: string | null };

export class Ledger {
  readonly figures: Figure[] = [];
  readonly dates: CitedDate[] = [];
  readonly objectives: ObjectiveAccount[] = [];
  private footnotes = 0;

  /** Footnotes are numbered through the whole document: returns the next number. */
  footnote(): number {
    return ++this.footnotes;
  }

  /**
   * The section being written ("I" … "VI"), set by whoever lays out the sections: every figure is
   * recorded with the section that states it.
   */
  section: string | undefined = undefined;

  /**
   * Records a count printed in the report; returns it for inline use. The same figure in another
   * section is recorded again, whatever its value: a disagreement between sections is the
   * consistency check's to report (it refuses approval), not a failure to write the draft.
   */
  figure(key: string, label: string, value: number): number {
    const existing = this.figures.find((f) => f.key === key && f.section === this.section);
    if (existing) {
      if (existing.value !== value)
        throw new Error(`figure ${key} printed as ${existing.value} and ${value}`);
      return value;
    }
    this.figures.push({ key, label, value, ...(this.section ? { section: this.section } : {}) });
    return value;
  }

  date(date: string, where: string): string {
    this.dates.push({ date, where });
    return date;
  }
}

// ---- What a module contributes

/** What a module's writer knows besides its own records: whose report, which period, the ledger. */
export type ReportContext = {
  organization: { name: string; acronym: string };
  body: { name: string };
  from: LocalDate;
  to: LocalDate;
  ledger: Ledger;
};

/**
 * A block of section IV a module writes from its records `D`: placed under each program line or
 * objective whose record sources name `source`; without a program, under its own heading `title`.
 */
export type ReportBlock<D> = {
  /** "channel.status", "agreements.opinions"… (unique in the report). */
  key: string;
  /** The program record source whose objectives show it (program/record-sources.ts). */
  source: string;
  title: string;
  /** How many records of the period the block reports (an objective with none needs a reason). */
  count: (data: D) => number;
  /** Its blocks, or null when it has nothing to say. */
  write: (c: ReportContext, data: D) => Block[] | null;
};

/**
 * Paragraphs of section V (pending work). They go under a program line: the one given, or the
 * line showing the first of the `near` blocks that some line shows; otherwise among the general ones.
 */
export type PendingEntry = { line?: string | null; near?: string[]; blocks: Block[] };

/**
 * An annex of section VI, under the objective showing block `near` (or objective `objective`, by
 * its code), or on its own. Written when placed, so its figures are recorded in the annexes' order.
 */
export type ReportAnnex = {
  key: string;
  title: string;
  near: string | null;
  objective: string | null;
  write: () => Block[];
};
