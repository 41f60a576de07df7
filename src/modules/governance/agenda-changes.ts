import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { conflict, notFound } from '../platform/errors';
import * as repo from './repository';
import { agendaChangeProblem } from './rules';
import { statusOfRow } from './session-view';

/**
 * Locks the session of an agenda item and refuses once it is held: the edit, reorder and removal
 * use cases share this check (rules.ts, agendaChangeProblem).
 */
export async function lockChangeableAgenda(tx: Db, actor: ScopedAuditActor, sessionId: string) {
  const session = await repo.lockSessionRow(tx, actor.organizationId, sessionId);
  if (!session) throw notFound();
  const problem = agendaChangeProblem(await statusOfRow(tx, actor.organizationId, session));
  if (problem) throw conflict(problem);
  return session;
}

/** The item and its session, locked; 404 for another organization's item. */
export async function lockChangeableItem(tx: Db, actor: ScopedAuditActor, itemId: string) {
  const item = await repo.findAgendaItem(tx, actor.organizationId, itemId);
  if (!item) throw notFound();
  await lockChangeableAgenda(tx, actor, item.sessionId);
  return item;
}
