import type { IncomingHttpHeaders } from 'node:http';
import QRCode from 'qrcode';
import { recordAudit } from '../platform/audit/record-audit';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import type { AppContext } from '../platform/http/context';
import { auditActor, type Actor } from './actor';
import { authHeaders } from './auth';
import { codeProblem, errorResponse } from './complete-sign-in';
import { authenticatorCode } from './two-factor-contract';
import { claimCode, releaseCode } from './two-factor-repository';

/**
 * Starts enrolling an authenticator app (ADR 0028): after the password is confirmed (a session
 * left open is not enough to add a factor), better-auth's plugin keeps a new secret, unconfirmed
 * until the first code. Starting again replaces an unconfirmed secret.
 */
export async function startTwoFactorEnrolment(
  ctx: AppContext,
  actor: Actor,
  password: string,
  headers: IncomingHttpHeaders,
): Promise<{ uri: string; secret: string; qrCode: string }> {
  if (actor.twoFactor.enabled) throw new AppError('TWO_FACTOR_ALREADY_ENABLED', 409);
  let response: Response;
  try {
    response = await ctx.auth.api.enableTwoFactor({
      body: { password, issuer: `Vincula ${actor.organization.acronym}` },
      headers: authHeaders(headers, actor.ip),
      asResponse: true,
    });
  } catch (error) {
    response = errorResponse(error);
  }
  if (!response.ok) throw wrongPassword();
  // The recovery codes generated now are shown only after the first code confirms the app.
  const { totpURI } = (await response.json()) as { totpURI: string };
  const secret = new URL(totpURI).searchParams.get('secret');
  if (!secret) throw new Error('better-auth answered a TOTP address without its secret');
  const svg = await QRCode.toString(totpURI, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri: totpURI, secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Confirms the enrolment with a first code: from then on every sign-in asks for one. Answers the
 * ten recovery codes, shown this once, and the cookies of the session better-auth renews.
 */
export async function confirmTwoFactorEnrolment(
  ctx: AppContext,
  actor: Actor,
  typed: string,
  headers: IncomingHttpHeaders,
): Promise<{ recoveryCodes: string[]; cookies: string[] }> {
  if (actor.twoFactor.enabled) throw new AppError('TWO_FACTOR_ALREADY_ENABLED', 409);
  const code = authenticatorCode(typed);
  if (!code) throw codeProblem('INVALID_CODE', 'Escriba los seis dígitos que muestra su aplicación');
  const { db } = ctx.database;
  if (!(await claimCode(db, actor.userId, code))) throw codeProblem('CODE_ALREADY_USED');
  let response: Response;
  try {
    response = await ctx.auth.api.verifyTOTP({
      body: { code },
      headers: authHeaders(headers, actor.ip),
      asResponse: true,
    });
  } catch (error) {
    response = errorResponse(error);
  }
  if (!response.ok) {
    await releaseCode(db, actor.userId, code);
    const body = (await response.json().catch(() => null)) as { code?: string } | null;
    if (body?.code === 'TOTP_NOT_ENABLED') throw new AppError('TWO_FACTOR_NOT_STARTED', 409);
    await inTransaction(db, (tx) =>
      recordAudit(tx, auditActor(actor), {
        action: 'auth.two_factor_failed',
        entityType: 'user',
        entityId: actor.userId,
        after: { secondFactor: 'totp', enrolment: true },
      }),
    );
    throw codeProblem('INVALID_CODE');
  }
  const { backupCodes } = await ctx.auth.api.viewBackupCodes({ body: { userId: actor.userId } });
  await inTransaction(db, (tx) =>
    recordAudit(tx, auditActor(actor), {
      action: 'auth.two_factor_enabled',
      entityType: 'user',
      entityId: actor.userId,
    }),
  );
  return { recoveryCodes: backupCodes, cookies: response.headers.getSetCookie() };
}

export function wrongPassword(): AppError {
  return new AppError('WRONG_PASSWORD', 400, [{ path: 'password', message: 'La contraseña no es correcta' }]);
}
