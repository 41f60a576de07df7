import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { account, organization, session, user } from './schema';
import { organizationSsoPolicy } from './sso-schema';

// The SQL of single sign-on (ADR 0034); better-auth writes the linked accounts itself.

export async function findSsoRequired(db: Db, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ required: organizationSsoPolicy.required })
    .from(organizationSsoPolicy)
    .where(eq(organizationSsoPolicy.organizationId, organizationId));
  return row?.required ?? false;
}

export async function saveSsoRequired(db: Db, organizationId: string, required: boolean): Promise<void> {
  await db
    .insert(organizationSsoPolicy)
    .values({ organizationId, required })
    .onConflictDoUpdate({
      target: organizationSsoPolicy.organizationId,
      set: { required, updatedAt: sql`now()` },
    });
}

/** The Vincula account a provider's identity matched, with what decides whether it may enter. */
export async function findSsoUser(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: user.id,
      email: user.email,
      organizationId: user.organizationId,
      acronym: organization.acronym,
      disabledAt: user.disabledAt,
      suspendedAt: organization.suspendedAt,
    })
    .from(user)
    .innerJoin(organization, eq(organization.id, user.organizationId))
    .where(eq(user.id, userId));
  return row;
}

/** Whether the user has entered at least once through one of these providers (a linked account). */
export async function hasLinkedAccount(db: Db, userId: string, providerIds: string[]): Promise<boolean> {
  if (providerIds.length === 0) return false;
  const [row] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(account.userId, userId), inArray(account.providerId, providerIds)))
    .limit(1);
  return Boolean(row);
}

/** Who a just-opened session belongs to, for the audit trail. */
export async function findSessionUser(db: Db, token: string) {
  const [row] = await db
    .select({ id: user.id, email: user.email, organizationId: user.organizationId })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, token));
  return row;
}

export async function findOrganizationAcronym(db: Db, organizationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return row?.acronym;
}

export async function findOrganizationIdByAcronym(db: Db, acronym: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organization.id })
    .from(organization)
    .where(sql`lower(${organization.acronym}) = lower(${acronym})`);
  return row?.id;
}
