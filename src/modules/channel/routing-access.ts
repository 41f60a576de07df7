import type { FastifyRequest } from 'fastify';
import { authenticate, heldDelegations, type Actor } from '../accounts';
import { hasPermission } from '../accounts/contract';
import type { Db } from '../platform/db/client';
import type { AppContext } from '../platform/http/context';
import { forbidden, notFound } from '../platform/errors';
import { mayActOnOccurrence } from './occurrence-contract';
import { findOccurrence } from './repository';
import { findRouting, routingPolicyOf } from './routing-repository';

/**
 * Who works a queue of routed folios, and for whom (ADR 0035). The user's own areas when they
 * answer for their areas (channel.answer), then the areas of each absent person whose delegation
 * to the user holds today and who may answer: for those the user acts «por ausencia de» them.
 * Every queue route and the slip's files go through here, nowhere else decides it.
 */
export type QueueAccess = {
  actor: Actor;
  /** Each scope is a set of areas and the view of the actor that works them. */
  scopes: { areaIds: string[]; as: Actor }[];
  /** Every area the user works, own or on someone's behalf. */
  areaIds: string[];
};

export async function queueAccessOf(db: Db, actor: Actor): Promise<QueueAccess> {
  const scopes: QueueAccess['scopes'] = [];
  if (hasPermission(actor.roles, 'channel.answer')) scopes.push({ areaIds: actor.areaIds, as: actor });
  for (const d of await heldDelegations(db, actor.organizationId, actor.userId)) {
    if (!hasPermission(d.absent.roles, 'channel.answer')) continue;
    scopes.push({
      areaIds: d.absent.areaIds,
      as: {
        ...actor,
        roles: d.absent.roles,
        areaIds: d.absent.areaIds,
        onBehalfOf: { userId: d.absent.userId, name: d.absent.name, email: d.absent.email },
      },
    });
  }
  return { actor, scopes, areaIds: [...new Set(scopes.flatMap((s) => s.areaIds))] };
}

/**
 * The request's queue access: 401 without a session, 404 to an installation operator, 403 to a
 * user who answers for no area and acts for nobody today.
 */
export async function authorizeQueue(ctx: AppContext, req: FastifyRequest): Promise<QueueAccess> {
  const actor = await authenticate(ctx, req);
  if (actor.operator) throw notFound();
  const access = await queueAccessOf(ctx.database.db, actor);
  if (!access.scopes.length) throw forbidden();
  return access;
}

/**
 * The actor that works a slip of `areaId`: the user themself when it is one of their own areas,
 * else the view acting for the absent person whose area it is; undefined when none (→ 404).
 */
export function actorForArea(access: QueueAccess, areaId: string): Actor | undefined {
  return access.scopes.find((s) => s.areaIds.includes(areaId))?.as;
}

/** The actor that works slip `routingId`, found among the areas the user works; 404 otherwise. */
export async function actorForSlip(db: Db, access: QueueAccess, routingId: string): Promise<Actor> {
  const slip = await findRouting(db, access.actor.organizationId, routingId, access.areaIds);
  const as = slip && actorForArea(access, slip.areaId);
  if (!as) throw notFound();
  return as;
}

/** How a queue item names the absent person it is worked for, or null when it is the user's own. */
export function actingForOf(access: QueueAccess, areaId: string) {
  const as = actorForArea(access, areaId)?.onBehalfOf;
  return as ? { userId: as.userId, name: as.name } : null;
}

/**
 * The actor that answers month `occurrenceId` of a recurring obligation: the user themself when they
 * may (liaison staff, or staff of the obligation's area), else the view acting for an absent person
 * whose area answers it; else the user, whom the use case then refuses as before.
 */
export async function actorForOccurrence(db: Db, actor: Actor, occurrenceId: string): Promise<Actor> {
  const month = await findOccurrence(db, actor.organizationId, occurrenceId);
  const areaId = month?.areaId;
  if (!areaId || mayActOnOccurrence(actor, 'local', 'answer', areaId)) return actor;
  const access = await queueAccessOf(db, actor);
  return access.scopes.find((s) => s.as.onBehalfOf && s.areaIds.includes(areaId))?.as ?? actor;
}

/**
 * Who instructs proposed routings (ADR 0038): staff of the instructing area (the Secretaría
 * Ejecutiva) who answer for it, or whoever acts for one of them today; null for anyone else, and
 * when the organization does not require the instruction.
 */
export async function instructingActorOf(db: Db, actor: Actor): Promise<Actor | null> {
  const area = await routingPolicyOf(db, actor.organizationId);
  if (!area) return null;
  const access = await queueAccessOf(db, actor);
  return access.scopes.find((s) => s.areaIds.includes(area.id))?.as ?? null;
}
