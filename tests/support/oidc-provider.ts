import http from 'node:http';
import net from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real, certified OpenID Connect provider (`oidc-provider`) inside the test process, for single
 * sign-on tests (ADR 0034): discovery, signed ID tokens, PKCE, nonce and `iss` in the answer. Its
 * sign-in page is the package's development page: any login (the person's `sub`) and any password.
 * Consent is taken as given, as an institution's own provider does for its own applications.
 */
export type TestIdentity = { sub: string; email: string; name: string; emailVerified?: boolean };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

/** A port free now, for an app whose address must be known before it starts (its callback). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startOidcProvider(options: {
  /** Vincula's callback addresses this client may be sent back to. */
  redirectUris: string[];
  identities: TestIdentity[];
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const clientId = 'vincula-pruebas';
  const clientSecret = 'secreto-del-cliente-de-pruebas-0123456789';
  const byId = new Map(options.identities.map((i) => [i.sub, i]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => {
      const found = byId.get(sub);
      if (!found) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: found.email,
          email_verified: found.emailVerified ?? true,
          name: found.name,
        }),
      };
    },
    // Every ID token carries the claims (no userinfo round trip), as Entra ID and Google do.
    conformIdTokenClaims: false,
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    cookies: { keys: ['llave-de-cookies-del-proveedor-de-pruebas'] },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What a browser does between Vincula and the provider, by hand: cookies per origin, redirects
 * followed one at a time, the provider's sign-in form filled. For HTTP tests that must see (and
 * may tamper with) each step; browser tests use Chromium.
 */
export class RedirectWalker {
  private jars = new Map<string, Map<string, string>>();

  constructor(private readonly accept = 'application/json') {}

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const jar = this.jars.get(target.origin) ?? new Map<string, string>();
    this.jars.set(target.origin, jar);
    const res = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        accept: this.accept,
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      if (pair!.slice(i + 1) === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location ? new URL(location, target).toString() : null,
      text: await res.text(),
    };
  }

  /** The cookies this walker holds for an origin (e.g. Vincula's session). */
  cookies(origin: string): Map<string, string> {
    return this.jars.get(new URL(origin).origin) ?? new Map();
  }

  /**
   * Starts signing in with `providerId` at Vincula, signs in at the provider as `sub` and returns
   * the address the provider sends the browser back to (Vincula's callback), not yet followed.
   */
  async signInAtProvider(appUrl: string, providerId: string, sub: string): Promise<string> {
    const start = await this.request(`${appUrl}/api/sso/${providerId}`);
    if (start.status !== 302 || !start.location) throw new Error(`start: ${start.status} ${start.text}`);
    let next = start.location;
    for (let hop = 0; hop < 10; hop++) {
      const step = await this.request(next);
      if (step.location) {
        if (step.location.startsWith(appUrl)) return step.location;
        next = step.location;
        continue;
      }
      const action = /<form[^>]*action="([^"]+)"/.exec(step.text)?.[1];
      if (step.status !== 200 || !action)
        throw new Error(`provider: ${step.status} ${step.text.slice(0, 300)}`);
      const posted = await this.request(new URL(action, next).toString(), {
        form: { prompt: 'login', login: sub, password: 'cualquiera' },
      });
      if (!posted.location) throw new Error(`provider login: ${posted.status} ${posted.text.slice(0, 300)}`);
      next = posted.location;
    }
    throw new Error('the provider never sent the browser back');
  }
}
