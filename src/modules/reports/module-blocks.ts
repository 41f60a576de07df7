import { agreementsReportBlocks, type AgreementsReport } from '../agreements';
import { channelReportBlocks } from '../channel';
import { governanceReportBlocks, type GovernanceReport } from '../governance';
import type { Block } from '../../shared/document-blocks';
import type { ReportBlock, ReportContext } from '../platform/documents/document-kit';
import type { ReportData } from './report-data';

// The blocks the other modules contribute to section IV (ADR 0036), each bound to its module's
// part of the report's data. Their order is the order of the headings of a report without a
// program.

export type ModuleBlock = {
  key: string;
  source: string;
  title: string;
  count: (data: ReportData) => number;
  write: (c: ReportContext & { data: ReportData }) => Block[] | null;
};

/** Governance's part of the report's data. */
export const governanceOf = (d: ReportData): GovernanceReport => ({
  attendance: d.attendance,
  agreements: d.agreements,
  mandateUpdates: d.mandateUpdates,
});

/** The agreements register's part of the report's data. */
export const agreementsOf = (d: ReportData): AgreementsReport => ({
  instruments: d.instruments,
  pendingOpinions: d.pendingOpinions,
  openInstruments: d.openInstruments,
  ...(d.nationalInstruments ? { nationalInstruments: d.nationalInstruments } : {}),
});

function bind<D>(blocks: ReportBlock<D>[], pick: (d: ReportData) => D): ModuleBlock[] {
  return blocks.map((mb) => ({
    key: mb.key,
    source: mb.source,
    title: mb.title,
    count: (data) => mb.count(pick(data)),
    write: (c) => mb.write(c, pick(c.data)),
  }));
}

export const MODULE_BLOCKS: ModuleBlock[] = [
  ...bind(channelReportBlocks, (d) => d.channel),
  ...bind(governanceReportBlocks, governanceOf),
  ...bind(agreementsReportBlocks, agreementsOf),
];
