import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { AuditEntry, AuditFacets, AuditListQuery } from './contract';
import { auditEntry } from '../platform/audit/schema';

/** The organization's entries, newest first. Day bounds are days in Mexico City. */
export async function listAuditEntries(db: Db, orgId: string, q: AuditListQuery) {
  const f: SQL[] = [eq(auditEntry.organizationId, orgId)];
  if (q.action) f.push(eq(auditEntry.action, q.action));
  if (q.entityType) f.push(eq(auditEntry.entityType, q.entityType));
  if (q.entityId) f.push(eq(auditEntry.entityId, q.entityId));
  if (q.actorUserId) f.push(eq(auditEntry.actorUserId, q.actorUserId));
  if (q.from)
    f.push(sql`${auditEntry.occurredAt} >= (${q.from}::date::timestamp at time zone 'America/Mexico_City')`);
  if (q.to)
    f.push(
      sql`${auditEntry.occurredAt} < ((${q.to}::date + 1)::timestamp at time zone 'America/Mexico_City')`,
    );
  const where = and(...f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEntry)
      .where(where)
      .orderBy(desc(auditEntry.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditEntry).where(where),
  ]);
  const items: AuditEntry[] = rows.map((r) => ({
    seq: r.seq,
    occurredAt: new Date(r.occurredAt).toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    ipAddress: r.ipAddress,
    hash: r.hash,
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function auditFacets(db: Db, orgId: string): Promise<AuditFacets> {
  const [actions, entityTypes] = await Promise.all([
    db
      .selectDistinct({ v: auditEntry.action })
      .from(auditEntry)
      .where(eq(auditEntry.organizationId, orgId))
      .orderBy(auditEntry.action),
    db
      .selectDistinct({ v: auditEntry.entityType })
      .from(auditEntry)
      .where(eq(auditEntry.organizationId, orgId))
      .orderBy(auditEntry.entityType),
  ]);
  return { actions: actions.map((r) => r.v), entityTypes: entityTypes.map((r) => r.v) };
}
