import type { Db } from '../platform/db/client';
import type { Actor } from './actor';
import type { Session } from './contract';
import { deviceLabel } from './device-label';
import { listActiveSessions } from './repository';

/** The signed-in person's open sessions, the one making the request marked as theirs. */
export async function listMySessions(db: Db, actor: Actor, currentToken: string | null): Promise<Session[]> {
  const rows = await listActiveSessions(db, actor.userId, currentToken);
  return rows.map((r) => ({
    id: r.id,
    device: deviceLabel(r.userAgent),
    ipAddress: r.ipAddress || null,
    createdAt: r.createdAt.toISOString(),
    lastActiveAt: r.lastActiveAt.toISOString(),
    current: Boolean(r.current),
  }));
}
