import ical from 'ical-generator';
import { addDays } from '../../shared/dates';
import type { Body, Session } from './contract';
import { MODALITY_LABELS } from './labels';

const ZONE = 'America/Mexico_City';

/** The instant of a wall-clock time in Mexico City (whatever its UTC offset was that day). */
export function mexicoCityInstant(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const asLocal = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  return new Date(guess.getTime() - (asLocal - guess.getTime()));
}

/** An iCalendar feed of a body's sessions: timed events when the start is known, all-day otherwise. */
export function sessionsCalendar(body: Body, sessions: Session[], publicUrl: string): string {
  return calendarOf(
    `Sesiones de la ${body.acronym}`,
    sessions.map((session) => ({ body, session })),
    publicUrl,
  );
}

/** An iCalendar feed of sessions of one or several bodies, named `name`. */
export function calendarOf(
  name: string,
  entries: { body: Body; session: Session }[],
  publicUrl: string,
): string {
  const cal = ical({ name, prodId: { company: 'Vincula', product: 'sesiones' } });
  for (const { body, session: s } of entries) {
    const summary = `${body.acronym}: ${s.name.charAt(0).toUpperCase()}${s.name.slice(1)}`;
    const description = `${body.name}. Modalidad ${MODALITY_LABELS[s.modality]}.`;
    const common = {
      id: `${s.id}@vincula`,
      summary,
      description,
      location: s.place ?? (s.modality === 'a_distancia' ? 'A distancia' : null),
      url: `${publicUrl.replace(/\/$/, '')}/gobierno/sesiones/${s.id}`,
    };
    if (s.startTime) {
      const start = mexicoCityInstant(s.heldOn, s.startTime);
      const end = s.endTime
        ? mexicoCityInstant(s.heldOn, s.endTime)
        : new Date(start.getTime() + 2 * 60 * 60 * 1000);
      cal.createEvent({ ...common, start, end });
    } else {
      cal.createEvent({ ...common, allDay: true, start: s.heldOn, end: addDays(s.heldOn, 1) });
    }
  }
  return cal.toString();
}
