import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, conflict, invalid, notFound } from '../platform/errors';
import { addDays, daysBetween, type LocalDate } from '../../shared/dates';
import { formatDate } from '../../shared/spanish-dates';
import { isBusinessDay } from '../platform/calendar/business-days';
import { officialHolidays } from '../platform/calendar/mexican-holidays';
import type { EveryDayCountsInput, NonWorkingDayInput, WorkCalendarView } from './contract-reports';
import {
  calendarOfYear,
  deleteEveryDayCounts,
  deleteNonWorkingDay,
  findEveryDayCounts,
  insertEveryDayCounts,
  insertNonWorkingDays,
  overlappingEveryDayCounts,
  workCalendarOf,
} from '../platform/calendar/repository';

// The organization's working calendar: its own non-working days and the periods in which every
// day counts. Due dates already computed are stored with their folios and do not move when the
// calendar changes (ADR 0013); only folios received afterwards use the new calendar.

/** A range of own non-working days at once (Holy Week, the December recess) is at most this long. */
export const MAX_NON_WORKING_RANGE = 62;

export async function workCalendarView(db: Db, orgId: string, year: number): Promise<WorkCalendarView> {
  const [{ days, periods }, cal] = await Promise.all([
    calendarOfYear(db, orgId, year),
    workCalendarOf(db, orgId),
  ]);
  let businessDays = 0;
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1))
    if (isBusinessDay(cal, d)) businessDays++;
  return {
    year,
    officialHolidays: officialHolidays(year),
    nonWorkingDays: days,
    everyDayCounts: periods,
    businessDays,
  };
}

export async function addNonWorkingDays(db: Db, actor: ScopedAuditActor, input: NonWorkingDayInput) {
  const to = input.to ?? input.day;
  if (to < input.day) throw invalid([{ path: 'to', message: 'El periodo termina antes de empezar' }]);
  // Measured before listing a single day: the list is what grew without end (issue 14).
  const length = daysBetween(input.day, to) + 1;
  if (length > MAX_NON_WORKING_RANGE) {
    throw invalid([
      { path: 'to', message: `Registre a lo más ${MAX_NON_WORKING_RANGE} días seguidos; divida el periodo` },
    ]);
  }
  const days = Array.from({ length }, (_, i) => addDays(input.day, i));
  return inTransaction(db, async (tx) => {
    const added = await insertNonWorkingDays(
      tx,
      days.map((day) => ({ organizationId: actor.organizationId, day, reason: input.reason })),
    );
    if (!added.length) {
      throw new AppError('DUPLICATE', 409, [
        {
          path: 'day',
          message:
            days.length === 1
              ? `El ${formatDate(input.day)} ya es un día inhábil del organismo`
              : 'Todos esos días ya son inhábiles del organismo',
        },
      ]);
    }
    await recordAudit(tx, actor, {
      action: 'channel.calendar_add_non_working',
      entityType: 'non_working_day',
      entityId: null,
      after: { days: added.map((a) => a.day), reason: input.reason },
    });
    return { added: added.map((a) => a.day) };
  });
}

export async function removeNonWorkingDay(db: Db, actor: ScopedAuditActor, day: LocalDate) {
  return inTransaction(db, async (tx) => {
    const removed = await deleteNonWorkingDay(tx, actor.organizationId, day);
    if (!removed) throw notFound();
    await recordAudit(tx, actor, {
      action: 'channel.calendar_remove_non_working',
      entityType: 'non_working_day',
      entityId: null,
      before: { day: removed.day, reason: removed.reason },
    });
  });
}

export async function addEveryDayCounts(db: Db, actor: ScopedAuditActor, input: EveryDayCountsInput) {
  return inTransaction(db, async (tx) => {
    const overlap = await overlappingEveryDayCounts(tx, actor.organizationId, input.startsOn, input.endsOn);
    if (overlap) {
      throw conflict('El periodo se traslapa con otro en el que todos los días son hábiles.', [
        {
          path: 'startsOn',
          message: `Se traslapa con el periodo del ${formatDate(overlap.startsOn)} al ${formatDate(overlap.endsOn)}`,
        },
      ]);
    }
    const row = await insertEveryDayCounts(tx, { organizationId: actor.organizationId, ...input });
    await recordAudit(tx, actor, {
      action: 'channel.calendar_add_every_day_counts',
      entityType: 'every_day_counts_period',
      entityId: row.id,
      after: input,
    });
    return { id: row.id };
  });
}

export async function removeEveryDayCounts(db: Db, actor: ScopedAuditActor, id: string) {
  return inTransaction(db, async (tx) => {
    const row = await findEveryDayCounts(tx, actor.organizationId, id);
    if (!row) throw notFound();
    await deleteEveryDayCounts(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'channel.calendar_remove_every_day_counts',
      entityType: 'every_day_counts_period',
      entityId: row.id,
      before: { startsOn: row.startsOn, endsOn: row.endsOn, reason: row.reason },
    });
  });
}
