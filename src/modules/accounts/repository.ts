import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import type { Role, User, UserListQuery } from './contract';
import { account, organization, session, signInThrottle, user, userArea } from './schema';
import type { ThrottleCounter } from './throttle-rules';

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
  disabledAt: user.disabledAt,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
  areaIds: sql<
    string[]
  >`coalesce((select array_agg(ua.area_id order by ua.area_id) from user_area ua where ua.user_id = "user"."id"), '{}')`,
};

type UserRow = { [K in keyof typeof userColumns]: unknown } & {
  id: string;
  name: string;
  email: string;
  roles: string[];
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  areaIds: string[];
};

function present(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    roles: r.roles as Role[],
    areaIds: r.areaIds,
    disabled: r.disabledAt !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findUser(db: Db, organizationId: string, id: string): Promise<User | undefined> {
  const [row] = await db
    .select(userColumns)
    .from(user)
    .where(and(eq(user.organizationId, organizationId), eq(user.id, id)));
  return row ? present(row as UserRow) : undefined;
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({
      id: user.id,
      organizationId: user.organizationId,
      disabledAt: user.disabledAt,
      name: user.name,
    })
    .from(user)
    .where(eq(user.email, email));
  return row;
}

export async function listUsers(db: Db, organizationId: string, q: UserListQuery) {
  const filters: SQL[] = [eq(user.organizationId, organizationId)];
  if (q.q) filters.push(foldedContains(sql`${user.name} || ' ' || ${user.email}`, q.q));
  if (q.role) filters.push(sql`${q.role} = any(${user.roles})`);
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(user)
      .where(where)
      .orderBy(asc(user.name), asc(user.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(user).where(where),
  ]);
  return {
    items: rows.map((r) => present(r as UserRow)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function insertUser(
  db: Db,
  values: {
    id: string;
    organizationId: string;
    name: string;
    email: string;
    roles: Role[];
    passwordHash: string;
  },
) {
  await db.insert(user).values({
    id: values.id,
    organizationId: values.organizationId,
    name: values.name,
    email: values.email,
    roles: values.roles,
    emailVerified: true,
  });
  await db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: values.id,
    providerId: 'credential',
    userId: values.id,
    password: values.passwordHash,
  });
}

export async function updateUserRow(
  db: Db,
  id: string,
  values: Partial<{ name: string; roles: Role[]; disabledAt: Date | null }>,
) {
  await db
    .update(user)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(user.id, id));
}

export async function credentialHash(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ password: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')));
  return row?.password ?? null;
}

export async function setUserPassword(db: Db, userId: string, passwordHash: string) {
  await db
    .update(account)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')));
}

export async function replaceUserAreas(db: Db, userId: string, areaIds: string[]) {
  await db.delete(userArea).where(eq(userArea.userId, userId));
  if (areaIds.length) await db.insert(userArea).values(areaIds.map((areaId) => ({ userId, areaId })));
}

export async function revokeSessions(db: Db, userId: string) {
  await db.delete(session).where(eq(session.userId, userId));
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return Boolean(row);
}

export type ThrottleKey = { email: string; ipAddress: string };
export type ThrottleRow = ThrottleKey & ThrottleCounter;

/**
 * Locks the sign-in counters of `keys` for the rest of the transaction, creating the missing ones,
 * and reads them with the database's clock (instances' clocks may differ). Callers pass the keys
 * in ascending order, as the rows are locked, so two sign-ins never wait on each other crosswise.
 */
export async function lockThrottleCounters(
  tx: Db,
  keys: ThrottleKey[],
): Promise<{ now: Date; rows: ThrottleRow[] }> {
  await tx.insert(signInThrottle).values(keys).onConflictDoNothing();
  const rows = await tx
    .select({
      email: signInThrottle.email,
      ipAddress: signInThrottle.ipAddress,
      attempts: signInThrottle.attempts,
      windowStartedAt: signInThrottle.windowStartedAt,
      blockedUntil: signInThrottle.blockedUntil,
      lastSuccessAt: signInThrottle.lastSuccessAt,
      now: sql<string>`now()`.mapWith(String),
    })
    .from(signInThrottle)
    .where(
      or(
        ...keys.map((k) => and(eq(signInThrottle.email, k.email), eq(signInThrottle.ipAddress, k.ipAddress))),
      ),
    )
    .orderBy(asc(signInThrottle.email), asc(signInThrottle.ipAddress))
    .for('update');
  return { now: new Date(rows[0]!.now), rows: rows.map(({ now: _now, ...row }) => row) };
}

export async function saveThrottleCounters(tx: Db, rows: ThrottleRow[]): Promise<void> {
  for (const { email, ipAddress, ...counter } of rows) {
    await tx
      .update(signInThrottle)
      .set(counter)
      .where(and(eq(signInThrottle.email, email), eq(signInThrottle.ipAddress, ipAddress)));
  }
}

/**
 * Deletes a batch of counters that count nothing any more: started over a day ago, making nobody
 * wait, and not remembering a recent successful sign-in.
 */
export async function pruneThrottleCounters(db: Db): Promise<void> {
  await db.execute(sql`delete from sign_in_throttle where ctid = any(array(
    select ctid from sign_in_throttle
    where window_started_at < now() - interval '1 day'
      and (blocked_until is null or blocked_until < now())
      and (last_success_at is null or last_success_at < now() - interval '90 days')
    limit 500))`);
}

/** The organization's name and acronym, as its documents print them. */
export async function findOrganizationName(db: Db, orgId: string) {
  const [row] = await db
    .select({ name: organization.name, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row;
}

export async function findOrganizationByAcronym(db: Db, acronym: string) {
  const [row] = await db.select().from(organization).where(eq(organization.acronym, acronym));
  return row;
}
