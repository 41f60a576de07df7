import type { Db } from '../platform/db/client';
import type { ReportTables } from './contract';
import { negotiationRows, opinionRows, signedRows } from './report-tables';
import * as repo from './repository';

/**
 * The agreements tables of the quarterly report for a period: instruments signed, instruments in
 * negotiation with the office's accompaniment (and the activity counts), opinions issued, and the
 * register's review updates per month.
 */
export async function listReportTables(
  db: Db,
  orgId: string,
  from: string,
  to: string,
): Promise<ReportTables> {
  const [signed, accompaniment, tree, reviews] = await Promise.all([
    repo.allInstruments(db, orgId, { signedFrom: from, signedTo: to }, to),
    repo.listAccompaniments(db, orgId, { from, to }),
    repo.loadTree(db, orgId),
    repo.listReviews(db, orgId),
  ]);
  const accompaniedIds = [
    ...new Set(accompaniment.items.map((a) => a.instrumentId).filter((id): id is string => Boolean(id))),
  ];
  const accompanied = (await repo.allInstruments(db, orgId, {}, to)).filter((i) =>
    accompaniedIds.includes(i.id),
  );
  const opinions: Awaited<ReturnType<typeof repo.listOpinions>>['items'] = [];
  for (let page = 1; ; page++) {
    const batch = await repo.listOpinions(db, orgId, { status: 'issued', from, to, page, pageSize: 200 });
    opinions.push(...batch.items);
    if (opinions.length >= batch.total || !batch.items.length) break;
  }
  const months = new Map<string, number>();
  for (const r of reviews) {
    for (const c of r.countsByMonth) {
      if (c.month >= from.slice(0, 7) && c.month <= to.slice(0, 7))
        months.set(c.month, (months.get(c.month) ?? 0) + c.count);
    }
  }
  return {
    from,
    to,
    signed: signedRows(signed.map((i) => ({ title: i.title, signedOn: i.signedOn! }))),
    negotiation: {
      activities: accompaniment.activities,
      institutions: accompaniment.institutions,
      areasAccompanied: [...new Set(accompaniment.items.map((a) => a.areaName))],
      rows: negotiationRows(
        accompanied
          .sort((a, b) => accompaniedIds.indexOf(a.id) - accompaniedIds.indexOf(b.id))
          .map((i) => ({
            title: i.title,
            object: i.object,
            areas: i.areas.map((a) => a.name),
            status: i.status,
            accompaniment: accompaniment.items.find((a) => a.instrumentId === i.id)?.description ?? null,
          })),
      ),
    },
    opinions: opinionRows(
      opinions
        .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.sequence ?? 0) - (b.sequence ?? 0))
        .map((o) => ({
          number: o.number!,
          instrumentTitle: o.instrumentTitle,
          gender: tree.get(o.instrumentId)?.gender ?? 'm',
          areas: o.areas.map((a) => a.name),
        })),
    ),
    reviewUpdates: [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, count]) => ({ month, count })),
  };
}
