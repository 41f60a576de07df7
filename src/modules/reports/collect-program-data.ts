import type { LocalDate } from '../../shared/dates';
import * as governance from '../governance';
import { outreachCampaignsInPeriod, type ReportCampaign } from '../outreach';
import type { Db } from '../platform/db/client';
import type { Activity } from '../program/contract';
import { loadProgramTree } from '../program';
import { findProgramByYear } from '../program';
import { programReportData, targetsForPeriod, type ReportUnit, type ReportSeries } from '../program';
import type {
  NextTarget,
  ProgramActivity,
  ProgramLine,
  ProgramOutline,
  ProgramPublication,
  ProgramUnit,
} from './report-data';

// The organization's work program as the report lays section IV (and V) out: every line and
// objective in program order with the period's records of the program module, the outreach
// campaigns linked to it and the module blocks its record sources name.

/**
 * Which report blocks show the records of each program record source (record-sources.ts in the
 * program module): an objective naming "agreements.opinions" gets the opinions block, and so on.
 */
export const SOURCE_BLOCKS: Record<string, string[]> = {
  'channel.folios': ['channel.status', 'channel.fortnightly'],
  'governance.mandate_updates': ['governance.mandates'],
  'agreements.signed_instruments': ['agreements.signed'],
  'agreements.accompaniments': ['agreements.negotiation'],
  'agreements.opinions': ['agreements.opinions'],
};

const MODALITY: Record<string, string> = {
  in_person: 'presencial',
  remote: 'a distancia',
  hybrid: 'híbrida',
};

async function toActivity(db: Db, orgId: string, a: Activity): Promise<ProgramActivity> {
  const people = await Promise.all(
    a.participants.map(async (p) => ({
      name: p.fullName,
      role: p.role,
      title: (await governance.positionTitleOn(db, orgId, p.personId, a.startsOn)) ?? null,
    })),
  );
  const modality = a.modality ? MODALITY[a.modality]! : null;
  return {
    on: a.startsOn,
    until: a.endsOn,
    text: a.title,
    dates: a.dates,
    kindName: a.kindName,
    purpose: a.purpose,
    notes: a.notes,
    place: a.place,
    modality: modality && a.tool ? `${modality} (${a.tool})` : (modality ?? a.tool ?? null),
    institutions: a.institutions.map((i) => i.name),
    people,
    route: a.route,
    country: a.country,
    election: a.election,
    invitingInstitution: a.invitingInstitution?.name ?? null,
  };
}

const publication = (s: ReportSeries): ProgramPublication => ({
  name: s.name,
  cadence: s.cadence,
  audience: s.audience,
  distribution: s.distribution,
  issues: s.issues
    .map((i) => ({ on: i.publishedOn, title: i.title, numbered: i.number !== null }))
    .sort((x, y) => x.on.localeCompare(y.on)),
});

async function toUnit(
  db: Db,
  orgId: string,
  u: ReportUnit & { id: string; sources: string[] },
  campaigns: ReportCampaign[],
): Promise<ProgramUnit> {
  return {
    blocks: u.sources.flatMap((s) => SOURCE_BLOCKS[s] ?? []),
    reason: u.reason?.reason ?? null,
    activities: await Promise.all(u.activities.map((a) => toActivity(db, orgId, a))),
    publications: u.publications.map(publication).filter((p) => p.issues.length),
    planReviews: u.planReviews
      .map((r) => ({ system: r.system, reviewedOn: r.reviewedOn, informedTo: r.informedTo }))
      .sort((x, y) => x.reviewedOn.localeCompare(y.reviewedOn)),
    campaigns: campaigns
      .filter((c) => c.objectiveId === u.id)
      .map((c) => ({ topic: c.topic, month: c.month, sentOn: c.sentOn, channels: c.channels })),
  };
}

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
  const [data, targets, upcoming, campaigns, sources] = await Promise.all([
    programReportData(db, orgId, period),
    targetsForPeriod(db, orgId, next),
    programReportData(db, orgId, next),
    outreachCampaignsInPeriod(db, orgId, period),
    recordSourcesOf(db, orgId, period),
  ]);
  const program: ProgramOutline | null = data.program
    ? {
        name: data.program.name,
        approvedBy: data.program.approvedBy,
        lines: await Promise.all(
          data.lines.map(async (l): Promise<ProgramLine> => ({
            number: String(l.number),
            title: l.title,
            ...(await toUnit(db, orgId, { ...l, sources: sources.get(l.id) ?? [] }, campaigns)),
            objectives: await Promise.all(
              l.objectives.map(async (o) => ({
                key: o.key,
                title: o.title,
                ...(await toUnit(db, orgId, { ...o, sources: sources.get(o.id) ?? [] }, campaigns)),
              })),
            ),
          })),
        ),
      }
    : null;
  const scheduled: (ProgramActivity & { line: string })[] = [];
  for (const l of upcoming.lines)
    for (const a of [...l.activities, ...l.objectives.flatMap((o) => o.activities)])
      if (a.startsOn > period.to)
        scheduled.push({ ...(await toActivity(db, orgId, a)), line: String(l.number) });
  scheduled.sort((x, y) => (x.on ?? '').localeCompare(y.on ?? ''));
  return {
    program,
    nextTargets: targets.map((t) => ({
      line: String(t.lineNumber),
      objective: t.objectiveKey,
      description: t.description,
      minimumCount: t.minimumCount,
      unit: t.unit,
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
    })),
    scheduled,
  };
}

/** The record sources each line and objective of the period's program names, by id. */
async function recordSourcesOf(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
): Promise<Map<string, string[]>> {
  const program = await findProgramByYear(db, orgId, Number(period.from.slice(0, 4)));
  const out = new Map<string, string[]>();
  if (!program) return out;
  const tree = await loadProgramTree(db, orgId, program.id);
  for (const l of tree?.lines ?? []) {
    out.set(l.id, l.recordSources);
    for (const o of l.objectives) out.set(o.id, o.recordSources);
  }
  return out;
}
