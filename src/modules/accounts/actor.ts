import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { AuditActor } from '../audit/record-audit';
import type { AppContext } from '../platform/http/context';
import { forbidden, unauthenticated } from '../platform/http/errors';
import { hasPermission, type Permission, type Role } from './contract';
import { organization, user } from './schema';

/** The signed-in user on whose behalf a request runs. Every query is scoped to its organization. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  organization: { id: string; name: string; acronym: string; kind: 'national_authority' | 'local_body' };
  roles: Role[];
  areaIds: string[];
  ip: string | null;
};

/** An audit actor that acts within one organization. */
export type ScopedAuditActor = AuditActor & { organizationId: string };

export function auditActor(actor: Actor): ScopedAuditActor {
  return {
    userId: actor.userId,
    label: `${actor.name} <${actor.email}>`,
    organizationId: actor.organizationId,
    ip: actor.ip,
  };
}

const resolved = new WeakMap<FastifyRequest, Actor | null>();

async function actorWhere(db: Db, where: SQL, ip: string | null): Promise<Actor | null> {
  const [row] = await db
    .select({
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
      areaIds: sql<
        string[]
      >`coalesce((select array_agg(ua.area_id) from user_area ua where ua.user_id = "user"."id"), '{}')`,
    })
    .from(user)
    .innerJoin(organization, eq(organization.id, user.organizationId))
    .where(where);
  if (!row || row.disabledAt) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    organizationId: row.org.id,
    organization: row.org,
    roles: row.roles as Role[],
    areaIds: row.areaIds,
    ip,
  };
}

async function loadActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
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

/** The request's actor if it holds `permission`; 401 without a session, 403 without the role. */
export async function authorize(
  ctx: AppContext,
  request: FastifyRequest,
  permission: Permission,
): Promise<Actor> {
  const actor = await authenticate(ctx, request);
  if (!hasPermission(actor.roles, permission)) throw forbidden();
  return actor;
}
