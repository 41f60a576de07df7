import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { plainText } from './build-report';
import {
  ADDED_PARAGRAPH_PREFIX,
  type NarrativeInput,
  type PendingItem,
  type PresentationLayout,
  type ReportDetail,
} from './contract';
import { freshDocument, regenerateRow } from './generate-report';
import * as repo from './repository';

/**
 * Rewrites, adds, removes and reorders the Presentación's paragraphs (null restores the generated
 * text, or deletes a paragraph of staff's own). The edits are kept with the report and applied on
 * every regeneration, each with the generated text it was written over, so that a paragraph whose
 * records changed since is flagged for review; a new version is written at once.
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
    // The paragraphs as the records write them now, without staff's hand.
    const generated = new Map(
      (await freshDocument(tx, orgId, { ...row, narrative: {}, presentation: {} })).blocks.flatMap((b) =>
        b.type === 'paragraph' && b.key ? [[b.key, b] as const] : [],
      ),
    );
    const isOwn = (k: string) => k.startsWith(ADDED_PARAGRAPH_PREFIX);
    const problems = [
      ...Object.keys(input.paragraphs)
        .filter((k) => !generated.has(k) && !(k in row.narrative) && !isOwn(k))
        .map((k) => ({ path: `paragraphs.${k}`, message: 'Párrafo inexistente' })),
      ...[...(input.order ?? []), ...(input.removed ?? [])]
        .filter((k) => !isOwn(k) && !generated.get(k)?.highlight)
        .map((k) => ({
          path: input.removed?.includes(k) ? 'removed' : 'order',
          message: `«${k}» no es un párrafo de los destacados del periodo`,
        })),
    ];
    if (problems.length) throw conflict('El informe no tiene esos párrafos editables.', problems);
    const narrative = { ...row.narrative };
    const basis = { ...row.presentation.basis };
    for (const [k, v] of Object.entries(input.paragraphs)) {
      if (v === null) {
        delete narrative[k];
        delete basis[k];
        continue;
      }
      narrative[k] = v;
      const g = generated.get(k);
      if (g?.type === 'paragraph') basis[k] = plainText(g.runs);
    }
    const presentation: PresentationLayout = {
      ...row.presentation,
      basis,
      ...(input.order ? { order: input.order } : {}),
      ...(input.removed ? { removed: input.removed } : {}),
    };
    // A removed paragraph takes its edit with it (the check would call it missing).
    for (const k of presentation.removed ?? []) {
      delete narrative[k];
      delete basis[k];
    }
    await repo.updateReportRow(tx, orgId, id, { narrative, presentation });
    return regenerateRow(tx, actor, row, 'report.update_narrative', {
      narrative: row.narrative,
      presentation: row.presentation,
    });
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
