// Face of the outreach module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). What the quarterly report reads of
// outreach's campaigns.

export { outreachCampaignsInPeriod } from './report-data';
export type { ReportCampaign } from './report-data';
// Its part of the quarterly report: what it collects for a period and writes (ADR 0036).
export { campaignBlocks, campaignsAnnex, type CampaignInReport } from './report-section';
