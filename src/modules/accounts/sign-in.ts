import { verifyPassword } from 'better-auth/crypto';
import { fromNodeHeaders } from 'better-auth/node';
import type { Db } from '../platform/db/client';
import type { IncomingHttpHeaders } from 'node:http';
import { recordAudit } from '../platform/audit/record-audit';
import type { AppContext } from '../platform/http/context';
import { AppError } from '../platform/errors';
import { inTransaction } from '../platform/db/transaction';
import {
  credentialHash,
  clearLoginFailures,
  findUserByEmail,
  recentFailures,
  recordLoginFailure,
} from './repository';

/** Per-address limit: a single machine trying many accounts. */
const IP_FAILURE_FACTOR = 4;

/**
 * Signs a user in with e-mail and password and returns the session cookies to set. Failed attempts
 * are counted in the database per e-mail and per address; past the limit the sign-in is refused
 * for the rest of the window, whatever the password.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
  client: { ip: string | null; headers: IncomingHttpHeaders },
): Promise<string[]> {
  const { db } = ctx.database;
  const email = input.email.trim().toLowerCase();
  const { maxFailures, windowMinutes } = ctx.config.login;
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const known = await findUserByEmail(db, email);
  const actor = {
    userId: known?.id ?? null,
    label: email,
    organizationId: known?.organizationId ?? null,
    ip: client.ip,
  };

  const failures = await recentFailures(db, email, client.ip, since);
  if (failures.byEmail >= maxFailures || failures.byIp >= maxFailures * IP_FAILURE_FACTOR) {
    await inTransaction(db, (tx) =>
      recordAudit(tx, actor, { action: 'auth.sign_in_throttled', entityType: 'user', entityId: known?.id }),
    );
    throw new AppError('TOO_MANY_ATTEMPTS', 429);
  }

  let response: Response;
  try {
    response = await ctx.auth.api.signInEmail({
      body: { email, password: input.password, rememberMe: false },
      headers: fromNodeHeaders(client.headers),
      asResponse: true,
    });
  } catch {
    response = new Response(null, { status: 401 });
  }

  if (!response.ok) {
    // A disabled account is told so only to whoever knows its password.
    const disabled = Boolean(known?.disabledAt) && (await passwordMatches(db, known!.id, input.password));
    await inTransaction(db, async (tx) => {
      await recordLoginFailure(tx, email, client.ip);
      await recordAudit(tx, actor, {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: known?.id,
      });
    });
    if (disabled) throw new AppError('ACCOUNT_DISABLED', 403);
    throw new AppError('INVALID_CREDENTIALS', 401);
  }

  await inTransaction(db, async (tx) => {
    await clearLoginFailures(tx, email);
    await recordAudit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: known?.id });
  });
  return response.headers.getSetCookie();
}

async function passwordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const hash = await credentialHash(db, userId);
  return hash ? verifyPassword({ hash, password }) : false;
}
