import type { LocalDate } from '../../shared/dates';
import type { ReportTables } from '../agreements/contract';
import type { MonthlyStatusTable } from '../channel/contract';
import type { AgreementsBySession, AttendanceTable } from '../governance/contract';

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

export type ProgramObjective = {
  /** "A", "B"… */
  key: string;
  title: string;
  /** Module blocks placed under this objective ("channel.status", "agreements.opinions"…). */
  blocks: string[];
  /** The stated reason when the period has no activity. */
  reason: string | null;
  /** Activities recorded against the objective in the period (from the program module). */
  activities: ProgramActivity[];
};
export type ProgramActivity = {
  on: LocalDate | null;
  until: LocalDate | null;
  text: string;
  columns?: Record<string, string>;
};
export type ProgramLine = { number: string; title: string; objectives: ProgramObjective[] };
export type ProgramOutline = { name: string; lines: ProgramLine[] };

export type RecurringObligation = {
  folio: string;
  subject: string;
  description: string;
  rule: string;
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
  } | null;
  instruments: ReportTables | null;
  /** Opinions of pertinence requested and not yet issued. */
  pendingOpinions: number;
  /** Instruments in signature at the end of the period. */
  openInstruments: { title: string; status: 'negotiation' | 'signature' }[];
  /** The organization's work program for the period, when it has one. */
  program: ProgramOutline | null;
  /** Pending items staff added for section V. */
  pendingItems: { line: string | null; text: string }[];
};
