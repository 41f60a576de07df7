import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { MONTHS_AHEAD } from './add-obligation';
import { occurrencesDue } from './obligation-periods';
import { workCalendarOf } from '../platform/calendar/repository';
import { insertOccurrences, openObligations } from './repository';

/**
 * The daily job: every obligation gets its missing occurrences up to two months ahead, each with
 * its due date on its organization's calendar. Idempotent: existing periods are left alone, so any
 * number of instances may run it.
 */
export async function createDueOccurrences(db: Db, today: string): Promise<number> {
  return inTransaction(db, async (tx) => {
    const calendars = new Map<string, Awaited<ReturnType<typeof workCalendarOf>>>();
    let created = 0;
    for (const o of await openObligations(tx)) {
      let cal = calendars.get(o.organizationId);
      if (!cal) calendars.set(o.organizationId, (cal = await workCalendarOf(tx, o.organizationId)));
      created += await insertOccurrences(
        tx,
        occurrencesDue(o, cal, today, MONTHS_AHEAD).map((x) => ({
          ...x,
          obligationId: o.id,
          organizationId: o.organizationId,
          status: 'pending' as const,
        })),
      );
    }
    return created;
  });
}
