import { and, asc, count, desc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import type { Organization, Role, User, UserListQuery } from './contract';
import {
  account,
  invitation,
  organization,
  session,
  setupToken,
  signInThrottle,
  user,
  userArea,
  verification,
} from './schema';
import type { ThrottleCounter } from './throttle-rules';

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
  disabledAt: user.disabledAt,
  twoFactorEnabled: user.twoFactorEnabled,
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
  twoFactorEnabled: boolean;
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
    twoFactorEnabled: r.twoFactorEnabled,
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
      orgSuspendedAt: organization.suspendedAt,
    })
    .from(user)
    .innerJoin(organization, eq(organization.id, user.organizationId))
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

/** Sets a user's password; an invited user who has none yet gets their credential here. */
export async function setUserPassword(db: Db, userId: string, passwordHash: string) {
  const updated = await db
    .update(account)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')))
    .returning({ id: account.id });
  if (!updated.length) await insertCredential(db, userId, passwordHash);
}

export async function replaceUserAreas(db: Db, userId: string, areaIds: string[]) {
  await db.delete(userArea).where(eq(userArea.userId, userId));
  if (areaIds.length) await db.insert(userArea).values(areaIds.map((areaId) => ({ userId, areaId })));
}

/** Ends every session of a user; returns how many were open. */
export async function revokeSessions(db: Db, userId: string): Promise<number> {
  const ended = await db.delete(session).where(eq(session.userId, userId)).returning({ id: session.id });
  return ended.length;
}

/** A user's sessions not yet expired, most recently used first; `currentToken` marks the caller's. */
export async function listActiveSessions(db: Db, userId: string, currentToken: string | null) {
  return db
    .select({
      id: session.id,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
      createdAt: session.createdAt,
      lastActiveAt: session.updatedAt,
      current: sql<boolean>`${session.token} = ${currentToken ?? ''}`,
    })
    .from(session)
    .where(and(eq(session.userId, userId), sql`${session.expiresAt} > now()`))
    .orderBy(desc(session.updatedAt), desc(session.createdAt))
    .limit(200);
}

/** Ends one session of the user; false when the user has no such session. */
export async function deleteSessionOf(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
    .returning({ id: session.id });
  return ended.length > 0;
}

/** Ends every session of the user but the one holding `keepToken`; returns how many ended. */
export async function deleteOtherSessions(db: Db, userId: string, keepToken: string): Promise<number> {
  const ended = await db
    .delete(session)
    .where(and(eq(session.userId, userId), ne(session.token, keepToken)))
    .returning({ id: session.id });
  return ended.length;
}

/**
 * The reset link stored under `identifierHash` (better-auth keeps it hashed, auth.ts), with its
 * account's state and the database's clock.
 */
export async function findResetLink(db: Db, identifierHash: string) {
  const [row] = await db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      organizationId: user.organizationId,
      disabledAt: user.disabledAt,
      orgSuspendedAt: organization.suspendedAt,
      expiresAt: verification.expiresAt,
      now: sql<string>`now()`,
    })
    .from(verification)
    .innerJoin(user, eq(user.id, verification.value))
    .innerJoin(organization, eq(organization.id, user.organizationId))
    .where(eq(verification.identifier, identifierHash))
    .orderBy(desc(verification.createdAt))
    .limit(1);
  return row;
}

/** How many verification values were issued for the user since `since` (reset links, mostly). */
export async function verificationsIssuedSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(verification)
    .where(and(eq(verification.value, userId), sql`${verification.createdAt} >= ${since.toISOString()}`));
  return row?.n ?? 0;
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

// Installation: operators, setup links, organizations and invitations (ADR 0023).

export async function installationOrganization(db: Db) {
  const [row] = await db.select().from(organization).where(eq(organization.kind, 'installation'));
  return row;
}

/** True once the installation has an operator (a user of the installation's own tenant). */
export async function operatorExists(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .innerJoin(organization, eq(organization.id, user.organizationId))
    .where(eq(organization.kind, 'installation'))
    .limit(1);
  return Boolean(row);
}

export async function insertSetupToken(db: Db, tokenHash: string) {
  await db.insert(setupToken).values({ tokenHash });
}

export async function findSetupToken(db: Db, tokenHash: string) {
  const [row] = await db.select().from(setupToken).where(eq(setupToken.tokenHash, tokenHash)).for('update');
  return row;
}

