import { allInstruments, listOpinions } from '../agreements/repository';
import { nationalAuthority } from '../channel/repository';
import { listReportTables } from '../agreements/list-report-tables';
import { monthlyStatusTable } from '../channel/monthly-status-table';
import { agreementsBySession, attendanceReport } from '../governance/attendance-report';
import type { Body } from '../governance/contract';
import * as governance from '../governance/repository';
import type { Db } from '../platform/db/client';
import { notFound } from '../platform/http/errors';
import * as records from './read-records';
import type { ProgramOutline, ReportData } from './report-data';

export type ReportScope = {
  orgId: string;
  bodyId: string;
  from: string;
  to: string;
  pendingItems?: ReportData['pendingItems'];
  /** The organization's program outline, when the program module provides one. */
  program?: ProgramOutline | null;
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
    records.findOrganization(db, orgId),
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
  const [national, pendingOpinions] = await Promise.all([
    nationalAuthority(db),
    listOpinions(db, orgId, { status: 'requested', page: 1, pageSize: 1 }),
  ]);
  const [attendance, agreements, mandateUpdates, followUp, consultation, recurring, instruments, open] =
    await Promise.all([
      attendanceReport(db, orgId, body, { from, to }),
      agreementsBySession(db, orgId, body, { from, to }),
      records.mandateUpdateDays(db, orgId, from, to),
      monthlyStatusTable(db, orgId, { module: 'follow_up', from, to }),
      monthlyStatusTable(db, orgId, { module: 'consultation', from, to }),
      records.openRecurringObligations(db, orgId, to),
      listReportTables(db, orgId, from, to),
      allInstruments(db, orgId, { status: ['signature'] }, to),
    ]);
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
    },
    pendingOpinions: pendingOpinions.total,
    instruments,
    openInstruments: open
      .map((i) => ({ title: i.title, status: i.status as 'signature' }))
      .sort((a, b) => a.title.localeCompare(b.title, 'es')),
    program: scope.program ?? null,
    pendingItems: scope.pendingItems ?? [],
  };
}
