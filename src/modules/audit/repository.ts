import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { RECORD_PAGES, type AuditEntry, type AuditFacets, type AuditListQuery } from './contract';
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
  const existing = await existingRecords(db, rows);
  const items: AuditEntry[] = rows.map((r) => ({
    seq: r.seq,
    occurredAt: new Date(r.occurredAt).toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    onBehalfOfUserId: r.onBehalfOfUserId,
    onBehalfOfLabel: r.onBehalfOfLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    ipAddress: r.ipAddress,
    hash: r.hash,
    recordExists: existing.has(`${r.entityType}:${r.entityId}`),
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which records of a page of entries still exist, as "type:id", among the types that have a page
 * (one query per type present). The type names the table; only RECORD_PAGES' fixed names reach SQL.
 */
async function existingRecords(
  db: Db,
  rows: { entityType: string; entityId: string | null }[],
): Promise<Set<string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!(r.entityType in RECORD_PAGES) || !r.entityId || !UUID.test(r.entityId)) continue;
    idsByType.set(r.entityType, (idsByType.get(r.entityType) ?? new Set()).add(r.entityId));
  }
  const found = new Set<string>();
  for (const [type, ids] of idsByType) {
    const table = sql.identifier(type);
    const list = sql.join(
      [...ids].map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const result = await db.execute(sql`select id::text as id from ${table} where id in (${list})`);
    for (const row of (result as unknown as { rows: { id: string }[] }).rows) found.add(`${type}:${row.id}`);
  }
  return found;
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
