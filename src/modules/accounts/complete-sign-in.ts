import type { IncomingHttpHeaders } from 'node:http';
import { APIError } from 'better-auth/api';
import { ERROR_CODES } from '../../shared/errors';
import { recordAudit, type AuditActor } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import type { AppContext } from '../platform/http/context';
import { cookieValue, verifiedCookieValue } from './actor';
import { authHeaders } from './auth';
import { countAttempt, recordSuccess, SignInThrottled, throttleKeys } from './sign-in';
import { signInPolicy } from './throttle-rules';
import { authenticatorCode } from './two-factor-contract';
import { claimCode, findUserById, releaseCode } from './two-factor-repository';

type Client = { ip: string | null; headers: IncomingHttpHeaders };

/**
 * The second step of signing in (ADR 0028): the code of the authenticator app, or a recovery code
 * (each works once; better-auth's plugin strikes it off). The pending sign-in is better-auth's
 * signed `two_factor` cookie, set with the right password and good for ten minutes. Each code is
 * an attempt on the sign-in counters (sign-in.ts), and the plugin also ends a pending sign-in after
 * five wrong codes and locks the account's codes after ten in a row. A code that already opened a
 * session is refused even within its 30 seconds.
 */
export async function completeSignIn(ctx: AppContext, typed: string, client: Client): Promise<string[]> {
  const { db } = ctx.database;
  const pending = await pendingSignIn(ctx, client.headers);
  if (!pending) throw new AppError('SIGN_IN_EXPIRED', 410);
  const actor: AuditActor = {
    userId: pending.id,
    label: pending.email,
    organizationId: pending.organizationId,
    ip: client.ip,
  };
  const keys = throttleKeys(pending.email, client.ip || 'desconocida');
  await countAttempt(ctx, keys, actor, pending.id);

  const totp = authenticatorCode(typed);
  const code = totp ?? typed.trim();
  if (totp && !(await claimCode(db, pending.id, totp))) {
    await failed(db, actor, 'totp');
    throw codeProblem('CODE_ALREADY_USED');
  }

  const request = {
    body: { code },
    headers: authHeaders(client.headers, client.ip),
    asResponse: true as const,
  };
  let response: Response;
  try {
    response = totp ? await ctx.auth.api.verifyTOTP(request) : await ctx.auth.api.verifyBackupCode(request);
  } catch (error) {
    response = errorResponse(error);
  }

  if (!response.ok) {
    if (totp) await releaseCode(db, pending.id, totp);
    await failed(db, actor, totp ? 'totp' : 'recovery_code');
    throw await refusal(response, totp !== null);
  }

  await inTransaction(db, async (tx) => {
    await recordSuccess(tx, keys, signInPolicy(ctx.config.login));
    await recordAudit(tx, actor, {
      action: totp ? 'auth.sign_in' : 'auth.sign_in_recovery_code',
      entityType: 'user',
      entityId: pending.id,
      after: { secondFactor: totp ? 'totp' : 'recovery_code' },
    });
  });
  return response.headers.getSetCookie();
}

/** The user whose right password opened the pending sign-in, while it lasts. */
async function pendingSignIn(ctx: AppContext, headers: IncomingHttpHeaders) {
  if (!headers.cookie) return undefined;
  const auth = await ctx.auth.$context;
  const name = auth.createAuthCookie('two_factor').name;
  const identifier = verifiedCookieValue(cookieValue(headers.cookie, name), ctx.config.secret);
  if (!identifier) return undefined;
  const found = await auth.internalAdapter.findVerificationValue(identifier);
  if (!found || found.expiresAt <= new Date()) return undefined;
  return findUserById(ctx.database.db, found.value);
}

function failed(db: Db, actor: AuditActor, secondFactor: 'totp' | 'recovery_code') {
  return inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'auth.two_factor_failed',
      entityType: 'user',
      entityId: actor.userId,
      after: { secondFactor },
    }),
  );
}

/** A refused code, placed on the form's code field. */
export function codeProblem(
  code: 'INVALID_CODE' | 'CODE_ALREADY_USED',
  message: string = ERROR_CODES[code],
): AppError {
  return new AppError(code, 400, [{ path: 'code', message }], message);
}

/** better-auth's refusal as Vincula's: a wrong code, an ended pending sign-in, a locked account. */
async function refusal(response: Response, totp: boolean): Promise<AppError> {
  const body = (await response.json().catch(() => null)) as { code?: string } | null;
  switch (body?.code) {
    case 'INVALID_TWO_FACTOR_COOKIE':
      return new AppError('SIGN_IN_EXPIRED', 410);
    case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
      return new AppError(
        'SIGN_IN_EXPIRED',
        410,
        [],
        'Demasiados códigos incorrectos para este inicio de sesión. Escriba de nuevo su correo y contraseña.',
      );
    case 'ACCOUNT_TEMPORARILY_LOCKED':
      return new SignInThrottled(
        15 * 60,
        'Demasiados códigos incorrectos seguidos: los códigos de esta cuenta quedaron bloqueados 15 minutos.',
      );
    default:
      return totp
        ? codeProblem('INVALID_CODE')
        : codeProblem(
            'INVALID_CODE',
            'El código de recuperación no es correcto o ya se usó. Cada código de recuperación sirve una sola vez.',
          );
  }
}

/** better-auth throws APIError from its server API for some refusals even when asked for a Response. */
export function errorResponse(error: unknown): Response {
  if (error instanceof APIError) {
    return new Response(JSON.stringify(error.body ?? {}), {
      status: error.statusCode,
      headers: { 'content-type': 'application/json' },
    });
  }
  throw error;
}
