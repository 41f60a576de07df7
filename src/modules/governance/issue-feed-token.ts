import { createHash, randomBytes } from 'node:crypto';
import type { ScopedAuditActor } from '../accounts';
import { hasPermission, type Role } from '../accounts/contract';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid, notFound } from '../platform/errors';
import type { FeedToken, FeedTokenCreated, FeedTokenInput } from './contract';
import * as repo from './repository';

// Secret calendar-feed addresses (ADR 0011): calendar apps subscribe without a session cookie. The
// secret (32 random bytes, base64url) is shown once; only its SHA-256 is stored.

export const hashFeedSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const feedPath = (secret: string) => `/api/governance/feeds/${secret}/sesiones.ics`;

/** Issues a feed token of the actor for one body's sessions, or for every body's when `bodyId` is null. */
export async function issueFeedToken(
  db: Db,
  actor: ScopedAuditActor & { userId: string },
  input: FeedTokenInput,
  publicUrl: string,
): Promise<FeedTokenCreated> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const bodyId = input.bodyId ?? null;
    if (bodyId && !(await repo.findBody(tx, orgId, bodyId))) {
      throw invalid([{ path: 'bodyId', message: 'El órgano colegiado no existe' }]);
    }
    const secret = randomBytes(32).toString('base64url');
    const id = await repo.insertFeedToken(tx, orgId, {
      userId: actor.userId,
      bodyId,
      tokenHash: hashFeedSecret(secret),
    });
    const created = (await repo.findFeedToken(tx, orgId, actor.userId, id))!;
    await recordAudit(tx, actor, {
      action: 'calendar_feed_token.create',
      entityType: 'calendar_feed_token',
      entityId: id,
      after: created,
    });
    return { ...created, url: `${publicUrl.replace(/\/$/, '')}${feedPath(secret)}` };
  });
}

/** Revokes one of the actor's own feed tokens: its address answers 404 from then on. */
export async function revokeFeedToken(
  db: Db,
  actor: ScopedAuditActor & { userId: string },
  id: string,
): Promise<FeedToken> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await repo.findFeedToken(tx, orgId, actor.userId, id);
    if (!before) throw notFound();
    if (before.revokedAt) return before;
    await repo.revokeFeedTokenRow(tx, orgId, actor.userId, id);
    const after = (await repo.findFeedToken(tx, orgId, actor.userId, id))!;
    await recordAudit(tx, actor, {
      action: 'calendar_feed_token.revoke',
      entityType: 'calendar_feed_token',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * What a feed secret opens: the organization and body (null: all bodies) of a live token whose
 * owner is active and may still read governance; nothing otherwise.
 */
export async function resolveFeedSecret(
  db: Db,
  secret: string,
): Promise<{ organizationId: string; bodyId: string | null } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const found = await repo.findLiveFeedToken(db, hashFeedSecret(secret));
  if (!found || !hasPermission(found.roles as Role[], 'governance.read')) return undefined;
  return { organizationId: found.organizationId, bodyId: found.bodyId };
}
