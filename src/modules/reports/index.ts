// Face of the reports module: the quarterly report from the command line (`vincula report
// quarterly`). No other module reads the reports: they read the other modules.
export { quarterlyReportCommand } from './cli';
