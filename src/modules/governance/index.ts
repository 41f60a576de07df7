// Face of the governance module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). What other modules read of the collegiate
// bodies: sessions, attendance, agreements.

export { agreementsBySession, attendanceReport } from './attendance-report';
export {
  bodyComposition,
  findAgreement,
  findBody,
  findBodyByAcronym,
  listBodies,
  listMemberships,
  listSessionRows,
  mandateUpdateDays,
  peopleById,
  positionTitleOn,
  quartersWithSessions,
} from './repository';
export { formatAgreementNumber } from './rules';
export { presentSessions } from './session-view';
// Its part of the quarterly report: what it collects for a period and writes (ADR 0036).
export {
  agreementsSection,
  collectGovernanceReport,
  governanceReportBlocks,
  sessionsSection,
  type GovernanceReport,
} from './report-section';
