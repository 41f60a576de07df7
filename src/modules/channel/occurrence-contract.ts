import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { formatMonth } from '../../shared/spanish-dates';
import { hasPermission, type Role } from '../accounts/contract';
import { MonthlyDueRuleSchema } from './contract';
import { AttachmentSchema } from './routing-contract';

/**
 * The months of a recurring obligation ("informe mensual…"): the local body answers each month (its
 * liaison staff, or staff of the area the obligation names), the national authority accepts the
 * answer or returns it with a reason, and a returned month is answered again. A month still owed
 * past its due date is overdue ("vencida"), which is shown, not stored. The server applies these
 * rules (answer-occurrence.ts, review-occurrence.ts); the browser uses them to offer the actions.
 */

export const OCCURRENCE_STATUSES = ['pending', 'answered', 'accepted', 'returned'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];
/** What a month shows: its status, or "overdue" for a month never answered past its due date. */
export const OCCURRENCE_DISPLAY = [...OCCURRENCE_STATUSES, 'overdue'] as const;
export type OccurrenceDisplay = (typeof OCCURRENCE_DISPLAY)[number];

export type OccurrenceEvent = 'answer' | 'accept' | 'return';
export type OccurrenceSide = 'local' | 'national';

/** Months the local body still owes: never answered, or returned by the national authority. */
export function awaitsAnswer(status: OccurrenceStatus): boolean {
  return status === 'pending' || status === 'returned';
}

/** Overdue: still owed after its due date. A returned month keeps its status but counts as overdue. */
export function occurrenceView(
  o: { status: OccurrenceStatus; dueOn: string },
  today: string,
): { overdue: boolean; display: OccurrenceDisplay } {
  const overdue = awaitsAnswer(o.status) && o.dueOn < today;
  return { overdue, display: overdue && o.status === 'pending' ? 'overdue' : o.status };
}

/**
 * The side an organization acts for on a month of a folio's obligation, or null when the folio is
 * not its own. A local body whose national counterpart is outside the installation records the
 * national authority's acceptance and returns too (as with the folio's own events).
 */
export function occurrenceSide(
  folio: { localOrgId: string; nationalOrgId: string | null },
  orgId: string,
  event: OccurrenceEvent,
): OccurrenceSide | null {
  if (folio.localOrgId === orgId) {
    return event !== 'answer' && folio.nationalOrgId === null ? 'national' : 'local';
  }
  return folio.nationalOrgId === orgId ? 'national' : null;
}

/**
 * Whether a person may act for their side: on the local side, liaison staff (channel.write) or
 * staff of the area that answers the obligation; on the national side, its channel staff.
 */
export function mayActOnOccurrence(
  person: { roles: readonly Role[]; areaIds: readonly string[] },
  side: OccurrenceSide,
  event: OccurrenceEvent,
  obligationAreaId: string | null,
): boolean {
  if (hasPermission(person.roles, 'channel.write')) return true;
  return (
    side === 'local' &&
    event === 'answer' &&
    obligationAreaId !== null &&
    hasPermission(person.roles, 'channel.answer') &&
    person.areaIds.includes(obligationAreaId)
  );
}

export type OccurrenceResult =
  { ok: true; to: OccurrenceStatus } | { ok: false; status: 400 | 403 | 409; path: string; reason: string };

function monthName(period: string): string {
  return formatMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
}

/** The month's status after `event` by `side`, or why it is refused (and with which HTTP status). */
export function occurrenceTransition(
  o: { status: OccurrenceStatus; period: string },
  event: OccurrenceEvent,
  side: OccurrenceSide,
  input: { text?: string | null; reason?: string | null } = {},
): OccurrenceResult {
  const month = monthName(o.period);
  if (event === 'answer') {
    if (side !== 'local') {
      return {
        ok: false,
        status: 403,
        path: 'occurrence',
        reason: 'El informe del mes lo envía el organismo local, no el INE.',
      };
    }
    if (o.status === 'answered') {
      return {
        ok: false,
        status: 409,
        path: 'occurrence',
        reason: `El informe de ${month} ya fue enviado; está en revisión del INE.`,
      };
    }
    if (o.status === 'accepted') {
      return {
        ok: false,
        status: 409,
        path: 'occurrence',
        reason: `El informe de ${month} ya fue aceptado.`,
      };
    }
    return input.text?.trim()
      ? { ok: true, to: 'answered' }
      : { ok: false, status: 400, path: 'text', reason: 'Escriba la respuesta del mes.' };
  }
  if (side !== 'national') {
    return {
      ok: false,
      status: 403,
      path: 'occurrence',
      reason: 'Solo el INE, que envió el folio, acepta o devuelve el informe de un mes.',
    };
  }
  if (o.status === 'accepted') {
    return { ok: false, status: 409, path: 'occurrence', reason: `El informe de ${month} ya fue aceptado.` };
  }
  if (o.status !== 'answered') {
    return {
      ok: false,
      status: 409,
      path: 'occurrence',
      reason: `El informe de ${month} no se ha enviado; no hay respuesta que revisar.`,
    };
  }
  if (event === 'accept') return { ok: true, to: 'accepted' };
  return input.reason?.trim()
    ? { ok: true, to: 'returned' }
    : { ok: false, status: 400, path: 'reason', reason: 'Indique el motivo de la devolución.' };
}

