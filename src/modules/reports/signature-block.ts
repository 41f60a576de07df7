import type { LocalDate } from '../../shared/dates';
import { capitalize, ofName, ordinalInWords } from '../../shared/spanish-words';

// Who signs a body's report and how the report counts itself: pure rules (issue 16).

/** A seat of the body's composition records as the signature block reads it. */
export type SignerSeat = {
  role: string;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  name: string;
  honorific: string | null;
  gender: string;
  /** The position held on the signing day ("Consejera Electoral"). */
  title: string | null;
};

/** One signature: the signer's name as printed under the line and the capacity they sign in. */
export type Signer = { name: string; role: string };

const SIGNING_ROLES = [
  { role: 'president', female: 'Presidenta', male: 'Presidente', neutral: 'Presidencia' },
  {
    role: 'technical_secretary',
    female: 'Secretaria Técnica',
    male: 'Secretario Técnico',
    neutral: 'Secretaría Técnica',
  },
] as const;

/**
 * The signers of a body's report on a day: its presidency and its technical secretary as held that
 * day (the seat that began last, when the records overlap), in that order. A councillor signs with
 * the position they hold ("Consejera Electoral …"), anyone else with their honorific ("Mtro. …").
 * A seat vacant that day signs nothing.
 */
export function signersOn(seats: readonly SignerSeat[], day: LocalDate, bodyName: string): Signer[] {
  return SIGNING_ROLES.flatMap((r) => {
    const held = seats
      .filter((s) => s.role === r.role && s.startsOn <= day && (s.endsOn === null || s.endsOn >= day))
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
    if (!held) return [];
    const label = held.gender === 'female' ? r.female : held.gender === 'male' ? r.male : r.neutral;
    const prefix = r.role === 'president' ? (held.title ?? held.honorific) : held.honorific;
    return [{ name: [prefix, held.name].filter(Boolean).join(' '), role: `${label} ${ofName(bodyName)}` }];
  });
}

/**
 * "Segundo informe trimestral de la Comisión … de enero a marzo de 2024": a report counts the
 * body's reports before it, across years (the reference's CVOE presented its first report for
 * September–December 2023, so January–March 2024 is its second).
 */
export function ordinalTitle(ordinal: number, title: string): string {
  const lower = title.charAt(0).toLowerCase() + title.slice(1);
  if (ordinal > 59) return `${capitalize(lower)} (número ${ordinal})`;
  return `${capitalize(ordinalInWords(ordinal, 'm'))} ${lower}`;
}
