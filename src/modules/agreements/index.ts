// Face of the agreements module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). What the quarterly report reads of the
// agreements register.

export { listReportTables } from './list-report-tables';
export { allInstruments, listOpinions } from './repository';
// Its part of the quarterly report: what it collects for a period and writes (ADR 0036).
export {
  agreementsPending,
  agreementsReportBlocks,
  collectAgreementsReport,
  opinionsAnnex,
  type AgreementsReport,
} from './report-section';
