import Holidays from 'date-holidays';
import type { LocalDate } from '../../../shared/dates';

/**
 * Mexico's mandatory rest days as the Ley Federal del Trabajo, art. 74, sets them:
 *   I 1 January · II first Monday of February · III third Monday of March · IV 1 May ·
 *   V 16 September · VI third Monday of November · VII the day the federal Executive is handed
 *   over, every six years · VIII 25 December · IX the ordinary election day set by electoral law.
 * Taken from date-holidays (type "public") and corrected where it departs from the law:
 * - VII: since the 2014 constitutional reform (art. 83) the President takes office on 1 October,
 *   first in 2024; date-holidays still gives 1 December (2024, 2030…). Before 2024 it was
 *   1 December (2000, 2006, 2012, 2018).
 * - IX: date-holidays omits election days. Federal ordinary elections: the dates below, then the
 *   first Sunday of June every three years (LGIPE art. 22). Local election days of a state that
 *   differ are the organization's own non-working days.
 * Religious and bank holidays (Holy Week, 2 November, 12 December) are not in art. 74; an
 * organization declares them as its own non-working days when it observes them.
 */

export type Holiday = { date: LocalDate; name: string };

const library = new Holidays('MX');

const FEDERAL_ELECTION_DAYS: Record<number, LocalDate> = {
  2015: '2015-06-07',
  2018: '2018-07-01',
  2021: '2021-06-06',
  2024: '2024-06-02',
};

const TRANSMISSION_NAME = 'Transmisión del Poder Ejecutivo Federal';

function firstSundayOfJune(year: number): LocalDate {
  const june1 = new Date(Date.UTC(year, 5, 1)).getUTCDay();
  const day = 1 + ((7 - june1) % 7);
  return `${year}-06-${String(day).padStart(2, '0')}`;
}

export function federalElectionDay(year: number): LocalDate | null {
  if (FEDERAL_ELECTION_DAYS[year]) return FEDERAL_ELECTION_DAYS[year]!;
  if (year > 2024 && (year - 2024) % 3 === 0) return firstSundayOfJune(year);
  return null;
}

function transmissionDay(year: number): LocalDate | null {
  if ((year - 2000) % 6 !== 0) return null; // 2000, 2006, …, 2024, 2030
  return year >= 2024 ? `${year}-10-01` : `${year}-12-01`;
}

/** The art. 74 rest days of `year`, in date order. */
export function officialHolidays(year: number): Holiday[] {
  const fromLibrary = library
    .getHolidays(year)
    .filter((h) => h.type === 'public' && h.name !== TRANSMISSION_NAME)
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
  const transmission = transmissionDay(year);
  const election = federalElectionDay(year);
  return [
    ...fromLibrary,
    ...(transmission ? [{ date: transmission, name: TRANSMISSION_NAME }] : []),
    ...(election ? [{ date: election, name: 'Jornada electoral federal' }] : []),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
}
