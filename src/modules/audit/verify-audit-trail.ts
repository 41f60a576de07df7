import { asc, gt } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { auditEntry } from '../platform/audit/schema';
import { createChainVerifier, type ChainProblem } from '../platform/audit/hash-chain';

export type AuditVerification = { entries: number; problems: ChainProblem[] };

/** Re-computes the whole chain in `seq` order, a batch at a time, holding one batch in memory. */
export async function verifyAuditTrail(db: Db, batchSize = 5000): Promise<AuditVerification> {
  const verifier = createChainVerifier();
  let entries = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEntry)
      .where(gt(auditEntry.seq, after))
      .orderBy(asc(auditEntry.seq))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const r of batch) {
      verifier.check({
        seq: r.seq,
        // PostgreSQL prints timestamps its own way; the hash was taken over the ISO form.
        occurredAt: new Date(r.occurredAt).toISOString(),
        organizationId: r.organizationId,
        actorUserId: r.actorUserId,
        actorLabel: r.actorLabel,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        ipAddress: r.ipAddress,
        ...(r.onBehalfOfUserId !== null
          ? { onBehalfOfUserId: r.onBehalfOfUserId, onBehalfOfLabel: r.onBehalfOfLabel ?? '' }
          : {}),
        prevHash: r.prevHash,
        hash: r.hash,
      });
    }
    entries += batch.length;
    after = batch[batch.length - 1]!.seq;
  }
  return { entries, problems: verifier.problems };
}
