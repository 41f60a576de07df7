import { z } from 'zod';
import { LocalDateSchema, daysBetween, rangesOverlap, type LocalDate } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';

// Acting for an absent person (encargo de despacho, suplencia; ADR 0035): the API's types and the
// pure rules of a delegation's period, shared by the server and the administration page.

/** A delegation covers at most a year; a longer absence is recorded again when it ends. */
export const MAX_DELEGATION_DAYS = 366;

/** What the acting person may do for the absent one: work their queue of routed folios. */
export const DELEGABLE_PERMISSIONS = ['channel.answer'] as const;

export type DelegationProblem = { path: string; message: string };

/** The period's own rules: it ends on or after it starts, lasts a year at most, and reaches today. */
export function delegationPeriodProblems(startsOn: LocalDate, endsOn: LocalDate, today?: LocalDate) {
  const problems: DelegationProblem[] = [];
  if (endsOn < startsOn) {
    problems.push({ path: 'endsOn', message: 'La suplencia termina antes de empezar.' });
  } else if (daysBetween(startsOn, endsOn) >= MAX_DELEGATION_DAYS) {
    problems.push({
      path: 'endsOn',
      message: 'Una suplencia dura a lo más un año; registre otra cuando termine.',
    });
  }
  if (today !== undefined && endsOn < today && endsOn >= startsOn) {
    problems.push({
      path: 'endsOn',
      message: 'El periodo ya terminó; una suplencia se registra para hoy o para días por venir.',
    });
  }
  return problems;
}

/** Who is who: two different people. */
export function delegationPeopleProblems(absentUserId: string, actingUserId: string) {
  return absentUserId === actingUserId
    ? [{ path: 'actingUserId', message: 'Una persona no puede suplirse a sí misma.' }]
    : [];
}

export type DelegationPeriod = { startsOn: LocalDate; endsOn: LocalDate; ended: boolean };

/** The delegation holds on `today`: inside its period and not ended early. It ends by itself. */
export function delegationHolds(d: DelegationPeriod, today: LocalDate): boolean {
  return !d.ended && d.startsOn <= today && today <= d.endsOn;
}

export const DELEGATION_STATUSES = ['scheduled', 'current', 'finished', 'ended'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

export function delegationStatus(d: DelegationPeriod, today: LocalDate): DelegationStatus {
  if (d.ended) return 'ended';
  if (today < d.startsOn) return 'scheduled';
  return today <= d.endsOn ? 'current' : 'finished';
}

/** The first delegation of the same absent person (not ended early) that shares a day with this one. */
export function overlappingDelegation<T extends DelegationPeriod>(
  period: { startsOn: LocalDate; endsOn: LocalDate },
  others: readonly T[],
): T | undefined {
  return others.find(
    (o) =>
      !o.ended &&
      rangesOverlap({ from: period.startsOn, to: period.endsOn }, { from: o.startsOn, to: o.endsOn }),
  );
}

// Built once per zone: a formatter with a time zone costs about 0.1 ms to construct.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in `timeZone` (an organization's; America/Mexico_City unless set otherwise). */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

const UserIdSchema = (message: string) => z.uuid({ error: message });

export const DelegationInputSchema = z
  .strictObject({
    absentUserId: UserIdSchema('Seleccione a la persona ausente').meta({ label: 'persona ausente' }),
    actingUserId: UserIdSchema('Seleccione a la persona que la suple').meta({ label: 'quien suple' }),
    startsOn: LocalDateSchema.meta({ label: 'desde' }),
    endsOn: LocalDateSchema.meta({ label: 'hasta' }),
    reason: z
      .string()
      .trim()
      .min(1, 'Indique el motivo de la ausencia (vacaciones, comisión, licencia…)')
      .max(500, 'El motivo no puede exceder 500 caracteres')
      .meta({ label: 'motivo' }),
  })
  .superRefine((v, ctx) => {
    for (const p of [
      ...delegationPeopleProblems(v.absentUserId, v.actingUserId),
      ...delegationPeriodProblems(v.startsOn, v.endsOn),
    ]) {
      ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
    }
  });
export type DelegationInput = z.input<typeof DelegationInputSchema>;

const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const DelegationSchema = z
  .object({
    id: z.uuid(),
    absent: PersonSchema,
    acting: PersonSchema,
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    reason: z.string(),
    status: z.enum(DELEGATION_STATUSES),
    createdBy: z.string().nullable().describe('Nombre de quien la registró'),
    createdAt: z.string(),
    endedAt: z.string().nullable(),
    endedBy: z.string().nullable(),
  })
  .meta({ id: 'Delegation' });
export type Delegation = z.infer<typeof DelegationSchema>;

export const DelegationListQuerySchema = PageQuerySchema.extend({
  /** Those that hold today or are still to come (default), or every one. */
  state: z.enum(['active', 'all']).default('active'),
});
export const DelegationPageSchema = pageOf(DelegationSchema);
export const DelegationParamsSchema = z.object({ id: z.uuid({ error: 'Identificador inválido' }) });

/** On whose behalf the signed-in user works today (GET /api/me). */
export const ActingForSchema = z.object({ userId: z.string(), name: z.string(), endsOn: LocalDateSchema });
