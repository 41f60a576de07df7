import { quartersWithFolios } from '../channel';
import { quartersWithSessions } from '../governance';
import type { Db } from '../platform/db/client';
import { quartersWithActivities } from '../program';
import { todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { suggestedQuarter } from '../../shared/periods';
import type { RecordPeriods } from './contract';

/**
 * The quarters holding the organization's folios, sessions or activities, newest first, and the one
 * every period choice of the web app opens on (`suggestedQuarter`), each module answering for its own.
 */
export async function recordPeriods(
  db: Db,
  orgId: string,
  today: LocalDate = todayInMexicoCity(),
): Promise<RecordPeriods> {
  const found = await Promise.all([
    quartersWithFolios(db, orgId),
    quartersWithSessions(db, orgId),
    quartersWithActivities(db, orgId),
  ]);
  const order = (k: string) => Number(k.slice(0, 4)) * 4 + Number(k.slice(6));
  const quarters = [...new Set(found.flat())].sort((a, b) => order(b) - order(a));
  return { quarters, suggested: suggestedQuarter(quarters, today), today };
}
