import type { LocalDate } from '../../shared/dates';
import type { AgreementsReport } from '../agreements';
import type { ChannelReport } from '../channel';
import type { GovernanceReport } from '../governance';
import type { NextTarget, ProgramActivity, ProgramPlanReview, ProgramPublication } from '../program';
import type { CampaignInReport } from '../outreach';
import type { ReportDocument } from './contract';
import type { Signer } from './signature-block';

// Everything a report is written from, read from the records of one organization, one collegiate
// body and one period. Plain data: the section builders are pure functions of it, so they are
// tested without a database and any organization gets its own report from its own records. Each
// module states the shape of its own part (ChannelReport, AgreementsReport…, ADR 0036).

export type PersonRef = {
  name: string;
  /** "Mtro.", "Dra."… as recorded in the directory. */
  honorific: string | null;
  gender: string;
  /** The title of the position held ("Consejera Electoral"). */
  title: string | null;
};

/**
 * What a program objective (or a line without objectives) reports for the period. Every list is
 * records of the program module or of the modules the objective names as its record sources.
 */
export type ProgramUnit = {
  /** Module blocks placed here ("channel.status", "agreements.opinions"…), from its record sources. */
  blocks: string[];
  /** The stated reason when the period has no activity. */
  reason: string | null;
  /** Activities recorded against it in the period (from the program module), in date order. */
  activities: ProgramActivity[];
  /** Publication series with their issues in the period. */
  publications?: ProgramPublication[];
  /** Reviews of a plan or calendar system (e.g. the electoral process plan) in the period. */
  planReviews?: ProgramPlanReview[];
  /** Outreach campaigns linked to it, of the months of the period. */
  campaigns?: ProgramCampaign[];
};
export type ProgramObjective = ProgramUnit & {
  /** "A", "B"… */
  key: string;
  title: string;
};
export type { ProgramActivity, ProgramPlanReview, ProgramPublication } from '../program';
export type ProgramCampaign = CampaignInReport;
/** A line; its own unit (activities without an objective…) matters when it has no objectives. */
export type ProgramLine = Partial<ProgramUnit> & {
  number: string;
  title: string;
  objectives: ProgramObjective[];
};
export type ProgramOutline = { name: string; approvedBy?: string | null; lines: ProgramLine[] };

export type { NextTarget } from '../program';

export type ReportData = {
  organization: { name: string; acronym: string };
  body: {
    id: string;
    name: string;
    acronym: string;
    createdByAgreement: string | null;
    createdOn: LocalDate;
  };
  from: LocalDate;
  to: LocalDate;
  /** Seats of president and members held during the period, in roster order. */
  members: (PersonRef & { role: 'president' | 'member' })[];
  /** Technical secretaries designated by agreement, up to the period's end. */
  secretaries: (PersonRef & { startsOn: LocalDate; agreementNumber: string | null })[];
  attendance: GovernanceReport['attendance'];
  agreements: GovernanceReport['agreements'];
  mandateUpdates: GovernanceReport['mandateUpdates'];
  channel: ChannelReport | null;
  instruments: AgreementsReport['instruments'];
  pendingOpinions: AgreementsReport['pendingOpinions'];
  openInstruments: AgreementsReport['openInstruments'];
  nationalInstruments?: AgreementsReport['nationalInstruments'];
  /** The organization's work program for the period, when it has one. */
  program: ProgramOutline | null;
  /** Targets of the next period (section V), in program order. */
  nextTargets?: NextTarget[];
  /** Program activities scheduled in the next period (section V), by line. */
  scheduled?: (ProgramActivity & { line: string })[];
  /** Pending items staff added for section V. */
  pendingItems: { line: string | null; text: string }[];
  /** The organization's legal basis for its reports, printed first in the Presentación (a setting). */
  legalBasis?: string | null;
  /** Which of the body's reports this one is: one more than its reports of earlier periods. */
  ordinal?: number;
  /** Who signs: the body's presidency and technical secretary on the signing day. */
  signers?: Signer[];
  /** The organization's letterhead as set when the report is generated. */
  letterhead?: ReportDocument['letterhead'];
};
