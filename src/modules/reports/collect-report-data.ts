import { allInstruments, listOpinions } from '../agreements';
import { nationalAuthority, openRecurringObligations } from '../channel';
import { findOrganizationName } from '../accounts';
import { listReportTables } from '../agreements';
import { monthlyStatusTable } from '../channel';
import { agreementsBySession, attendanceReport } from '../governance';
import type { Body } from '../governance/contract';
import * as governance from '../governance';
import type { Db } from '../platform/db/client';
import { notFound } from '../platform/errors';
import { listReports as fortnightlyReports } from '../channel';
import type { Instrument } from '../agreements/contract';
import { collectProgram } from './collect-program-data';
import { nextPeriod } from '../../shared/periods';
import type { ReportData } from './report-data';
import { findDocumentSettings, logoOf } from '../platform/documents/letterhead-settings';
import { countEarlierReports } from './repository';
import { signersOn, type Signer, type SignerSeat } from './signature-block';

export type ReportScope = {
  orgId: string;
  bodyId: string;
  from: string;
  to: string;
  pendingItems?: ReportData['pendingItems'];
  /** The day the signers are taken on: the approval's; for a draft, the period's last day. */
  signingOn?: string;
};

export async function findReportBody(db: Db, orgId: string, bodyId: string): Promise<Body> {
  const body = await governance.findBody(db, orgId, bodyId);
  if (!body) throw notFound();
  return body;
}

/** Reads everything the report of a body and period is written from. */
export async function collectReportData(db: Db, scope: ReportScope): Promise<ReportData> {
  const { orgId, from, to } = scope;
  const [org, body] = await Promise.all([
    findOrganizationName(db, orgId),
    findReportBody(db, orgId, scope.bodyId),
  ]);
  const memberships = (await governance.listMemberships(db, orgId, body.id)).filter(
    (m) => m.startsOn <= to && (m.endsOn === null || m.endsOn >= from),
  );
  const allMemberships = await governance.listMemberships(db, orgId, body.id);
  const secretarySeats = allMemberships.filter(
    (m) => m.role === 'technical_secretary' && m.startsOn <= to && m.personId,
  );
  const seats = memberships.filter(
    (m): m is typeof m & { role: 'president' | 'member' } =>
      (m.role === 'president' || m.role === 'member') && Boolean(m.personId),
  );
  const people = await governance.peopleById(db, orgId, [
    ...new Set([...seats, ...secretarySeats].map((m) => m.personId!)),
  ]);
  const titleOn = (personId: string, day: string) => governance.positionTitleOn(db, orgId, personId, day);
  const members = await Promise.all(
    seats.map(async (m) => {
      const p = people.get(m.personId!);
      return {
        role: m.role,
        name: p?.fullName ?? m.personName ?? '',
        honorific: p?.honorific ?? null,
        gender: p?.gender ?? 'unspecified',
        title: (await titleOn(m.personId!, m.startsOn > from ? m.startsOn : from)) ?? null,
      };
    }),
  );
  const secretaries = await Promise.all(
    secretarySeats.map(async (m) => {
      const p = people.get(m.personId!);
      return {
        name: p?.fullName ?? m.personName ?? '',
        honorific: p?.honorific ?? null,
        gender: p?.gender ?? 'unspecified',
        title: (await titleOn(m.personId!, m.startsOn)) ?? null,
        startsOn: m.startsOn,
        agreementNumber: m.agreementNumber,
      };
    }),
  );
  const [national, pendingOpinions, settings, earlier, signers] = await Promise.all([
    nationalAuthority(db),
    listOpinions(db, orgId, { status: 'requested', page: 1, pageSize: 1 }),
    findDocumentSettings(db, orgId),
    countEarlierReports(db, orgId, body.id, from),
    signersOf(db, orgId, body, allMemberships, scope.signingOn ?? to),
  ]);
  const [
    attendance,
    agreements,
    mandateUpdates,
    followUp,
    consultation,
    recurring,
    instruments,
    every,
    fortnights,
    programSections,
  ] = await Promise.all([
    attendanceReport(db, orgId, body, { from, to }),
    agreementsBySession(db, orgId, body, { from, to }),
    governance.mandateUpdateDays(db, orgId, from, to),
    monthlyStatusTable(db, orgId, { module: 'follow_up', from, to }),
    monthlyStatusTable(db, orgId, { module: 'consultation', from, to }),
    openRecurringObligations(db, orgId, to),
    listReportTables(db, orgId, from, to),
    allInstruments(db, orgId, {}, to),
    fortnightlyReports(db, orgId),
    collectProgram(db, orgId, { from, to }, nextPeriod(from, to)),
  ]);
  const open = every.filter((i) => i.status === 'negotiation' || i.status === 'signature');
  return {
    organization: { name: org?.name ?? '', acronym: org?.acronym ?? '' },
    body: {
      id: body.id,
      name: body.name,
      acronym: body.acronym,
      createdByAgreement: body.createdByAgreement,
      createdOn: body.createdOn,
    },
    from,
    to,
    members,
    secretaries,
    attendance,
    agreements,
    mandateUpdates,
    channel: {
      national: national ? { name: national.name, acronym: national.acronym } : null,
      followUp,
      consultation,
      recurring,
      fortnightly: fortnights
        .filter((r) => r.periodFrom >= from && r.periodTo <= to && r.state === 'sent')
        .map((r) => ({ from: r.periodFrom, to: r.periodTo, sentOn: r.sentOn }))
        .sort((a, b) => a.from.localeCompare(b.from)),
    },
    pendingOpinions: pendingOpinions.total,
    instruments,
    openInstruments: open
      .map((i) => ({ title: i.title, status: i.status as 'negotiation' | 'signature' }))
      .sort((a, b) => a.status.localeCompare(b.status) || a.title.localeCompare(b.title, 'es')),
    nationalInstruments: national ? nationalInstruments(every, national, from, to) : [],
    program: programSections.program,
    nextTargets: programSections.nextTargets,
    scheduled: programSections.scheduled,
    pendingItems: scope.pendingItems ?? [],
    legalBasis: settings?.reportLegalBasis ?? null,
    ordinal: earlier + 1,
    signers,
    letterhead: {
      headerLines: settings?.headerLines ?? [],
      footerLines: settings?.footerLines ?? [],
      logo: logoOf(settings),
    },
  };
}

