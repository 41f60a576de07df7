import type { Block, Cell, Inline, ReportDocument } from '../contract';

// What every renderer shares: plain text of runs, the headings the contents list, and table
// headers expanded so that each column knows its header cells.

export const plain = (runs: readonly Inline[]): string => runs.map((r) => r.text).join('');

export type TocEntry = { level: number; text: string; anchor: string };

export function anchorOf(text: string, index: number): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `s${index}-${slug}`;
}

/** The headings listed in the contents, with the anchor each renderer gives them. */
export function tocEntries(doc: ReportDocument): TocEntry[] {
  return doc.blocks.flatMap((b, k) =>
    b.type === 'heading' && b.toc ? [{ level: b.level, text: b.text, anchor: anchorOf(b.text, k) }] : [],
  );
}

/** The number of columns of a table (from its widest row). */
export function columnCount(block: Extract<Block, { type: 'table' }>): number {
  const width = (row: Cell[]) => row.reduce((s, c) => s + (c.colSpan ?? 1), 0);
  return Math.max(0, ...block.header.map(width), ...block.rows.map(width));
}

/** A header row expanded to one entry per column (a spanning cell repeated). */
export function expandRow(row: Cell[]): Cell[] {
  return row.flatMap((c) => Array.from({ length: c.colSpan ?? 1 }, () => c));
}
