import { z } from 'zod';
import { LocalDateSchema, checkPeriod } from '../../shared/dates';
import { BlockSchema, FigureSchema } from '../../shared/document-blocks';

// The reports module's API types, and the report itself as a document tree: headings, paragraphs
// of inline runs, lists and tables. Section builders produce the tree from records; renderers
// (Markdown, HTML, DOCX, PDF) turn the one tree into each format. Browser-safe.

export {
  BlockSchema,
  CellSchema,
  FigureSchema,
  InlineSchema,
  type Block,
  type Cell,
  type Figure,
  type Inline,
} from '../../shared/document-blocks';
export const ReportDocumentSchema = z
  .object({
    title: z.string(),
    organization: z.object({ name: z.string(), acronym: z.string() }),
    body: z.object({ id: z.string(), name: z.string(), acronym: z.string() }),
    from: LocalDateSchema,
    to: LocalDateSchema,
    blocks: z.array(BlockSchema),
    /**
     * The organization's letterhead when the report was generated (DOCX and PDF print it on every
     * page): kept with the document, so an approved report prints as it was approved. The logo is
     * a stored file, by its hash.
     */
    letterhead: z
      .object({
        headerLines: z.array(z.string()),
        footerLines: z.array(z.string()),
        logo: z
          .object({
            sha256: z.string(),
            mediaType: z.enum(['image/png', 'image/jpeg']),
            width: z.number().int(),
            height: z.number().int(),
          })
          .nullable(),
      })
      .optional(),
    /** Every count printed in the report, keyed, as computed from the records. */
    figures: z.array(FigureSchema),
    /** Every event date the report cites, with where: none may fall outside the period. */
    dates: z.array(z.object({ date: LocalDateSchema, where: z.string() })),
    /** Objectives of the program and whether the period has activities or a stated reason. */
    objectives: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        activities: z.number().int(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ReportDocument' });
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

// ---- API

export const REPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_STATUSES = ['draft', 'approved'] as const;

export const IdParamsSchema = z.object({ id: z.uuid() });

const PeriodShape = {
  bodyId: z.uuid(),
  from: LocalDateSchema,
  to: LocalDateSchema,
};
export const ReportInputSchema = z.strictObject(PeriodShape).superRefine((v, ctx) => {
  if (v.to < v.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'El periodo termina antes de empezar' });
});
export type ReportInput = z.infer<typeof ReportInputSchema>;

export const PendingItemSchema = z.object({
  id: z.string(),
  /** The program line it belongs to, by its number ("4"), or null for a general item. */
  line: z.string().nullable(),
  text: z.string(),
});
export type PendingItem = z.infer<typeof PendingItemSchema>;

export const ReportSummarySchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyAcronym: z.string(),
    from: LocalDateSchema,
    to: LocalDateSchema,
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    version: z.number().int(),
    generatedAt: z.string(),
    approvedByAgreement: z.string().nullable(),
    approvedOn: LocalDateSchema.nullable(),
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

const ParagraphKeySchema = z.string().regex(/^[a-z0-9._-]{1,80}$/);

/**
 * How staff arranged the Presentación's highlight paragraphs: their order (keys not listed follow
 * in the generated order), the generated ones removed, and for each edited paragraph the generated
 * text it was written over (when the records write another text, the edit is flagged for review).
 */
export const PresentationLayoutSchema = z.object({
  order: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
  basis: z.record(z.string(), z.string()).optional(),
});
export type PresentationLayout = z.infer<typeof PresentationLayoutSchema>;

/** Paragraphs staff add to the Presentación are keyed under this prefix. */
export const ADDED_PARAGRAPH_PREFIX = 'presentation.added.';

export const ReportDetailSchema = ReportSummarySchema.extend({
  narrative: z.record(z.string(), z.string()),
  presentation: PresentationLayoutSchema,
  pendingItems: z.array(PendingItemSchema),
  versions: z.array(z.object({ number: z.number().int(), generatedAt: z.string(), generatedBy: z.string() })),
  document: ReportDocumentSchema,
}).meta({ id: 'ReportDetail' });
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

export const ReportListSchema = z.object({ items: z.array(ReportSummarySchema) });

export const NarrativeInputSchema = z.strictObject({
  /** Paragraph key → new text (inline **bold** allowed); null restores the generated text. */
  paragraphs: z.record(ParagraphKeySchema, z.string().trim().min(1).max(5000).nullable()),
  /**
   * The highlights in the order they are to appear; a key of the form presentation.added.N in
   * `paragraphs` adds a paragraph of staff's own (null removes it).
   */
  order: z.array(ParagraphKeySchema).max(100).optional(),
  /** Generated highlights left out of the report (the whole set; [] puts them all back). */
  removed: z.array(ParagraphKeySchema).max(100).optional(),
});
export type NarrativeInput = z.infer<typeof NarrativeInputSchema>;

export const PendingItemsInputSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        line: z.string().trim().min(1).max(10).nullable(),
        text: z.string().trim().min(1).max(1000),
      }),
    )
    .max(200),
});
export type PendingItemsInput = z.infer<typeof PendingItemsInputSchema>;