export async function markSetupTokenUsed(db: Db, tokenHash: string) {
  await db.update(setupToken).set({ usedAt: new Date() }).where(eq(setupToken.tokenHash, tokenHash));
}

const organizationColumns = {
  id: organization.id,
  name: organization.name,
  acronym: organization.acronym,
  kind: organization.kind,
  state: organization.state,
  timeZone: organization.timeZone,
  suspendedAt: organization.suspendedAt,
  createdAt: organization.createdAt,
  users: sql<number>`(select count(*) from "user" u where u.organization_id = "organization"."id")`.mapWith(
    Number,
  ),
  pendingInvitations: sql<number>`(select count(*) from "user" u where u.organization_id = "organization"."id"
    and not exists (select 1 from account a where a.user_id = u.id and a.provider_id = 'credential'))`.mapWith(
    Number,
  ),
};

function presentOrganization(r: {
  id: string;
  name: string;
  acronym: string;
  kind: string;
  state: string | null;
  timeZone: string;
  suspendedAt: Date | null;
  createdAt: Date;
  users: number;
  pendingInvitations: number;
}): Organization {
  const { suspendedAt, ...rest } = r;
  return {
    ...rest,
    kind: r.kind as Organization['kind'],
    suspended: suspendedAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The bodies of the installation (not the installation's own tenant): the national authority first. */
export async function listOrganizations(db: Db): Promise<Organization[]> {
  const rows = await db
    .select(organizationColumns)
    .from(organization)
    .where(ne(organization.kind, 'installation'))
    .orderBy(desc(organization.kind), asc(organization.acronym));
  return rows.map(presentOrganization);
}

export async function findManagedOrganization(db: Db, id: string): Promise<Organization | undefined> {
  const [row] = await db
    .select(organizationColumns)
    .from(organization)
    .where(and(eq(organization.id, id), ne(organization.kind, 'installation')));
  return row ? presentOrganization(row) : undefined;
}

export async function setOrganizationSuspended(db: Db, id: string, suspended: boolean) {
  await db
    .update(organization)
    .set({ suspendedAt: suspended ? sql`coalesce(${organization.suspendedAt}, now())` : null })
    .where(eq(organization.id, id));
}

/** A user without a password yet (invited, not arrived), created by Vincula like every user. */
export async function insertInvitedUser(
  db: Db,
  values: { id: string; organizationId: string; name: string; email: string; roles: Role[] },
) {
  await db.insert(user).values({ ...values, emailVerified: true });
}

export async function insertCredential(db: Db, userId: string, passwordHash: string) {
  await db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: userId,
    providerId: 'credential',
    userId,
    password: passwordHash,
  });
}

/** Unused invitations of a user stop working when a new one is sent. */
export async function expireInvitationsOf(db: Db, userId: string) {
  await db
    .update(invitation)
    .set({ expiresAt: sql`least(${invitation.expiresAt}, now())` })
    .where(and(eq(invitation.userId, userId), isNull(invitation.usedAt)));
}

export async function insertInvitation(db: Db, values: typeof invitation.$inferInsert) {
  const [row] = await db.insert(invitation).values(values).returning();
  return row!;
}

/** An invitation with its user and organization; `lock` holds it until the transaction ends. */
export async function findInvitation(db: Db, tokenHash: string, lock = false) {
  const query = db
    .select({
      id: invitation.id,
      userId: invitation.userId,
      organizationId: invitation.organizationId,
      expiresAt: invitation.expiresAt,
      usedAt: invitation.usedAt,
      name: user.name,
      email: user.email,
      orgName: organization.name,
      orgAcronym: organization.acronym,
      orgSuspendedAt: organization.suspendedAt,
      now: sql<string>`now()`.mapWith(String),
    })
    .from(invitation)
    .innerJoin(user, eq(user.id, invitation.userId))
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(eq(invitation.tokenHash, tokenHash));
  const [row] = await (lock ? query.for('update', { of: invitation }) : query);
  return row;
}

export async function markInvitationUsed(db: Db, id: string) {
  await db.update(invitation).set({ usedAt: new Date() }).where(eq(invitation.id, id));
}

/**
 * The organization's enabled users who hold some role besides administrator: the people an
 * administrator still has to add when setting an office up (the set-up checklist).
 */
export async function staffUserCount(db: Db, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(user)
    .where(
      and(
        eq(user.organizationId, organizationId),
        isNull(user.disabledAt),
        sql`exists (select 1 from unnest(${user.roles}) r where r <> 'administrator')`,
      ),
    );
  return row?.n ?? 0;
}
