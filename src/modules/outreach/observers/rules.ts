import type { LocalDate } from '../../../shared/dates';
import type { FieldProblem } from '../../../shared/errors';
import type { AccreditationStatus } from './contract';

// Pure rules of the accompaniment mission: accreditation, agenda days, route times. No I/O.

/** Minutes since midnight of an "HH:MM" time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** Accreditation numbers are compared trimmed and upper-cased ("ine/obs-0012 " = "INE/OBS-0012"). */
export function normalizeAccreditationNumber(n: string | null | undefined): string | null {
  const v = n?.trim().toUpperCase();
  return v ? v : null;
}

/**
 * An accredited registrant has an accreditation number; the others have none (the number is issued
 * with the accreditation).
 */
export function accreditationProblems(
  status: AccreditationStatus,
  number: string | null | undefined,
): FieldProblem[] {
  const n = normalizeAccreditationNumber(number);
  if (status === 'accredited' && !n)
    return [
      { path: 'accreditationNumber', message: 'Indique el número de acreditación de la persona acreditada' },
    ];
  if (status !== 'accredited' && n)
    return [
      {
        path: 'accreditationNumber',
        message:
          'Solo una persona acreditada tiene número de acreditación; cambie el estado o quite el número',
      },
    ];
  return [];
}

export type MissionDays = { startsOn: LocalDate; endsOn: LocalDate; electionDay: LocalDate };

/** The mission's own days are consistent: it starts before election day and ends after it. */
export function missionDayProblems(m: MissionDays): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (m.startsOn > m.electionDay)
    out.push({
      path: 'startsOn',
      message: 'La misión debe comenzar a más tardar el día de la jornada electoral',
    });
  if (m.endsOn < m.electionDay)
    out.push({ path: 'endsOn', message: 'La misión debe terminar el día de la jornada electoral o después' });
  return out;
}

export type StopTimes = { arrivalTime: string; departureTime: string; section: number; casillaType: string };
export type AgendaShape = {
  kind: 'activity' | 'route';
  day: LocalDate;
  startTime: string;
  endTime: string;
  stops?: StopTimes[] | undefined;
};

/**
 * An agenda item fits its mission: its day lies within the mission, it ends after it starts, a
 * route is on election day with at least one stop, and an activity has no stops.
 */
export function agendaProblems(mission: MissionDays, item: AgendaShape): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (item.day < mission.startsOn || item.day > mission.endsOn)
    out.push({
      path: 'day',
      message: `La fecha está fuera de la misión (del ${mission.startsOn} al ${mission.endsOn})`,
    });
  else if (item.kind === 'route' && item.day !== mission.electionDay)
    out.push({
      path: 'day',
      message: `El recorrido por casillas es el día de la jornada electoral (${mission.electionDay})`,
    });
  if (minutesOf(item.endTime) <= minutesOf(item.startTime))
    out.push({ path: 'endTime', message: 'La hora de término debe ser posterior a la de inicio' });
  const stops = item.stops ?? [];
  if (item.kind === 'activity' && stops.length)
    out.push({ path: 'stops', message: 'Solo un recorrido tiene paradas en casillas' });
  if (item.kind === 'route') {
    if (!stops.length) out.push({ path: 'stops', message: 'Agregue al menos una casilla al recorrido' });
    out.push(...routeProblems(item.startTime, item.endTime, stops));
  }
  return out;
}

/**
 * The stops of a route are in time order: each stop's departure is not before its arrival, each
 * arrival is not before the previous departure, and the whole route lies within the item's hours.
 * A polling station (section and type) is visited once.
 */
export function routeProblems(startTime: string, endTime: string, stops: StopTimes[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Map<string, number>();
  stops.forEach((s, i) => {
    const n = i + 1;
    const arrival = minutesOf(s.arrivalTime);
    const departure = minutesOf(s.departureTime);
    if (departure < arrival)
      out.push({
        path: `stops.${i}.departureTime`,
        message: `La salida de la parada ${n} (${s.departureTime}) es anterior a su llegada (${s.arrivalTime})`,
      });
    if (i === 0 && arrival < minutesOf(startTime))
      out.push({
        path: `stops.${i}.arrivalTime`,
        message: `La primera parada (${s.arrivalTime}) es anterior al inicio del recorrido (${startTime})`,
      });
    if (i > 0) {
      const prev = stops[i - 1]!;
      if (arrival < minutesOf(prev.departureTime))
        out.push({
          path: `stops.${i}.arrivalTime`,
          message: `La llegada a la parada ${n} (${s.arrivalTime}) es anterior a la salida de la parada ${i} (${prev.departureTime}); ordene las paradas por hora`,
        });
    }
    if (i === stops.length - 1 && departure > minutesOf(endTime))
      out.push({
        path: `stops.${i}.departureTime`,
        message: `La última parada (${s.departureTime}) termina después del fin del recorrido (${endTime})`,
      });
    const key = `${s.section} ${s.casillaType.toUpperCase()}`;
    if (seen.has(key))
      out.push({
        path: `stops.${i}.section`,
        message: `La casilla ${key} ya está en la parada ${seen.get(key)! + 1}`,
      });
    else seen.set(key, i);
  });
  return out;
}

/** "Sección 0123, casilla B" as printed in agendas. */
export function casillaLabel(section: number, casillaType: string): string {
  return `Sección ${String(section).padStart(4, '0')}, casilla ${casillaType}`;
}

/** Fills `{{nombre}}` in a communication's text. */
export function renderCommunication(body: string, values: { nombre: string }): string {
  return body.replace(/\{\{\s*nombre\s*\}\}/g, values.nombre);
}
