import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { AuditActor } from '../platform/audit/record-audit';
import type { AppContext } from '../platform/http/context';
import { forbidden, notFound, unauthenticated } from '../platform/errors';
import { PERMISSIONS, hasPermission, type Permission, type Role } from './contract';
import { SESSION_EXPIRES_IN, SESSION_UPDATE_AGE, type Auth } from './auth';
import { organization, session, user } from './schema';
import { twoFactorRequiredFor } from './two-factor-contract';

/** The signed-in user on whose behalf a request runs. Every query is scoped to its organization. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  organization: {
    id: string;
    name: string;
    acronym: string;
    kind: 'national_authority' | 'local_body' | 'installation';
  };
  /** An installation operator (a user of the installation's own tenant, ADR 0023). */
  operator: boolean;
  roles: Role[];
  areaIds: string[];
  ip: string | null;
  /** Second factor (ADR 0028): on, and whether the organization requires it of these roles. */
  twoFactor: { enabled: boolean; required: boolean };
  /**
   * Set only on the view of an actor working an absent person's queue (ADR 0035): `areaIds` and
   * `roles` are then the absent person's, and what this actor does is recorded «por ausencia de».
   */
  onBehalfOf?: { userId: string; name: string; email: string };
};

/** An audit actor that acts within one organization. */
export type ScopedAuditActor = AuditActor & { organizationId: string };

export function auditActor(actor: Actor): ScopedAuditActor {
  return {
    userId: actor.userId,
    label: `${actor.name} <${actor.email}>`,
    organizationId: actor.organizationId,
    ip: actor.ip,
    onBehalfOf: actor.onBehalfOf
      ? { userId: actor.onBehalfOf.userId, label: `${actor.onBehalfOf.name} <${actor.onBehalfOf.email}>` }
      : null,
  };
}

const resolved = new WeakMap<FastifyRequest, Actor | null>();

const actorColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
  disabledAt: user.disabledAt,
  org: {
    id: organization.id,
    name: organization.name,
    acronym: organization.acronym,
    kind: organization.kind,
  },
  orgSuspendedAt: organization.suspendedAt,
  twoFactorEnabled: user.twoFactorEnabled,
  twoFactorRoles: sql<
    string[] | null
  >`(select p.required_roles from organization_two_factor_policy p where p.organization_id = "user"."organization_id")`,
  areaIds: sql<
    string[]
  >`coalesce((select array_agg(ua.area_id) from user_area ua where ua.user_id = "user"."id"), '{}')`,
};
type ActorRow = {
  id: string;
  name: string;
  email: string;
  roles: string[] | null;
  disabledAt: Date | null;
  org: Actor['organization'];
  orgSuspendedAt: Date | null;
  twoFactorEnabled: boolean;
  twoFactorRoles: string[] | null;
  areaIds: string[];
};

function toActor(row: ActorRow | undefined, ip: string | null): Actor | null {
  // A suspended organization's sessions end at once, like a disabled user's.
  if (!row || row.disabledAt || row.orgSuspendedAt) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    organizationId: row.org.id,
    organization: row.org,
    operator: row.org.kind === 'installation',
    roles: row.roles as Role[],
    areaIds: row.areaIds,
    ip,
    twoFactor: {
      enabled: row.twoFactorEnabled,
      required: twoFactorRequiredFor(row.roles as Role[], row.twoFactorRoles ?? []),
    },
  };
}

async function actorWhere(db: Db, where: SQL, ip: string | null): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(user)
    .innerJoin(organization, eq(organization.id, user.organizationId))
    .where(where);
  return toActor(row, ip);
}

/**
 * The query every request runs, prepared once per database (PostgreSQL plans it once per
 * connection instead of on each request).
 */
const preparedActorQueries = new WeakMap<Db, ReturnType<typeof prepareActorQuery>>();
function prepareActorQuery(db: Db) {
  return db
    .select({ ...actorColumns, expiresAt: session.expiresAt })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .innerJoin(organization, eq(organization.id, user.organizationId))
    .where(eq(session.token, sql.placeholder('token')))
    .prepare('vincula_actor_by_session');
}
function actorBySessionToken(db: Db) {
  let query = preparedActorQueries.get(db);
  if (!query) {
    query = prepareActorQuery(db);
    preparedActorQueries.set(db, query);
  }
  return query;
}

