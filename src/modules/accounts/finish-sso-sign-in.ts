import type { IncomingHttpHeaders } from 'node:http';
import { recordAudit } from '../platform/audit/record-audit';
import { inTransaction } from '../platform/db/transaction';
import type { AppContext } from '../platform/http/context';
import { verifiedCookieValue } from './actor';
import { authHeaders } from './auth';
import { errorResponse } from './complete-sign-in';
import type { SsoRefusal } from './sso-contract';
import { GATE_REFUSALS } from './sso-providers';
import { findOrganizationIdByAcronym, findSessionUser } from './sso-repository';
import { SsoRefused } from './sso-refusal';

type Client = { ip: string | null; headers: IncomingHttpHeaders };

/**
 * The provider sent the browser back (ADR 0034). better-auth's callback does the checks: the
 * state against its database row and signed cookie, the issuer (`iss`), the code exchanged with
 * the PKCE verifier, the ID token's signature, issuer, audience and nonce; then it finds the
 * Vincula account by the provider's e-mail (never creating one), runs Vincula's gate
 * (sso-providers.ts) and opens the session. Its answer is a redirect: to the app with the session
 * cookie, or to the error address with a code, which becomes one of Vincula's refusals.
 */
export async function finishSsoSignIn(
  ctx: AppContext,
  providerId: string,
  query: Record<string, string | undefined>,
  client: Client,
): Promise<string[]> {
  const provider = ctx.config.sso.find((p) => p.id === providerId);
  if (!provider) throw new SsoRefused('desconocido');
  let response: Response;
  try {
    response = await ctx.auth.api.callbackOAuth({
      method: 'GET',
      params: { id: providerId },
      query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
      headers: authHeaders(client.headers, client.ip),
      asResponse: true,
    });
  } catch (error) {
    response = errorResponse(error);
  }
  const location = response.headers.get('location');
  const failure = location ? new URL(location, ctx.config.publicUrl).searchParams.get('error') : 'respuesta';
  const organizationId = (await findOrganizationIdByAcronym(ctx.database.db, provider.organization)) ?? null;
  const token = failure === null ? await sessionTokenIn(ctx, response.headers.getSetCookie()) : null;
  const signedIn = token ? await findSessionUser(ctx.database.db, token) : undefined;

  if (!signedIn) {
    const reason = refusalOf(failure ?? '');
    // The gate recorded its own refusals with the person it refused.
    if (!Object.values(GATE_REFUSALS).includes(failure as never)) {
      await inTransaction(ctx.database.db, (tx) =>
        recordAudit(
          tx,
          { userId: null, label: provider.label, organizationId, ip: client.ip },
          {
            action: 'auth.sign_in_failed',
            entityType: 'user',
            after: { method: 'sso', provider: provider.id, reason, error: (failure ?? '').slice(0, 100) },
          },
        ),
      );
    }
    throw new SsoRefused(reason);
  }
  await inTransaction(ctx.database.db, (tx) =>
    recordAudit(
      tx,
      { userId: signedIn.id, label: signedIn.email, organizationId: signedIn.organizationId, ip: client.ip },
      {
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: signedIn.id,
        after: { method: 'sso', provider: provider.id },
      },
    ),
  );
  return response.headers.getSetCookie();
}

/** better-auth's error codes (and the provider's own, passed through) as Vincula's reasons. */
function refusalOf(code: string): SsoRefusal {
  switch (code) {
    case 'state_not_found':
    case 'state_mismatch':
    case 'state_invalid':
    case 'state_security_mismatch':
    case 'invalid_callback_request':
    case 'please_restart_the_process':
      return 'estado';
    case 'issuer_mismatch':
    case 'issuer_missing':
      return 'emisor';
    case 'no_code':
    case 'invalid_code':
    case 'unable_to_get_user_info':
    case 'nonce_binding_missing':
    case 'email_not_found':
    case 'respuesta':
      return 'respuesta';
    case 'oauth_provider_not_found':
      return 'no-disponible';
    case 'signup_disabled':
      return 'sin-cuenta';
    // Linking needs the provider's word that the e-mail is verified (or a trusted provider).
    case 'account_not_linked':
      return 'sin-verificar';
    case GATE_REFUSALS.domain:
    case 'account_already_linked_to_different_user':
    case 'email_does_not_match':
      return 'dominio';
    case GATE_REFUSALS.disabled:
    case 'unable_to_create_session':
      return 'desactivada';
    case GATE_REFUSALS.suspended:
      return 'suspendida';
    default:
      return 'proveedor';
  }
}

/** The session token in the answer's cookies, when better-auth opened a session. */
async function sessionTokenIn(ctx: AppContext, cookies: string[]): Promise<string | null> {
  const name = (await ctx.auth.$context).authCookies.sessionToken.name;
  for (const cookie of cookies) {
    const [pair] = cookie.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq).trim() !== name) continue;
    try {
      return verifiedCookieValue(decodeURIComponent(pair!.slice(eq + 1)), ctx.config.secret);
    } catch {
      return null;
    }
  }
  return null;
}
