import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { findInvitation, markInvitationUsed, setUserPassword } from './repository';
import { assertAcceptablePassword } from './password-policy';
import { linkTokenHash } from './tokens';

type Found = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

/** 404 unknown, 410 used or expired, 403 when the organization is suspended. */
function assertUsable(found: Found | undefined): asserts found is Found {
  if (!found) throw new AppError('INVITATION_INVALID', 404);
  if (found.usedAt) throw new AppError('INVITATION_USED', 410);
  if (found.expiresAt.getTime() <= new Date(found.now).getTime())
    throw new AppError('INVITATION_EXPIRED', 410);
  if (found.orgSuspendedAt) throw new AppError('ORGANIZATION_SUSPENDED', 403);
}

/** Who an invitation is for, to greet them on the page that sets the password. */
export async function readInvitation(db: Db, token: string) {
  const found = await findInvitation(db, linkTokenHash(token));
  assertUsable(found);
  return {
    name: found.name,
    email: found.email,
    organization: { name: found.orgName, acronym: found.orgAcronym },
    expiresAt: found.expiresAt.toISOString(),
  };
}

/** Sets the invited user's password and spends the invitation; they then sign in as usual. */
export async function acceptInvitation(
  db: Db,
  token: string,
  password: string,
  ip: string | null,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const found = await findInvitation(tx, linkTokenHash(token), true);
    assertUsable(found);
    assertAcceptablePassword(password, 'password', [found.name, found.email]);
    await setUserPassword(tx, found.userId, passwordHash);
    await markInvitationUsed(tx, found.id);
    await recordAudit(
      tx,
      {
        userId: found.userId,
        label: `${found.name} <${found.email}>`,
        organizationId: found.organizationId,
        ip,
      },
      { action: 'invitation.accept', entityType: 'user', entityId: found.userId },
    );
  });
}
