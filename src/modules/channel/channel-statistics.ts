import type { Db } from '../platform/db/client';
import { DOCUMENT_TYPES } from './contract';
import type { ChannelStatistics, StatisticsQuery } from './contract-reports';
import { folioStatistics, foliosByArea } from './report-repository';

/** Round to one decimal: medians of day counts are halves at most, 90th percentiles may interpolate. */
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * The channel's figures for folios received in a period, as of a day: totals by status, type,
 * nature and area; response times (median and 90th percentile, business and natural days); and
 * overdue counts. Computed in the database (percentile_cont), not by loading folios.
 */
export async function channelStatistics(
  db: Db,
  orgId: string,
  q: StatisticsQuery,
): Promise<ChannelStatistics> {
  const asOf = q.asOf ?? q.to;
  const query = { module: q.module, from: q.from, to: q.to, asOf };
  const [figures, byArea] = await Promise.all([
    folioStatistics(db, orgId, query),
    foliosByArea(db, orgId, query),
  ]);
  const t = figures.responseTimes;
  return {
    module: q.module ?? null,
    from: q.from,
    to: q.to,
    asOf,
    received: figures.received,
    byStatus: figures.byStatus,
    byType: DOCUMENT_TYPES.filter((d) => figures.byType?.[d]).map((d) => ({
      documentType: d,
      count: figures.byType![d]!,
    })),
    byNature: figures.byNature,
    byArea,
    responseTimes: {
      answered: t.answered,
      businessDays: { median: round(t.businessDays.median), p90: round(t.businessDays.p90) },
      naturalDays: { median: round(t.naturalDays.median), p90: round(t.naturalDays.p90) },
    },
    overdue: figures.overdue,
  };
}
