import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { LocalDate } from '../../../shared/dates';
import type { Db } from '../db/client';
import type { WorkCalendar } from './business-days';
import { everyDayCountsPeriod, nonWorkingDay } from './schema';

// SQL of the organization's working calendar: every module counting business days reads it here.

export async function workCalendarOf(db: Db, orgId: string): Promise<WorkCalendar> {
  const [days, periods] = await Promise.all([
    db.select({ day: nonWorkingDay.day }).from(nonWorkingDay).where(eq(nonWorkingDay.organizationId, orgId)),
    db
      .select({ from: everyDayCountsPeriod.startsOn, to: everyDayCountsPeriod.endsOn })
      .from(everyDayCountsPeriod)
      .where(eq(everyDayCountsPeriod.organizationId, orgId)),
  ]);
  return { ownNonWorkingDays: new Set(days.map((d) => d.day)), everyDayCounts: periods };
}

export async function calendarOfYear(db: Db, orgId: string, year: number) {
  const [days, periods] = await Promise.all([
    db
      .select({ day: nonWorkingDay.day, reason: nonWorkingDay.reason })
      .from(nonWorkingDay)
      .where(
        and(
          eq(nonWorkingDay.organizationId, orgId),
          gte(nonWorkingDay.day, `${year}-01-01`),
          lte(nonWorkingDay.day, `${year}-12-31`),
        ),
      )
      .orderBy(asc(nonWorkingDay.day)),
    db
      .select({
        id: everyDayCountsPeriod.id,
        startsOn: everyDayCountsPeriod.startsOn,
        endsOn: everyDayCountsPeriod.endsOn,
        reason: everyDayCountsPeriod.reason,
      })
      .from(everyDayCountsPeriod)
      .where(
        and(
          eq(everyDayCountsPeriod.organizationId, orgId),
          lte(everyDayCountsPeriod.startsOn, `${year}-12-31`),
          gte(everyDayCountsPeriod.endsOn, `${year}-01-01`),
        ),
      )
      .orderBy(asc(everyDayCountsPeriod.startsOn)),
  ]);
  return { days, periods };
}

export async function insertNonWorkingDays(db: Db, values: (typeof nonWorkingDay.$inferInsert)[]) {
  return db.insert(nonWorkingDay).values(values).onConflictDoNothing().returning({ day: nonWorkingDay.day });
}

export async function deleteNonWorkingDay(db: Db, orgId: string, day: LocalDate) {
  const rows = await db
    .delete(nonWorkingDay)
    .where(and(eq(nonWorkingDay.organizationId, orgId), eq(nonWorkingDay.day, day)))
    .returning();
  return rows[0];
}

export async function insertEveryDayCounts(db: Db, values: typeof everyDayCountsPeriod.$inferInsert) {
  const [row] = await db.insert(everyDayCountsPeriod).values(values).returning();
  return row!;
}

export async function findEveryDayCounts(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(everyDayCountsPeriod)
    .where(and(eq(everyDayCountsPeriod.id, id), eq(everyDayCountsPeriod.organizationId, orgId)));
  return row;
}

export async function deleteEveryDayCounts(db: Db, id: string) {
  await db.delete(everyDayCountsPeriod).where(eq(everyDayCountsPeriod.id, id));
}

export async function overlappingEveryDayCounts(db: Db, orgId: string, from: LocalDate, to: LocalDate) {
  const [row] = await db
    .select({
      id: everyDayCountsPeriod.id,
      startsOn: everyDayCountsPeriod.startsOn,
      endsOn: everyDayCountsPeriod.endsOn,
    })
    .from(everyDayCountsPeriod)
    .where(
      and(
        eq(everyDayCountsPeriod.organizationId, orgId),
        lte(everyDayCountsPeriod.startsOn, to),
        gte(everyDayCountsPeriod.endsOn, from),
      ),
    );
  return row;
}
