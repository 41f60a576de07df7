import type { LocalDate } from '../../shared/dates';
import { outreachCampaignsInPeriod, type ReportCampaign } from '../outreach';
import type { Db } from '../platform/db/client';
import { collectProgramReport, type ProgramUnitRecords } from '../program';
import { MODULE_BLOCKS } from './module-blocks';
import type { NextTarget, ProgramActivity, ProgramOutline, ProgramUnit } from './report-data';

// The organization's work program as the report lays section IV (and V) out: every line and
// objective in program order with the period's records of the program module (its face collects
// them), the outreach campaigns linked to it and the module blocks its record sources name.

/**
 * Which report blocks show the records of each program record source (record-sources.ts in the
 * program module): each module's block names its source, so an objective naming
 * "agreements.opinions" gets the opinions block, and so on.
 */
export const SOURCE_BLOCKS: Record<string, string[]> = MODULE_BLOCKS.reduce<Record<string, string[]>>(
  (out, mb) => ({ ...out, [mb.source]: [...(out[mb.source] ?? []), mb.key] }),
  {},
);

const toUnit = (u: ProgramUnitRecords, campaigns: ReportCampaign[]): ProgramUnit => ({
  blocks: u.sources.flatMap((s) => SOURCE_BLOCKS[s] ?? []),
  reason: u.reason,
  activities: u.activities,
  publications: u.publications,
  planReviews: u.planReviews,
  campaigns: campaigns
    .filter((c) => c.objectiveId === u.id)
    .map((c) => ({ topic: c.topic, month: c.month, sentOn: c.sentOn, channels: c.channels })),
});

export type ProgramSections = {
  program: ProgramOutline | null;
  nextTargets: NextTarget[];
  scheduled: (ProgramActivity & { line: string })[];
};

/** The program of the period with its records, the next period's targets and scheduled activities. */
export async function collectProgram(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
  next: { from: LocalDate; to: LocalDate },
): Promise<ProgramSections> {
  const [data, campaigns] = await Promise.all([
    collectProgramReport(db, orgId, period, next),
    outreachCampaignsInPeriod(db, orgId, period),
  ]);
  const program: ProgramOutline | null = data.program
    ? {
        name: data.program.name,
        approvedBy: data.program.approvedBy,
        lines: data.program.lines.map((l) => ({
          number: l.number,
          title: l.title,
          ...toUnit(l, campaigns),
          objectives: l.objectives.map((o) => ({ key: o.key, title: o.title, ...toUnit(o, campaigns) })),
        })),
      }
    : null;
  return { program, nextTargets: data.nextTargets, scheduled: data.scheduled };
}
