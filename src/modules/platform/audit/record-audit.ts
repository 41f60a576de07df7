import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEntry } from './schema';
import { GENESIS_HASH, entryHash } from './hash-chain';

/** Who did something: a signed-in user, or the system itself (CLI, jobs). */
export type AuditActor = {
  userId: string | null;
  label: string;
  organizationId: string | null;
  ip?: string | null;
  /** The absent person the actor stands in for (encargo de despacho, ADR 0035). */
  onBehalfOf?: { userId: string; label: string } | null;
};

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor's organization. */
  organizationId?: string | null;
};

// Appends are serialized across every app instance so that each entry links to the one before it.
const AUDIT_CHAIN_LOCK = 724_310_002;

/** Values as they will read back from jsonb: dates as ISO strings, no undefined. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one entry to the audit trail. Call it inside the transaction that makes the change, so
 * the change and its entry commit or roll back together.
 */
export function recordAudit(tx: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
  return recordAudits(tx, actor, [event]);
}

const INSERT_BATCH = 500;

/** Appends several entries in order, taking the chain lock once (bulk imports). */
export async function recordAudits(tx: Db, actor: AuditActor, events: readonly AuditEvent[]): Promise<void> {
  if (!events.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEntry.seq, hash: auditEntry.hash })
    .from(auditEntry)
    .orderBy(desc(auditEntry.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date().toISOString();
  const rows = events.map((event) => {
    const fields = {
      seq: ++seq,
      occurredAt,
      organizationId: event.organizationId === undefined ? actor.organizationId : event.organizationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      before: toJson(event.before),
      after: toJson(event.after),
      ipAddress: actor.ip ?? null,
      ...(actor.onBehalfOf
        ? { onBehalfOfUserId: actor.onBehalfOf.userId, onBehalfOfLabel: actor.onBehalfOf.label }
        : {}),
      prevHash,
    };
    prevHash = entryHash(fields);
    return { ...fields, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await tx.insert(auditEntry).values(rows.slice(i, i + INSERT_BATCH));
  }
}
