import { z } from 'zod';

// The report's document tree as every module writes it: headings, paragraphs of inline runs, lists
// and tables (ADR 0036). Here, not in the reports module, because each module writes its own
// blocks of the report and the reports module reads those modules: the tree's types sit below
// both. Browser-safe: the report view shows the tree.

export const InlineSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type Inline = z.infer<typeof InlineSchema>;

export const CellSchema = z.object({
  runs: z.array(InlineSchema),
  /** Columns the cell spans (header cells such as "Asistencia a las sesiones"). */
  colSpan: z.number().int().min(1).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('title'),
    /** Who presents the report, above the title ("COMISIÓN PROVISIONAL DE …"). */
    kicker: z.string(),
    text: z.string(),
  }),
  z.object({ type: z.literal('toc'), title: z.string() }),
  z.object({ type: z.literal('pageBreak') }),
  z.object({
    type: z.literal('heading'),
    level: z.number().int().min(1).max(4),
    text: z.string(),
    /** Listed in the table of contents. */
    toc: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('paragraph'),
    runs: z.array(InlineSchema),
    /** Set on narrative paragraphs staff may rewrite; their edits survive regeneration. */
    key: z.string().optional(),
    edited: z.boolean().optional(),
    /** A Presentación highlight: staff may reorder or remove it (and add their own). */
    highlight: z.boolean().optional(),
    /** Edited, and the records under it changed since the edit: to be reviewed (issue 16). */
    stale: z.boolean().optional(),
  }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(InlineSchema)) }),
  z.object({
    type: z.literal('table'),
    key: z.string(),
    header: z.array(z.array(CellSchema)),
    rows: z.array(z.array(CellSchema)),
    footnotes: z.array(z.string()),
    /** Relative column widths (sum free), for DOCX and PDF. */
    widths: z.array(z.number()).optional(),
  }),
  /** Who signs the report, side by side under a line each (issue 16). */
  z.object({
    type: z.literal('signatures'),
    signers: z.array(z.object({ name: z.string(), role: z.string() })),
  }),
]);
export type Block = z.infer<typeof BlockSchema>;

/**
 * A count the report states, and the section that states it ("I" for the Presentación … "VI"): a
 * figure stated in several sections is recorded once per section, so the check can compare them.
 */
export const FigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  section: z.string().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;