/** The events a person may apply to a month now: what the server accepts, for the buttons. */
export function occurrenceActions(
  o: { status: OccurrenceStatus; period: string },
  folio: { localOrgId: string; nationalOrgId: string | null },
  person: { organizationId: string; roles: readonly Role[]; areaIds: readonly string[] },
  obligationAreaId: string | null,
): OccurrenceEvent[] {
  return (['answer', 'accept', 'return'] as const).filter((event) => {
    const side = occurrenceSide(folio, person.organizationId, event);
    if (!side || !mayActOnOccurrence(person, side, event, obligationAreaId)) return false;
    return occurrenceTransition(o, event, side, { text: 'x', reason: 'x' }).ok;
  });
}

export const OccurrenceStatusSchema = z.enum(OCCURRENCE_STATUSES);

export const OccurrenceSchema = z
  .object({
    id: z.uuid(),
    period: z.string().describe('AAAA-MM'),
    dueOn: LocalDateSchema,
    status: OccurrenceStatusSchema,
    display: z
      .enum(OCCURRENCE_DISPLAY)
      .describe('El estatus, o "overdue" si el mes no se respondió a tiempo'),
    overdue: z.boolean(),
    answeredOn: LocalDateSchema.nullable(),
    answerText: z.string().nullable(),
    reviewedOn: LocalDateSchema.nullable(),
    returnReason: z.string().nullable(),
    attachments: z.array(AttachmentSchema),
  })
  .meta({ id: 'Occurrence' });
export type Occurrence = z.infer<typeof OccurrenceSchema>;

export const ObligationSchema = z
  .object({
    id: z.uuid(),
    folioId: z.uuid(),
    description: z.string(),
    dueRule: MonthlyDueRuleSchema,
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema.nullable(),
    area: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Área que responde cada mes'),
    occurrences: z.array(OccurrenceSchema),
  })
  .meta({ id: 'Obligation' });
export type Obligation = z.infer<typeof ObligationSchema>;

/** A month in an area's queue ("Mis turnos"), with its folio. */
export const MyOccurrenceSchema = OccurrenceSchema.extend({
  obligation: z.object({
    id: z.uuid(),
    description: z.string(),
    area: z.object({ id: z.uuid(), name: z.string() }),
  }),
  folio: z.object({ id: z.uuid(), folio: z.string(), subject: z.string() }),
  /** The absent person the user answers this month for (ADR 0035); null when it is their own. */
  actingFor: z.object({ userId: z.string(), name: z.string() }).nullable(),
}).meta({ id: 'MyOccurrence' });
export type MyOccurrence = z.infer<typeof MyOccurrenceSchema>;

export const MyOccurrencesQuerySchema = z.strictObject({
  state: z.enum(['open', 'closed', 'all']).default('open'),
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const AnswerOccurrenceInputSchema = z.strictObject({
  on: LocalDateSchema,
  text: text(20_000).meta({ label: 'la respuesta del mes' }),
});

export const ObligationAreaInputSchema = z.strictObject({
  areaId: z.uuid().nullable().meta({ label: 'el área que responde' }),
});

export const ReviewOccurrenceInputSchema = z.strictObject({
  on: LocalDateSchema,
});

export const ReturnOccurrenceInputSchema = z.strictObject({
  on: LocalDateSchema,
  reason: text(2_000).meta({ label: 'el motivo de la devolución' }),
});
