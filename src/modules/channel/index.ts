// Face of the channel module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). What other modules read of the INE–OPLE
// channel (the quarterly report, outreach's contacts).

export { formatFolioNumber } from './folio-number';
export { monthlyStatusTable } from './monthly-status-table';
export { listReports, reportRecipientCount } from './report-repository';
export {
  nationalAuthority,
  openRecurringObligations,
  overdueOccurrenceCount,
  quartersWithFolios,
} from './repository';
// Its part of the quarterly report: what it collects for a period and writes (ADR 0036).
export {
  channelAnnex,
  channelPending,
  channelReportBlocks,
  collectChannelReport,
  type ChannelReport,
} from './report-section';
