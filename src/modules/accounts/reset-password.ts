import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { RESET_IDENTIFIER_PREFIX, type Auth } from './auth';
import { assertAcceptablePassword } from './password-policy';
import { findResetLink } from './repository';
import { linkTokenHash } from './tokens';

type Link = NonNullable<Awaited<ReturnType<typeof findResetLink>>>;

/**
 * The account a reset link is for. 404 unknown or spent (better-auth deletes a link once used),
 * 410 expired; a disabled account or a suspended organization's is answered as unknown.
 */
async function usableLink(db: Db, token: string): Promise<Link> {
  const link = await findResetLink(db, linkTokenHash(RESET_IDENTIFIER_PREFIX + token));
  if (!link || link.disabledAt || link.orgSuspendedAt) throw new AppError('RESET_LINK_INVALID', 404);
  if (link.expiresAt.getTime() <= new Date(link.now).getTime()) throw new AppError('RESET_LINK_EXPIRED', 410);
  return link;
}

/** Who a reset link is for, for the page that sets the new password. */
export async function readResetLink(db: Db, token: string) {
  const link = await usableLink(db, token);
  return { email: link.email, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Sets a new password with a reset link: checked against the policy first, then better-auth spends
 * the link, stores the password and ends every session of the account in one transaction.
 */
export async function resetPassword(
  deps: { db: Db; auth: Auth },
  token: string,
  password: string,
  ip: string | null,
): Promise<void> {
  const link = await usableLink(deps.db, token);
  assertAcceptablePassword(password, 'password', [link.name, link.email]);
  try {
    await deps.auth.api.resetPassword({ body: { token, newPassword: password } });
  } catch {
    // Spent by a request that won the race (better-auth consumes the link atomically).
    throw new AppError('RESET_LINK_INVALID', 404);
  }
  await inTransaction(deps.db, (tx) =>
    recordAudit(
      tx,
      { userId: link.userId, label: `${link.name} <${link.email}>`, organizationId: link.organizationId, ip },
      { action: 'auth.password_reset', entityType: 'user', entityId: link.userId },
    ),
  );
}
