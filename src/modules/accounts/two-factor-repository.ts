import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { Role } from './contract';
import { user } from './schema';
import { organizationTwoFactorPolicy, twoFactor, twoFactorUsedCode } from './two-factor-schema';

// The SQL of two-factor authentication (ADR 0028); better-auth's plugin writes the secrets itself.

/** How long a used code is remembered: longer than the ±30 s a code is accepted for. */
const USED_CODE_MEMORY = sql`interval '5 minutes'`;

export async function findTwoFactorPolicy(db: Db, organizationId: string): Promise<Role[]> {
  const [row] = await db
    .select({ roles: organizationTwoFactorPolicy.requiredRoles })
    .from(organizationTwoFactorPolicy)
    .where(eq(organizationTwoFactorPolicy.organizationId, organizationId));
  return (row?.roles ?? []) as Role[];
}

export async function saveTwoFactorPolicy(db: Db, organizationId: string, roles: Role[]): Promise<void> {
  await db
    .insert(organizationTwoFactorPolicy)
    .values({ organizationId, requiredRoles: roles })
    .onConflictDoUpdate({
      target: organizationTwoFactorPolicy.organizationId,
      set: { requiredRoles: roles, updatedAt: sql`now()` },
    });
}

/**
 * Claims a code for the user: false when it already opened a session or confirmed an enrolment
 * in the last minutes. The primary key makes two simultaneous uses of one code claim it once.
 */
export async function claimCode(db: Db, userId: string, code: string): Promise<boolean> {
  await db.delete(twoFactorUsedCode).where(lt(twoFactorUsedCode.usedAt, sql`now() - ${USED_CODE_MEMORY}`));
  const claimed = await db
    .insert(twoFactorUsedCode)
    .values({ userId, code })
    .onConflictDoNothing()
    .returning({ code: twoFactorUsedCode.code });
  return claimed.length === 1;
}

/** Gives back a claim whose code turned out wrong (it proved nothing, so it used nothing). */
export async function releaseCode(db: Db, userId: string, code: string): Promise<void> {
  await db
    .delete(twoFactorUsedCode)
    .where(and(eq(twoFactorUsedCode.userId, userId), eq(twoFactorUsedCode.code, code)));
}

/** Removes a user's second factor (secret, recovery codes, lock) and marks it off. */
export async function removeTwoFactor(db: Db, userId: string): Promise<void> {
  await db.delete(twoFactor).where(eq(twoFactor.userId, userId));
  await db
    .update(user)
    .set({ twoFactorEnabled: false, updatedAt: sql`now()` })
    .where(eq(user.id, userId));
}

/** The user's e-mail and organization by id, for the pending sign-in a cookie names. */
export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ id: user.id, email: user.email, organizationId: user.organizationId })
    .from(user)
    .where(eq(user.id, id));
  return row;
}
