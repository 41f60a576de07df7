import type { Block, Cell, Inline, ReportDocument } from './contract';

// Small constructors of the document tree, and the collectors of figures and dates the sections
// fill while they write (the consistency check reads them back).

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

export class Ledger {
  readonly figures: ReportDocument['figures'] = [];
  readonly dates: ReportDocument['dates'] = [];
  readonly objectives: ReportDocument['objectives'] = [];
  private footnotes = 0;

  /** Footnotes are numbered through the whole document: returns the next number. */
  footnote(): number {
    return ++this.footnotes;
  }

  /** Records a count printed in the report; returns it for inline use. */
  figure(key: string, label: string, value: number): number {
    const existing = this.figures.find((f) => f.key === key);
    if (existing) {
      if (existing.value !== value)
        throw new Error(`figure ${key} printed as ${existing.value} and ${value}`);
      return value;
    }
    this.figures.push({ key, label, value });
    return value;
  }

  date(date: string, where: string): string {
    this.dates.push({ date, where });
    return date;
  }
}
