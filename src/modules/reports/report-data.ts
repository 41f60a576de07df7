import type { LocalDate } from '../../shared/dates';
import type { ReportTables } from '../agreements/contract';
import type { MonthlyStatusTable, RecurringObligation } from '../channel/contract';
import type { AgreementsBySession, AttendanceTable } from '../governance/contract';
import type { DateSpec } from '../program/contract';
import type { ReportDocument } from './contract';
import type { Signer } from './signature-block';

// Everything a report is written from, read from the records of one organization, one collegiate
// body and one period. Plain data: the section builders are pure functions of it, so they are
// tested without a database and any organization gets its own report from its own records.

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
export type ProgramActivity = {
  on: LocalDate | null;
  until: LocalDate | null;
  /** The activity's title. */
  text: string;
  columns?: Record<string, string>;
  /** The dates as recorded (day, range, list, month, within); absent for plain activities. */
  dates?: DateSpec;
  kindName?: string;
  purpose?: string | null;
  notes?: string | null;
  place?: string | null;
  /** "a distancia (Microsoft Teams)", "presencial". */
  modality?: string | null;
  /** Names of the institutions involved ("Universidad Insurgentes"). */
  institutions?: string[];
  /** People with their role and the title of their position on the day ("Consejera Electoral"). */
  people?: { name: string; role: string; title: string | null }[];
  /** Cities of a tour abroad. */
  route?: string[];
  country?: string | null;
  election?: string | null;
  invitingInstitution?: string | null;
};
export type ProgramPublication = {
  name: string;
  cadence: 'weekly' | 'monthly' | 'irregular';
  audience: string | null;
  distribution: string | null;
  /** Issues in the period; `numbered` false for issues counted together (daily news…). */
  issues: { on: LocalDate; title: string; numbered: boolean }[];
};
export type ProgramPlanReview = { system: string; reviewedOn: LocalDate; informedTo: string | null };
export type ProgramCampaign = {
  topic: string;
  /** "YYYY-MM". */
  month: string;
  sentOn: LocalDate | null;
  channels: string[];
};
/** A line; its own unit (activities without an objective…) matters when it has no objectives. */
export type ProgramLine = Partial<ProgramUnit> & {
  number: string;
  title: string;
  objectives: ProgramObjective[];
};
export type ProgramOutline = { name: string; approvedBy?: string | null; lines: ProgramLine[] };

/** A target of the period after the report's (section V). */
export type NextTarget = {
  line: string;
  objective: string | null;
  description: string;
  minimumCount: number;
  unit: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
};

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
  attendance: AttendanceTable;
  agreements: AgreementsBySession;
  /** SSSCG: days of the progress updates recorded in the period, one entry per update. */
  mandateUpdates: LocalDate[];
  channel: {
    /** The national authority at the other end of the channel ("INE"). */
    national: { name: string; acronym: string } | null;
    followUp: MonthlyStatusTable;
    consultation: MonthlyStatusTable;
    recurring: RecurringObligation[];
    /** Fortnightly statistical reports of fortnights within the period, with their sending day. */
    fortnightly?: { from: LocalDate; to: LocalDate; sentOn: LocalDate | null }[];
  } | null;
  instruments: ReportTables | null;
  /** Opinions of pertinence requested and not yet issued. */
  pendingOpinions: number;
  /** Instruments in negotiation or in signature at the end of the period. */
  openInstruments: { title: string; status: 'negotiation' | 'signature' }[];
  /**
   * Instruments with the national authority signed in the period or in signature at its end, each
   * with the earlier amendments of the same kind to the same parent (the presentation names them).
   */
  nationalInstruments?: { title: string; status: string; signedOn: LocalDate | null }[];
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
