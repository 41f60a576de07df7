import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import type { NarrativeInput, PendingItem, ReportDetail } from './contract';
import { regenerateRow } from './generate-report';
import * as repo from './repository';

/**
 * Rewrites narrative paragraphs of a draft (null restores the generated text). The edits are kept
 * with the report and applied on every regeneration; a new version is written at once.
 */
export async function updateNarrative(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: NarrativeInput,
): Promise<ReportDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.findReportRow(tx, orgId, id, true);
    if (!row) throw notFound();
    if (row.status === 'approved') throw conflict('El informe ya fue aprobado: su texto no se modifica.');
    const latest = await repo.latestVersion(tx, orgId, id);
    const keys = new Set(
      latest?.document.blocks.flatMap((b) => (b.type === 'paragraph' && b.key ? [b.key] : [])) ?? [],
    );
    const unknown = Object.keys(input.paragraphs).filter((k) => !keys.has(k) && !(k in row.narrative));
    if (unknown.length)
      throw conflict(
        'El informe no tiene esos párrafos editables.',
        unknown.map((k) => ({ path: `paragraphs.${k}`, message: 'Párrafo inexistente' })),
      );
    const narrative = { ...row.narrative };
    for (const [k, v] of Object.entries(input.paragraphs)) {
      if (v === null) delete narrative[k];
      else narrative[k] = v;
    }
    await repo.updateReportRow(tx, orgId, id, { narrative });
    return regenerateRow(tx, actor, row, 'report.update_narrative', { narrative: row.narrative });
  });
}

/** Replaces the pending items staff add to section V; a new version is written at once. */
export async function updatePendingItems(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  items: { line: string | null; text: string }[],
): Promise<ReportDetail> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await repo.findReportRow(tx, orgId, id, true);
    if (!row) throw notFound();
    if (row.status === 'approved')
      throw conflict('El informe ya fue aprobado: sus pendientes no se modifican.');
    const pendingItems: PendingItem[] = items.map((it, k) => ({
      id: String(k + 1),
      line: it.line,
      text: it.text,
    }));
    await repo.updateReportRow(tx, orgId, id, { pendingItems });
    return regenerateRow(tx, actor, row, 'report.update_pending_items', { pendingItems: row.pendingItems });
  });
}
