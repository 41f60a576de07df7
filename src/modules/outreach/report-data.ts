import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { LocalDate } from '../../shared/dates';
import type { Channel } from './contract';
import { objectiveLabels } from './repository';
import { campaign } from './schema';

/** One campaign as the quarterly report's outreach tables show it. */
export type ReportCampaign = {
  id: string;
  topic: string;
  /** "YYYY-MM": the month the campaign belongs to. */
  month: string;
  /** The day it went out, when known (the Voto Chilango mailings have one; the 2.B topics only a month). */
  sentOn: LocalDate | null;
  channels: Channel[];
  objectiveId: string | null;
  /** "2.B", when linked to the work program. */
  objectiveCode: string | null;
  status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled' | 'recorded';
  /** E-mails marked sent in the ledger (0 for recorded campaigns) and WhatsApp/phone contacts logged. */
  emailsSent: number;
  manualContacts: number;
};

/**
 * For the reports module: the campaigns of the months touched by [from, to], in report order (month,
 * day when known, then the order in which they were recorded). Drafts and scheduled campaigns are
 * left out (they have not happened). Filter by `objectiveId` for one objective's table.
 */
export async function outreachCampaignsInPeriod(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate; objectiveId?: string },
): Promise<ReportCampaign[]> {
  const labels = new Map((await objectiveLabels(db, orgId)).map((o) => [o.id, o.code]));
  const rows = await db
    .select({
      id: campaign.id,
      topic: campaign.topic,
      month: campaign.month,
      sentOn: campaign.sentOn,
      channels: campaign.channels,
      objectiveId: campaign.objectiveId,
      status: campaign.status,
      emailsSent: sql<number>`(select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'sent')`,
      manualContacts: sql<number>`(select count(*)::int from outreach_manual_contact m where m.campaign_id = outreach_campaign.id)`,
    })
    .from(campaign)
    .where(
      and(
        eq(campaign.organizationId, orgId),
        gte(campaign.month, period.from.slice(0, 7)),
        lte(campaign.month, period.to.slice(0, 7)),
        sql`${campaign.status} in ('sending', 'paused', 'sent', 'cancelled', 'recorded')`,
        period.objectiveId ? eq(campaign.objectiveId, period.objectiveId) : undefined,
      ),
    )
    .orderBy(
      asc(campaign.month),
      asc(sql`coalesce(${campaign.sentOn}, '0001-01-01')`),
      asc(campaign.createdAt),
    );
  return rows.map((r) => ({
    ...r,
    emailsSent: Number(r.emailsSent),
    manualContacts: Number(r.manualContacts),
    objectiveCode: r.objectiveId ? (labels.get(r.objectiveId) ?? null) : null,
  }));
}
