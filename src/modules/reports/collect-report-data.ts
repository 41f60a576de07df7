import { collectAgreementsReport } from '../agreements';
import { collectChannelReport } from '../channel';
import { findOrganizationName } from '../accounts';
import { collectGovernanceReport } from '../governance';
import type { Body } from '../governance/contract';
import * as governance from '../governance';
import type { Db } from '../platform/db/client';
import { notFound } from '../platform/errors';
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
  const period = { from, to };
  const [settings, earlier, signers, sessions, channel, programSections] = await Promise.all([
    findDocumentSettings(db, orgId),
    countEarlierReports(db, orgId, body.id, from),
    signersOf(db, orgId, body, allMemberships, scope.signingOn ?? to),
    collectGovernanceReport(db, orgId, body, period),
    collectChannelReport(db, orgId, period),
    collectProgram(db, orgId, period, nextPeriod(from, to)),
  ]);
  // The register names the instruments with the channel's national authority.
  const agreements = await collectAgreementsReport(db, orgId, period, channel.national);
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
    ...sessions,
    channel,
    ...agreements,
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
