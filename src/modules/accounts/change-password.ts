import type { IncomingHttpHeaders } from 'node:http';
import { recordAudit } from '../platform/audit/record-audit';
import type { AppContext } from '../platform/http/context';
import { AppError } from '../platform/errors';
import { inTransaction } from '../platform/db/transaction';
import { auditActor, type Actor } from './actor';
import { authHeaders } from './auth';
import { assertAcceptablePassword } from './password-policy';

/**
 * Changes the signed-in user's own password after checking the current one; other sessions of
 * the user are closed. Returns the refreshed session cookies.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  headers: IncomingHttpHeaders,
): Promise<string[]> {
  assertAcceptablePassword(input.newPassword, 'newPassword', [actor.name, actor.email]);
  let response: Response;
  try {
    response = await ctx.auth.api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: authHeaders(headers, actor.ip),
      asResponse: true,
    });
  } catch {
    response = new Response(null, { status: 400 });
  }
  if (!response.ok) {
    throw new AppError('WRONG_PASSWORD', 400, [
      { path: 'currentPassword', message: 'La contraseña actual no es correcta' },
    ]);
  }
  await inTransaction(ctx.database.db, (tx) =>
    recordAudit(tx, auditActor(actor), {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: actor.userId,
    }),
  );
  return response.headers.getSetCookie();
}
