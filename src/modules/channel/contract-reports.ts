import { z } from 'zod';
import { LocalDateSchema, checkPeriod } from '../../shared/dates';
import { ChannelModuleSchema, DocumentTypeSchema } from './contract';

// API types of the channel's statistics, fortnightly reports, calendar and folio import, shared by
// the server and the web client (browser-safe, like contract.ts).

const period = (v: { from: string; to: string; asOf?: string }, ctx: z.RefinementCtx) => {
  checkPeriod('from', 'to', 'asOf')(v, ctx);
  if (v.asOf && v.asOf < v.from)
    ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'La fecha de corte es anterior al periodo' });
};

export const StatisticsQuerySchema = z
  .object({
    /** Both modules when omitted. */
    module: ChannelModuleSchema.optional(),
    /** Folios received in [from, to]… */
    from: LocalDateSchema,
    to: LocalDateSchema,
    /** …counted by their status at the end of this day (defaults to `to`). */
    asOf: LocalDateSchema.optional(),
  })
  .superRefine(period);
export type StatisticsQuery = z.infer<typeof StatisticsQuerySchema>;

const quantiles = z.object({ median: z.number().nullable(), p90: z.number().nullable() });

export const ChannelStatisticsSchema = z
  .object({
    module: ChannelModuleSchema.nullable(),
    from: LocalDateSchema,
    to: LocalDateSchema,
    asOf: LocalDateSchema,
    received: z.number().int(),
    byStatus: z.object({
      pending_local: z.number().int(),
      in_process_national: z.number().int(),
      cancelled: z.number().int(),
      concluded: z.number().int(),
    }),
    byType: z.array(z.object({ documentType: DocumentTypeSchema, count: z.number().int() })),
    byNature: z.object({ for_information: z.number().int(), for_attention: z.number().int() }),
    /** Folios routed to each area of the organization (responsible or for information). */
    byArea: z.array(
      z.object({
        areaId: z.uuid(),
        name: z.string(),
        responsible: z.number().int(),
        informed: z.number().int(),
      }),
    ),
    /**
     * From receipt to the first answer of the side that must act (the local body's answer or
     * acknowledgement in follow-up; the national authority's in consultations), on or before `asOf`.
     * Business days on the viewing organization's calendar.
     */
    responseTimes: z.object({
      answered: z.number().int(),
      businessDays: quantiles,
      naturalDays: quantiles,
    }),
    /** Folios with a due date: still awaiting the local body after it, answered late, answered on time. */
    overdue: z.object({
      open: z.number().int(),
      answeredLate: z.number().int(),
      answeredOnTime: z.number().int(),
    }),
  })
  .meta({ id: 'ChannelStatistics' });
export type ChannelStatistics = z.infer<typeof ChannelStatisticsSchema>;

// ---- fortnightly report

export const FortnightSchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    month: z.coerce.number().int().min(1).max(12),
    /** 1: days 1–15; 2: days 16 to the end of the month. */
    half: z.coerce.number().int().min(1).max(2),
  })
  .meta({ id: 'Fortnight' });
export type Fortnight = z.infer<typeof FortnightSchema>;

export const GenerateReportInputSchema = FortnightSchema.extend({
  /** Queue it for e-mail to the distribution list right away. */
  send: z.boolean().default(false),
}).strict();
export type GenerateReportInput = z.infer<typeof GenerateReportInputSchema>;

export const ChannelReportSchema = z
  .object({
    id: z.uuid(),
    /** Order of the report within its year (1 = first fortnight of January). */
    number: z.number().int(),
    title: z.string(),
    periodFrom: LocalDateSchema,
    periodTo: LocalDateSchema,
    asOf: LocalDateSchema,
    generatedAt: z.string(),
    state: z.enum(['generated', 'queued', 'sent', 'failed']),
    recipients: z.array(z.string()),
    sentOn: LocalDateSchema.nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'ChannelReport' });
export type ChannelReport = z.infer<typeof ChannelReportSchema>;

export const ReportRecipientInputSchema = z.strictObject({
  email: z.email('Escriba un correo electrónico válido').max(254),
  name: z.string().trim().max(200).default(''),
});
export type ReportRecipientInput = z.infer<typeof ReportRecipientInputSchema>;

export const ReportRecipientSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string() })
  .meta({ id: 'ChannelReportRecipient' });
export type ReportRecipient = z.infer<typeof ReportRecipientSchema>;

// ---- calendar

export const NonWorkingDayInputSchema = z.strictObject({
  /** One day, or the first day of a range ending on `to` (e.g. the December recess). */
  day: LocalDateSchema,
  to: LocalDateSchema.optional(),
  reason: z.string().trim().min(1, 'Indique el motivo').max(200),
});
export type NonWorkingDayInput = z.infer<typeof NonWorkingDayInputSchema>;

export const EveryDayCountsInputSchema = z
  .strictObject({
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    reason: z.string().trim().min(1, 'Indique el motivo').max(200),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'El periodo termina antes de empezar' });
  });
export type EveryDayCountsInput = z.infer<typeof EveryDayCountsInputSchema>;

export const WorkCalendarViewSchema = z
  .object({
    year: z.number().int(),
    officialHolidays: z.array(z.object({ date: LocalDateSchema, name: z.string() })),
    nonWorkingDays: z.array(z.object({ day: LocalDateSchema, reason: z.string() })),
    everyDayCounts: z.array(
      z.object({ id: z.uuid(), startsOn: LocalDateSchema, endsOn: LocalDateSchema, reason: z.string() }),
    ),
    businessDays: z.number().int().describe('Días hábiles del año con este calendario'),
  })
  .meta({ id: 'ChannelWorkCalendar' });
export type WorkCalendarView = z.infer<typeof WorkCalendarViewSchema>;
