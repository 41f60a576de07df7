import { formatLongDate } from '../../shared/spanish-dates';
import { capitalize } from '../../shared/spanish-words';
import { STATUS_LABELS, type InstrumentStatus, type ReportTables } from './contract';

// The agreements tables of the quarterly report, built from records: numbering, dates with their
// weekday and the article before each instrument are derived, never typed.

export type SignedInput = { title: string; signedOn: string };
export type NegotiationInput = {
  title: string;
  object: string | null;
  areas: string[];
  status: InstrumentStatus;
  /** The description of the first accompaniment activity of the period for the instrument. */
  accompaniment?: string | null;
};
export type OpinionInput = { number: string; instrumentTitle: string; gender: 'm' | 'f'; areas: string[] };

/** Instruments signed in the period, by signing date: "Lunes 4 de marzo de 2024". */
export function signedRows(items: readonly SignedInput[]): ReportTables['signed'] {
  return [...items]
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.title.localeCompare(b.title, 'es'))
    .map((i, k) => ({
      n: k + 1,
      instrument: `${i.title}.`,
      signedOn: capitalize(formatLongDate(i.signedOn)),
    }));
}

/** How an instrument still being agreed is described in the report: "En proceso de …". */
const IN_PROCESS: Partial<Record<InstrumentStatus, string>> = {
  negotiation: 'En proceso de negociación',
  signature: 'En proceso de suscripción',
};

/** Whether a row of the accompaniment table is an instrument still in negotiation at the period's end. */
export function stillInNegotiation(row: { status: string }): boolean {
  return row.status === IN_PROCESS.negotiation;
}

/**
 * Instruments under negotiation with the office's accompaniment. An instrument without an object
 * yet is described by the accompaniment itself when its description reads "what: purpose"
 * ("Acompañamiento a la Subcontraloría en la vinculación con …: tener una reunión …").
 */
export function negotiationRows(items: readonly NegotiationInput[]): ReportTables['negotiation']['rows'] {
  return items.map((i, k) => {
    const split = !i.object && i.accompaniment ? /^(.+?):\s+(.+)$/s.exec(i.accompaniment) : null;
    return {
      n: k + 1,
      instrument: split ? split[1]!.trim() : i.title,
      object: split ? capitalize(split[2]!.trim()) : (i.object ?? ''),
      areas: i.areas.join(' / '),
      status: IN_PROCESS[i.status] ?? STATUS_LABELS[i.status],
    };
  });
}

/** "Opinión de pertinencia respecto del Convenio…" / "…respecto de la Adenda…", in number order. */
export function opinionRows(items: readonly OpinionInput[]): ReportTables['opinions'] {
  return items.map((o, k) => ({
    n: k + 1,
    number: o.number,
    instrument: `Opinión de pertinencia respecto ${o.gender === 'f' ? 'de la' : 'del'} ${o.instrumentTitle}`,
    areas: o.areas.join(' / '),
  }));
}
