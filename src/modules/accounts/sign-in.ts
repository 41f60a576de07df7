import { verifyPassword } from 'better-auth/crypto';
import type { Db } from '../platform/db/client';
import type { IncomingHttpHeaders } from 'node:http';
import { recordAudit, type AuditActor } from '../platform/audit/record-audit';
import type { AppContext } from '../platform/http/context';
import { AppError } from '../platform/errors';
import { inTransaction } from '../platform/db/transaction';
import { authHeaders } from './auth';
import { buttonNames, readSsoPolicy } from './sso-policy';
import {
  credentialHash,
  findUserByEmail,
  lockThrottleCounters,
  pruneThrottleCounters,
  saveThrottleCounters,
  type ThrottleKey,
  type ThrottleRow,
} from './repository';
import {
  afterSuccess,
  decideAttempt,
  retryText,
  signInPolicy,
  type ThrottleCounters,
  type ThrottlePolicy,
} from './throttle-rules';

/** A refused attempt: the message says how long to wait, `retryAfterSeconds` feeds Retry-After. */
export class SignInThrottled extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('TOO_MANY_ATTEMPTS', 429, [], message);
  }
}

/**
 * The password was right and the account has a second factor: the session opens only with a code
 * (ADR 0028). `cookies` carry the pending sign-in (better-auth's signed `two_factor` cookie).
 */
export class TwoFactorRequired extends AppError {
  constructor(readonly cookies: string[]) {
    super('TWO_FACTOR_REQUIRED', 401);
  }
}

/**
 * Signs a user in with e-mail and password and returns the session cookies to set. Each attempt is
 * counted in the database before its password is checked (throttle-rules.ts); one the counts
 * refuse is answered 429 with the wait, whatever the password.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
  client: { ip: string | null; headers: IncomingHttpHeaders },
): Promise<string[]> {
  const { db } = ctx.database;
  const email = input.email.trim().toLowerCase();
  const policy = signInPolicy(ctx.config.login);
  const keys = throttleKeys(email, client.ip || 'desconocida');
  const known = await findUserByEmail(db, email);
  const actor = {
    userId: known?.id ?? null,
    label: email,
    organizationId: known?.organizationId ?? null,
    ip: client.ip,
  };

  await countAttempt(ctx, keys, actor, known?.id);
  await refuseWhereSsoRequired(ctx, known, input.password, actor);

  let response: Response;
  try {
    response = await ctx.auth.api.signInEmail({
      body: { email, password: input.password, rememberMe: false },
      headers: authHeaders(client.headers, client.ip),
      asResponse: true,
    });
  } catch {
    response = new Response(null, { status: 401 });
  }

  if (!response.ok) {
    // A disabled account (or a suspended organization) is told so only to whoever knows its password.
    const disabled = Boolean(known?.disabledAt) && (await passwordMatches(db, known!.id, input.password));
    const suspended =
      !disabled && Boolean(known?.orgSuspendedAt) && (await passwordMatches(db, known!.id, input.password));
    await inTransaction(db, (tx) =>
      recordAudit(tx, actor, { action: 'auth.sign_in_failed', entityType: 'user', entityId: known?.id }),
    );
    await pruneThrottleCounters(db);
    if (disabled) throw new AppError('ACCOUNT_DISABLED', 403);
    if (suspended) throw new AppError('ORGANIZATION_SUSPENDED', 403);
    throw new AppError('INVALID_CREDENTIALS', 401);
  }

  if (await asksForSecondFactor(response)) {
    // Not a success yet: the counts stay until the code is right, so that a known password does
    // not buy fresh code guesses (complete-sign-in.ts counts them on the same counters).
    throw new TwoFactorRequired(response.headers.getSetCookie());
  }

  await inTransaction(db, async (tx) => {
    await recordSuccess(tx, keys, policy);
    await recordAudit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: known?.id });
  });
  return response.headers.getSetCookie();
}

/**
 * An organization that requires its institutional accounts (ADR 0034) refuses passwords: said only
 * to whoever typed the right one (as a disabled account is), so that nobody learns from the answer
 * which addresses belong to such an organization; a wrong password is answered as any other.
 */
