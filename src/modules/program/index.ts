// Face of the program module: what other modules may import from it (besides its contract files
// and, for foreign keys and queries, its schema files). What the quarterly report reads of the work
// program.

export { loadProgramTree } from './program-tree';
export { objectivesWithoutActivityOrReason, programReportData, targetsForPeriod } from './report-data';
export type { ReportSeries, ReportUnit } from './report-data';
export {
  allActivities,
  findProgramByYear,
  programStructureCounts,
  quartersWithActivities,
} from './repository';
// Its part of the quarterly report: what it collects for a period and writes (ADR 0036).
export {
  activityBlocks,
  activityDate,
  collectProgramReport,
  planReviewBlocks,
  programPending,
  publicationBlocks,
  type NextTarget,
  type ProgramActivity,
  type ProgramPlanReview,
  type ProgramPublication,
  type ProgramReport,
  type ProgramUnitRecords,
} from './report-section';