/** The report's signers on a day, from the body's composition records (governance's face). */
export async function signersOf(
  db: Db,
  orgId: string,
  body: Body,
  memberships: Awaited<ReturnType<typeof governance.listMemberships>>,
  day: string,
): Promise<Signer[]> {
  const seats = memberships.filter((m) => m.role === 'president' || m.role === 'technical_secretary');
  const people = await governance.peopleById(db, orgId, [
    ...new Set(seats.flatMap((m) => (m.personId ? [m.personId] : []))),
  ]);
  const held: SignerSeat[] = await Promise.all(
    seats.map(async (m) => {
      const p = m.personId ? people.get(m.personId) : undefined;
      return {
        role: m.role,
        startsOn: m.startsOn,
        endsOn: m.endsOn,
        name: p?.fullName ?? m.personName ?? '',
        honorific: p?.honorific ?? null,
        gender: p?.gender ?? 'unspecified',
        title: m.personId ? ((await governance.positionTitleOn(db, orgId, m.personId, day)) ?? null) : null,
      };
    }),
  );
  return signersOn(held, day, body.name);
}

/**
 * The instruments with the national authority signed in the period or in signature at its end,
 * each preceded by the earlier amendments of the same type to the same parent (an amendment is
 * presented with those it follows).
 */
export function nationalInstruments(
  all: Instrument[],
  national: { name: string; acronym: string },
  from: string,
  to: string,
): NonNullable<ReportData['nationalInstruments']> {
  const withNational = (i: Instrument) =>
    i.parties.some((p) => p.acronym === national.acronym || p.name === national.name);
  const main = all
    .filter(
      (i) =>
        withNational(i) &&
        ((i.signedOn !== null && i.signedOn >= from && i.signedOn <= to) || i.status === 'signature'),
    )
    .sort((a, b) => (a.signedOn ?? '9999').localeCompare(b.signedOn ?? '9999'));
  const out: Instrument[] = [];
  for (const i of main) {
    const earlier = all
      .filter(
        (e) =>
          i.parentId !== null &&
          e.parentId === i.parentId &&
          e.typeId === i.typeId &&
          e.ordinal !== null &&
          i.ordinal !== null &&
          e.ordinal < i.ordinal &&
          e.signedOn !== null &&
          e.signedOn <= to,
      )
      .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    for (const e of [...earlier, i]) if (!out.includes(e)) out.push(e);
  }
  return out.map((i) => ({ title: i.title, status: i.status, signedOn: i.signedOn }));
}