async function refuseWhereSsoRequired(
  ctx: AppContext,
  known: { id: string; organizationId: string } | undefined,
  password: string,
  actor: AuditActor,
): Promise<void> {
  if (!known) return;
  const policy = await readSsoPolicy(ctx.database.db, ctx.config, known.organizationId);
  if (!policy.required || !(await passwordMatches(ctx.database.db, known.id, password))) return;
  await inTransaction(ctx.database.db, (tx) =>
    recordAudit(tx, actor, {
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: known.id,
      after: { method: 'password', reason: 'sso_required' },
    }),
  );
  throw new AppError(
    'SSO_REQUIRED',
    403,
    [],
    `Su institución entra con su cuenta institucional: use ${buttonNames(policy.providers)}.`,
  );
}

/** better-auth's twoFactor plugin answers a right password with `{ twoFactorRedirect: true }`. */
async function asksForSecondFactor(response: Response): Promise<boolean> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return Boolean(body && typeof body === 'object' && 'twoFactorRedirect' in body && body.twoFactorRedirect);
}

/**
 * Counts one attempt on the account's and the address's counters before anything is checked, or
 * refuses it (429, audited) while a wait applies. Passwords and second-factor codes count alike.
 */
export async function countAttempt(
  ctx: AppContext,
  keys: ThrottleKey[],
  actor: AuditActor,
  userId: string | undefined,
): Promise<void> {
  const { db } = ctx.database;
  const policy = signInPolicy(ctx.config.login);
  const claim = await inTransaction(db, async (tx) => {
    const { now, rows } = await lockThrottleCounters(tx, keys);
    const decision = decideAttempt(countersOf(keys, rows), now, policy);
    if (decision.allowed) await saveThrottleCounters(tx, rowsOf(keys, decision.next));
    return { now, decision };
  });
  if (!claim.decision.allowed) {
    const { retryAt } = claim.decision;
    await inTransaction(db, (tx) =>
      recordAudit(tx, actor, { action: 'auth.sign_in_throttled', entityType: 'user', entityId: userId }),
    );
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - claim.now.getTime()) / 1000));
    throw new SignInThrottled(seconds, retryText(claim.now, retryAt));
  }
}

/** The address's, the account's and the pair's counters, in the order their rows are locked. */
export function throttleKeys(email: string, address: string): ThrottleKey[] {
  return [
    { email: '', ipAddress: address },
    { email, ipAddress: '' },
    { email, ipAddress: address },
  ];
}

function countersOf(keys: ThrottleKey[], rows: ThrottleRow[]): ThrottleCounters {
  const find = (k: ThrottleKey) => {
    const row = rows.find((r) => r.email === k.email && r.ipAddress === k.ipAddress);
    if (!row) throw new Error('sign-in counter missing after it was created');
    return row;
  };
  const [address, account, pair] = keys.map(find) as [ThrottleRow, ThrottleRow, ThrottleRow];
  return { pair, account, address };
}

function rowsOf(keys: ThrottleKey[], counters: ThrottleCounters): ThrottleRow[] {
  const [address, account, pair] = keys as [ThrottleKey, ThrottleKey, ThrottleKey];
  return [
    { ...counters.address, ...address },
    { ...counters.account, ...account },
    { ...counters.pair, ...pair },
  ];
}

export async function recordSuccess(tx: Db, keys: ThrottleKey[], policy: ThrottlePolicy): Promise<void> {
  const { now, rows } = await lockThrottleCounters(tx, keys);
  await saveThrottleCounters(tx, rowsOf(keys, afterSuccess(countersOf(keys, rows), now, policy)));
}

async function passwordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const hash = await credentialHash(db, userId);
  return hash ? verifyPassword({ hash, password }) : false;
}
