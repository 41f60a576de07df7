import { fromNodeHeaders } from 'better-auth/node';
import type { IncomingHttpHeaders } from 'node:http';
import { recordAudit } from '../platform/audit/record-audit';
import type { AppContext } from '../platform/http/context';
import { inTransaction } from '../platform/db/transaction';
import { auditActor, type Actor } from './actor';

/** Ends the current session and returns the cookies that clear it in the browser. */
export async function signOut(
  ctx: AppContext,
  actor: Actor,
  headers: IncomingHttpHeaders,
): Promise<string[]> {
  const response = await ctx.auth.api.signOut({ headers: fromNodeHeaders(headers), asResponse: true });
  await inTransaction(ctx.database.db, (tx) =>
    recordAudit(tx, auditActor(actor), {
      action: 'auth.sign_out',
      entityType: 'user',
      entityId: actor.userId,
    }),
  );
  return response.headers.getSetCookie();
}
