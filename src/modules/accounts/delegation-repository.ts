import { and, count, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { addDays, type LocalDate } from '../../shared/dates';
import type { Db } from '../platform/db/client';
import type { Role } from './contract';
import { delegationHolds, delegationStatus, todayIn, type Delegation } from './delegation-contract';
import { delegation } from './delegation-schema';
import { organization, user } from './schema';

// SQL of delegations (ADR 0035). Every function is scoped to the organization.

const absent = alias(user, 'absent');
const acting = alias(user, 'acting');
const creator = alias(user, 'creator');
const ender = alias(user, 'ender');

const columns = {
  id: delegation.id,
  absentId: absent.id,
  absentName: absent.name,
  actingId: acting.id,
  actingName: acting.name,
  startsOn: delegation.startsOn,
  endsOn: delegation.endsOn,
  reason: delegation.reason,
  createdBy: creator.name,
  createdAt: delegation.createdAt,
  endedAt: delegation.endedAt,
  endedBy: ender.name,
};
type Row = {
  id: string;
  absentId: string;
  absentName: string;
  actingId: string;
  actingName: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
};

function selectDelegations(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(delegation)
    .innerJoin(absent, eq(absent.id, delegation.absentUserId))
    .innerJoin(acting, eq(acting.id, delegation.actingUserId))
    .leftJoin(creator, eq(creator.id, delegation.createdBy))
    .leftJoin(ender, eq(ender.id, delegation.endedBy))
    .where(where);
}

export function presentDelegation(r: Row, today: LocalDate): Delegation {
  return {
    id: r.id,
    absent: { id: r.absentId, name: r.absentName },
    acting: { id: r.actingId, name: r.actingName },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reason: r.reason,
    status: delegationStatus({ ...r, ended: r.endedAt !== null }, today),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    endedBy: r.endedBy,
  };
}

/** The organization's time zone (its days bound a delegation's period). */
export async function organizationTimeZone(db: Db, orgId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: organization.timeZone })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row?.timeZone ?? 'America/Mexico_City';
}

export async function organizationToday(db: Db, orgId: string): Promise<LocalDate> {
  return todayIn(await organizationTimeZone(db, orgId));
}

export async function listDelegations(
  db: Db,
  orgId: string,
  q: { state: 'active' | 'all'; page: number; pageSize: number },
  today: LocalDate,
) {
  const where = and(
    eq(delegation.organizationId, orgId),
    q.state === 'active' ? and(isNull(delegation.endedAt), gte(delegation.endsOn, today)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectDelegations(db, where)
      .orderBy(desc(delegation.startsOn), desc(delegation.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(delegation).where(where),
  ]);
  return {
    items: rows.map((r) => presentDelegation(r, today)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findDelegation(db: Db, orgId: string, id: string) {
  const [row] = await selectDelegations(db, and(eq(delegation.id, id), eq(delegation.organizationId, orgId)));
  return row;
}

/** A user of the organization as a delegation names them (disabled ones included, to say so). */
export async function findMember(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: user.id, name: user.name, disabledAt: user.disabledAt })
    .from(user)
    .where(and(eq(user.id, id), eq(user.organizationId, orgId)));
  return row;
}

/** Serializes delegations of one absent person, so two overlapping ones cannot both be recorded. */
export async function lockAbsentUser(db: Db, userId: string) {
  await db.execute(sql`select 1 from "user" where id = ${userId} for update`);
}

/** The absent person's delegations not ended early, with the acting person's name. */
export async function delegationsOfAbsent(db: Db, orgId: string, absentUserId: string) {
  return db
    .select({
      id: delegation.id,
      startsOn: delegation.startsOn,
      endsOn: delegation.endsOn,
      actingName: acting.name,
    })
    .from(delegation)
    .innerJoin(acting, eq(acting.id, delegation.actingUserId))
    .where(
      and(
        eq(delegation.organizationId, orgId),
        eq(delegation.absentUserId, absentUserId),
        isNull(delegation.endedAt),
      ),
    );
}

export async function insertDelegation(db: Db, values: typeof delegation.$inferInsert) {
  const [row] = await db.insert(delegation).values(values).returning({ id: delegation.id });
  return row!.id;
}

export async function markDelegationEnded(db: Db, id: string, endedBy: string) {
  await db
    .update(delegation)
    .set({ endedAt: new Date(), endedBy })
    .where(and(eq(delegation.id, id), isNull(delegation.endedAt)));
}

export type HeldDelegation = {
  delegationId: string;
  endsOn: LocalDate;
  absent: { userId: string; name: string; email: string; roles: Role[]; areaIds: string[] };
};

/**
 * The delegations that hold today for `actingUserId`, with what the absent person works: their
 * roles and areas. Days are the organization's; the SQL keeps a day's margin either side (no zone
 * is a day away from UTC) and the pure rule decides.
 */
export async function heldDelegations(
  db: Db,
  orgId: string,
  actingUserId: string,
  now: Date = new Date(),
): Promise<HeldDelegation[]> {
  const utcDay = now.toISOString().slice(0, 10);
  const rows = await db
    .select({
      id: delegation.id,
      startsOn: delegation.startsOn,
      endsOn: delegation.endsOn,
      timeZone: organization.timeZone,
      absentId: absent.id,
      absentName: absent.name,
      absentEmail: absent.email,
      absentRoles: absent.roles,
      absentAreaIds: sql<
        string[]
      >`coalesce((select array_agg(ua.area_id order by ua.area_id) from user_area ua where ua.user_id = ${absent.id}), '{}')`,
    })
    .from(delegation)
    .innerJoin(organization, eq(organization.id, delegation.organizationId))
    .innerJoin(absent, eq(absent.id, delegation.absentUserId))
    .innerJoin(acting, eq(acting.id, delegation.actingUserId))
    .where(
      and(
        eq(delegation.organizationId, orgId),
        eq(delegation.actingUserId, actingUserId),
        isNull(delegation.endedAt),
        isNull(acting.disabledAt),
        lte(delegation.startsOn, addDays(utcDay, 1)),
        gte(delegation.endsOn, addDays(utcDay, -1)),
      ),
    )
    .orderBy(delegation.startsOn);
  return rows
    .filter((r) => delegationHolds({ ...r, ended: false }, todayIn(r.timeZone, now)))
    .map((r) => ({
      delegationId: r.id,
      endsOn: r.endsOn,
      absent: {
        userId: r.absentId,
        name: r.absentName,
        email: r.absentEmail,
        roles: r.absentRoles as Role[],
        areaIds: r.absentAreaIds,
      },
    }));
}
