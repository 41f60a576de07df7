import type { IncomingHttpHeaders } from 'node:http';
import type { AppContext } from '../platform/http/context';
import { authHeaders } from './auth';
import { errorResponse } from './complete-sign-in';
import { SsoRefused } from './sso-refusal';

/**
 * Sends the browser to the provider (ADR 0034). better-auth's genericOAuth plugin writes the
 * authorization request: a random state (kept in the database and in a signed cookie), the PKCE
 * challenge and the ID token's nonce; the answer's cookies carry the state to the callback.
 */
export async function startSsoSignIn(
  ctx: AppContext,
  providerId: string,
  client: { ip: string | null; headers: IncomingHttpHeaders },
): Promise<{ url: string; cookies: string[] }> {
  if (!ctx.config.sso.some((p) => p.id === providerId)) {
    throw new SsoRefused('desconocido');
  }
  let response: Response;
  try {
    response = await ctx.auth.api.signInSocial({
      body: {
        provider: providerId,
        callbackURL: `${ctx.config.publicUrl}/`,
        errorCallbackURL: `${ctx.config.publicUrl}/iniciar-sesion`,
        disableRedirect: true,
      },
      headers: authHeaders(client.headers, client.ip),
      asResponse: true,
    });
  } catch (error) {
    response = errorResponse(error);
  }
  // The provider's discovery document could not be read (at start-up and again now).
  const body = response.ok ? ((await response.json()) as { url?: unknown }) : null;
  if (typeof body?.url !== 'string') throw new SsoRefused('no-disponible');
  return { url: body.url, cookies: response.headers.getSetCookie() };
}
