import type { IncomingHttpHeaders } from 'node:http';
import { recordAudit } from '../platform/audit/record-audit';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import type { AppContext } from '../platform/http/context';
import { auditActor, type Actor } from './actor';
import { authHeaders } from './auth';
import { errorResponse } from './complete-sign-in';
import { wrongPassword } from './enrol-two-factor';

/**
 * Turns the signed-in person's own second factor off after confirming the password, unless their
 * organization requires it of their role (then only an administrator's reset removes it, to enrol
 * a new phone). Returns the cookies of the session better-auth renews.
 */
export async function disableTwoFactor(
  ctx: AppContext,
  actor: Actor,
  password: string,
  headers: IncomingHttpHeaders,
): Promise<string[]> {
  if (!actor.twoFactor.enabled)
    throw new AppError(
      'TWO_FACTOR_NOT_STARTED',
      409,
      [],
      'La verificación en dos pasos no está activa en esta cuenta.',
    );
  if (actor.twoFactor.required) throw new AppError('TWO_FACTOR_REQUIRED_BY_ROLE', 409);
  let response: Response;
  try {
    response = await ctx.auth.api.disableTwoFactor({
      body: { password },
      headers: authHeaders(headers, actor.ip),
      asResponse: true,
    });
  } catch (error) {
    response = errorResponse(error);
  }
  if (!response.ok) throw wrongPassword();
  await inTransaction(ctx.database.db, (tx) =>
    recordAudit(tx, auditActor(actor), {
      action: 'auth.two_factor_disabled',
      entityType: 'user',
      entityId: actor.userId,
    }),
  );
  return response.headers.getSetCookie();
}