export const ApproveInputSchema = z.strictObject({
  /** The collegiate body's agreement that approved the report ("CVOE/003/2024"). */
  agreementId: z.uuid(),
});
export type ApproveInput = z.infer<typeof ApproveInputSchema>;

export const CHECK_KINDS = ['figure', 'objective', 'date', 'narrative'] as const;
export const CheckResultSchema = z
  .object({
    ok: z.boolean(),
    problems: z.array(z.object({ kind: z.enum(CHECK_KINDS), where: z.string(), message: z.string() })),
    checkedFigures: z.number().int(),
  })
  .meta({ id: 'ReportCheck' });
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const RenderQuerySchema = z.object({ format: z.enum(REPORT_FORMATS).default('html') });

// ---- the quarters that hold records, for every period choice to open on one

export const RecordPeriodsSchema = z
  .object({
    /** Quarters ("2024-T1") with folios, sessions or activities of the organization, newest first. */
    quarters: z.array(z.string().regex(/^\d{4}-T[1-4]$/)),
    /** The quarter a period choice opens on (`suggestedQuarter` of shared/periods.ts). */
    suggested: z.string().regex(/^\d{4}-T[1-4]$/),
    today: LocalDateSchema,
  })
  .meta({ id: 'RecordPeriods' });
export type RecordPeriods = z.infer<typeof RecordPeriodsSchema>;

// ---- the home dashboard: the period at a glance

export const DashboardQuerySchema = z
  .object({
    from: LocalDateSchema.optional(),
    to: LocalDateSchema.optional(),
  })
  .superRefine(checkPeriod('from', 'to'));

export const DashboardSchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    /** "enero a marzo de 2024". */
    label: z.string(),
    today: LocalDateSchema,
    bodies: z.array(
      z.object({
        id: z.uuid(),
        acronym: z.string(),
        name: z.string(),
        sessions: z.number().int(),
        agreements: z.number().int(),
      }),
    ),
    channel: z
      .object({
        pending: z.number().int(),
        overdue: z.number().int(),
        overdueMonths: z
          .number()
          .int()
          .describe('Meses de obligaciones periódicas sin respuesta después de su vencimiento'),
        inProcess: z.number().int(),
        byMonth: z.array(
          z.object({
            month: z.string(),
            label: z.string(),
            followUp: z.number().int(),
            consultation: z.number().int(),
          }),
        ),
      })
      .nullable(),
    instrumentsExpiring: z.array(
      z.object({ id: z.uuid(), title: z.string(), effectiveEnd: LocalDateSchema }),
    ),
    upcomingSessions: z.array(
      z.object({
        id: z.uuid(),
        bodyAcronym: z.string(),
        name: z.string(),
        heldOn: LocalDateSchema,
        heldOnText: z.string(),
      }),
    ),
    reports: z.object({ drafts: z.number().int(), approved: z.number().int() }),
    /** The targets of the period's work program whose own period overlaps it, with progress. */
    targets: z.array(
      z.object({
        id: z.uuid(),
        /** "2.B" (objective) or "3" (a line's own target). */
        label: z.string(),
        description: z.string(),
        unit: z.string(),
        count: z.number().int(),
        minimum: z.number().int(),
        /** 0–100, capped. */
        percent: z.number(),
        met: z.boolean(),
        periodEnd: LocalDateSchema,
      }),
    ),
    /** Each line of the period's work program: its objectives, how many had activity in the period. */
    programLines: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        objectives: z.number().int(),
        objectivesWithActivity: z.number().int(),
        activities: z.number().int(),
      }),
    ),
    /** Program activities starting from today to 60 days ahead. */
    upcomingActivities: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        /** "2.B", or the line's number. */
        label: z.string(),
        startsOn: LocalDateSchema,
        datesText: z.string(),
      }),
    ),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;
