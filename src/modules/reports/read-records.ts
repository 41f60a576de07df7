import { and, asc, between, eq, sql } from 'drizzle-orm';
import { organization } from '../accounts/schema';
import { channelCommunication, channelFolio, channelObligation } from '../channel/schema';
import { describeDueRule } from '../channel/contract-due-rules';
import { formatFolioNumber } from '../channel';
import { mandateUpdate } from '../governance/schema';
import type { Db } from '../platform/db/client';
import type { RecurringObligation } from './report-data';

// Reads of other modules' tables the report needs and their modules do not expose as functions.
// Every one filters by the organization.

export async function findOrganization(db: Db, orgId: string) {
  const [row] = await db
    .select({ name: organization.name, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row;
}

export async function findOrganizationByAcronym(db: Db, acronym: string) {
  const [row] = await db
    .select({ id: organization.id, name: organization.name, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.acronym, acronym));
  return row;
}

/** SSSCG: the day of every mandate progress update recorded in [from, to], in order. */
export async function mandateUpdateDays(db: Db, orgId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .select({ on: mandateUpdate.occurredOn })
    .from(mandateUpdate)
    .where(and(eq(mandateUpdate.organizationId, orgId), between(mandateUpdate.occurredOn, from, to)))
    .orderBy(asc(mandateUpdate.occurredOn), asc(mandateUpdate.entry));
  return rows.map((r) => r.on);
}

/** Recurring obligations of the organization's follow-up folios still open at the end of the period. */
export async function openRecurringObligations(
  db: Db,
  orgId: string,
  to: string,
): Promise<RecurringObligation[]> {
  const rows = await db
    .select({
      year: channelFolio.year,
      number: channelFolio.number,
      subject: channelCommunication.subject,
      description: channelObligation.description,
      rule: channelObligation.dueRule,
    })
    .from(channelObligation)
    .innerJoin(channelFolio, eq(channelFolio.id, channelObligation.folioId))
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(
      and(
        eq(channelObligation.organizationId, orgId),
        sql`${channelObligation.startsOn} <= ${to}::date`,
        sql`(${channelObligation.endsOn} is null or ${channelObligation.endsOn} >= ${to}::date)`,
      ),
    )
    .orderBy(asc(channelFolio.year), asc(channelFolio.number), asc(channelObligation.createdAt));
  return rows.map((r) => ({
    folio: formatFolioNumber(r),
    subject: r.subject,
    description: r.description,
    rule: describeDueRule(r.rule),
  }));
}
