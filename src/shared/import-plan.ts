import { z } from 'zod';

// What an import with a dry run answers (browser-safe, shared by every module's import): row by row
// what would be (or was) created, updated, left as it is or refused, and why. A module's contract
// names this schema as its import's response; web/shared/ui/ImportPlanModal.tsx shows it.

export const IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** Rows listed in one answer; the counts stay exact beyond it. */
export const MAX_LISTED_ROWS = 1_000;

export const ImportCellProblemSchema = z.object({
  /** The column as its header reads ("Fecha de firma"), or "fila" for the row as a whole. */
  field: z.string(),
  message: z.string(),
});
export type ImportCellProblem = z.infer<typeof ImportCellProblemSchema>;

export const ImportRowPlanSchema = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** The record as people know it (an instrument's title). */
  label: z.string(),
  /** Headers of the columns whose values an update changes. */
  changes: z.array(z.string()),
  problems: z.array(ImportCellProblemSchema),
});
export type ImportRowPlan = z.infer<typeof ImportRowPlanSchema>;

export const ImportPlanSchema = z
  .object({
    /** True: nothing was written (a preview). False: the rows were written, in one transaction. */
    dryRun: z.boolean(),
    counts: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      refused: z.number().int(),
    }),
    /** Problems of the header row (columns not recognized): they refuse the import too. */
    headerProblems: z.array(ImportCellProblemSchema.extend({ row: z.number().int() })),
    /** Every row, in file order, up to MAX_LISTED_ROWS (refused and changed rows first when over). */
    rows: z.array(ImportRowPlanSchema),
    /** Rows left out of `rows` (over MAX_LISTED_ROWS). */
    unlisted: z.number().int(),
  })
  .meta({ id: 'ImportPlan' });
export type ImportPlan = z.infer<typeof ImportPlanSchema>;

export const ImportRunQuerySchema = z.object({
  /** "true": only report what the import would do; nothing is written. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const TemplateQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
