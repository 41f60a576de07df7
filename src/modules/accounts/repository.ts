import { and, asc, count, eq, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import type { Role, User, UserListQuery } from './contract';
import { account, loginFailure, organization, session, user, userArea } from './schema';

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

export async function recentFailures(db: Db, email: string, ip: string | null, since: Date) {
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginFailure.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginFailure.ipAddress} = ${ip})`.mapWith(Number),
    })
    .from(loginFailure)
    .where(
      and(
        gte(loginFailure.failedAt, since),
        ip
          ? or(eq(loginFailure.email, email), eq(loginFailure.ipAddress, ip))
          : eq(loginFailure.email, email),
      ),
    );
  return { byEmail: row?.byEmail ?? 0, byIp: row?.byIp ?? 0 };
}

export async function recordLoginFailure(db: Db, email: string, ip: string | null) {
  await db.insert(loginFailure).values({ email, ipAddress: ip });
}

export async function clearLoginFailures(db: Db, email: string) {
  await db.delete(loginFailure).where(eq(loginFailure.email, email));
}

export async function findOrganizationByAcronym(db: Db, acronym: string) {
  const [row] = await db.select().from(organization).where(eq(organization.acronym, acronym));
  return row;
}