/** The names of better-auth's session cookies, read once per auth instance. */
const cookieNames = new WeakMap<Auth, Promise<{ session: string; dontRemember: string }>>();
function sessionCookieNames(auth: Auth) {
  let names = cookieNames.get(auth);
  if (!names) {
    names = auth.$context.then((c) => ({
      session: c.authCookies.sessionToken.name,
      dontRemember: c.authCookies.dontRememberToken.name,
    }));
    cookieNames.set(auth, names);
  }
  return names;
}

/** One cookie of a Cookie header, URL-decoded as better-auth encodes it. */
export function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The value of a cookie signed as better-auth signs it (`value.base64(HMAC-SHA256)`), or null. */
export function verifiedCookieValue(raw: string | undefined, secret: string): string | null {
  if (!raw) return null;
  const dot = raw.lastIndexOf('.');
  if (dot < 1) return null;
  const value = raw.slice(0, dot);
  const given = Buffer.from(raw.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(value).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/** The token of the request's session cookie when its signature holds, else null. */
export async function sessionTokenOf(ctx: AppContext, request: FastifyRequest): Promise<string | null> {
  const header = request.headers.cookie;
  if (!header) return null;
  const names = await sessionCookieNames(ctx.auth);
  return verifiedCookieValue(cookieValue(header, names.session), ctx.config.secret);
}

/**
 * The session's actor in one query, when better-auth would only read the session: a valid signed
 * cookie, a session not expired and not due for renewal. `undefined` means "ask better-auth"
 * (expired sessions are deleted and due ones extended there), `null` no session at all. Reading
 * the database on every request keeps sign-out and revocation immediate, as before.
 */
async function actorFromSessionCookie(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Actor | null | undefined> {
  const header = request.headers.cookie;
  if (!header) return null;
  const names = await sessionCookieNames(ctx.auth);
  const token = verifiedCookieValue(cookieValue(header, names.session), ctx.config.secret);
  if (!token) return null;
  const [row] = await actorBySessionToken(ctx.database.db).execute({ token });
  if (!row) return null;
  const now = Date.now();
  const expiresAt = row.expiresAt.getTime();
  const remembered = verifiedCookieValue(cookieValue(header, names.dontRemember), ctx.config.secret) === null;
  const dueForRenewal =
    remembered && expiresAt - SESSION_EXPIRES_IN * 1000 + SESSION_UPDATE_AGE * 1000 <= now;
  if (expiresAt <= now || dueForRenewal) return undefined;
  return toActor(row, request.ip);
}

async function loadActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const fast = await actorFromSessionCookie(ctx, request);
  if (fast !== undefined) return fast;
  const found = await ctx.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!found) return null;
  return actorWhere(ctx.database.db, eq(user.id, found.user.id), request.ip);
}

/** The actor of an active user found by e-mail, for work done outside a request (demo data, jobs). */
export function actorByEmail(db: Db, email: string): Promise<Actor | null> {
  return actorWhere(db, eq(user.email, email), null);
}

/** The request's actor, or a 401. */
export async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  if (!resolved.has(request)) resolved.set(request, await loadActor(ctx, request));
  const actor = resolved.get(request);
  if (!actor) throw unauthenticated();
  return actor;
}

/** Whether the actor must enrol a second factor before doing anything else (ADR 0028). */
export function mustEnrolTwoFactor(actor: Actor): boolean {
  return actor.twoFactor.required && !actor.twoFactor.enabled;
}

/**
 * The request's actor if it holds `permission`; 401 without a session, 403 without the role. To an
 * installation operator every organization's records answer 404, as if they did not exist: they
 * manage organizations, not what is in them (ADR 0023).
 */
export async function authorize(
  ctx: AppContext,
  request: FastifyRequest,
  permission: Permission,
): Promise<Actor> {
  const actor = await authenticate(ctx, request);
  if (actor.operator) throw notFound();
  if (!hasPermission(actor.roles, permission)) throw forbidden();
  return actor;
}

/** The request's actor if it is an installation operator; 403 to anyone else. */
export async function authorizeOperator(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const actor = await authenticate(ctx, request);
  if (!actor.operator) throw forbidden();
  return actor;
}

/** The permissions a user holds: an operator's is managing organizations, and only that. */
export function permissionsOf(actor: Actor): Permission[] {
  if (actor.operator) return ['organizations.manage'];
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(actor.roles, p));
}
