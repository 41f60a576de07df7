import type { Db } from '../platform/db/client';
import type { MonthlyStatusTable, StatusCounts } from './contract';
import type { ChannelModule } from './contract-folio-status';
import { monthlyStatusCounts } from './repository';

const empty = (): StatusCounts => ({
  pending_local: 0,
  in_process_national: 0,
  cancelled: 0,
  concluded: 0,
  total: 0,
});

/** Every month of [from, to] as "YYYY-MM", so that a month without folios still has its row. */
export function monthsBetween(from: string, to: string): string[] {
  // Counted as month indexes: comparing "10000-01" with "9999-12" as text never ended (issue 14).
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from), end = index(to); i <= end; i++)
    out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

export async function monthlyStatusTable(
  db: Db,
  orgId: string,
  q: { module: ChannelModule; from: string; to: string; asOf?: string },
): Promise<MonthlyStatusTable> {
  const asOf = q.asOf ?? q.to;
  const rows = await monthlyStatusCounts(db, orgId, q.module, q.from, q.to, asOf);
  const months = new Map(monthsBetween(q.from, q.to).map((m) => [m, empty()]));
  const totals = empty();
  const byNature = { for_information: 0, for_attention: 0 };
  for (const r of rows) {
    const counts = months.get(r.month);
    // A folio with no event by `asOf` cannot have been received by then; the query excludes it.
    const status = (r.status ?? 'pending_local') as keyof Omit<StatusCounts, 'total'>;
    if (counts) {
      counts[status] += r.n;
      counts.total += r.n;
    }
    totals[status] += r.n;
    totals.total += r.n;
    byNature[r.nature as keyof typeof byNature] += r.n;
  }
  return {
    module: q.module,
    asOf,
    months: [...months].map(([month, c]) => ({ month, ...c })),
    totals,
    byNature,
  };
}
