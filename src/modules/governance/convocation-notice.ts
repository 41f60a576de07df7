import { createHmac, timingSafeEqual } from 'node:crypto';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import type { OutgoingMail } from '../platform/mail/mailer';
import type { AgendaItem, Body, Session } from './contract';
import { MODALITY_LABELS } from './labels';

// The convocatoria's e-mail and its iCalendar invitation (iTIP, RFC 5546), one per recipient.

const ZONE = 'America/Mexico_City';
/**
 * Mexico City has kept UTC−6 all year since October 2022 (no daylight saving): one STANDARD
 * rule is its whole definition for the sessions convened from then on. Outlook needs a VTIMEZONE
 * for every TZID it reads.
 */
const MEXICO_CITY_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:-0600',
  'TZOFFSETTO:-0600',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export type NoticeKind = 'convocation' | 'update' | 'cancellation';
export type NoticeRecipient = { id: string; name: string; email: string | null; voting: boolean };

/** The session's iCal UID: the same in the feeds, the invitation and its updates. */
export const sessionUid = (sessionId: string) => `${sessionId}@vincula`;

/** A recipient's link signed with the installation's secret: nothing to store, nothing to guess. */
export function recipientToken(secret: string, recipientId: string): string {
  return `${recipientId}.${mac(secret, recipientId)}`;
}
function mac(secret: string, recipientId: string) {
  return createHmac('sha256', secret).update(`convocation:${recipientId}`).digest('base64url').slice(0, 32);
}
/** The recipient id of a well-signed token, or null. */
export function recipientOfToken(secret: string, token: string): string | null {
  const [id, signature] = token.split('.');
  if (!id || !signature || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** Start and end as Mexico City wall-clock times; two hours when the end is not known. */
function wallClock(s: Session): { start: string; end: string } {
  const start = `${s.heldOn}T${s.startTime}:00`;
  if (s.endTime) return { start, end: `${s.heldOn}T${s.endTime}:00` };
  const [h, m] = s.startTime!.split(':').map(Number) as [number, number];
  const endHour = Math.min(h + 2, 23);
  const end = `${String(endHour).padStart(2, '0')}:${String(endHour === h + 2 ? m : 59).padStart(2, '0')}`;
  return { start, end: `${s.heldOn}T${end}:00` };
}

/** The invitation (REQUEST) or its cancellation (CANCEL) with every recipient as an attendee. */
export function invitation(input: {
  kind: NoticeKind;
  body: Body;
  session: Session;
  sequence: number;
  organizer: { name: string; email: string };
  recipients: NoticeRecipient[];
  url: string;
}): string {
  const { kind, body, session: s } = input;
  const cal = ical({
    prodId: { company: 'Vincula', product: 'convocatorias', language: 'ES' },
    method: kind === 'cancellation' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: (tz) => (tz === ZONE ? MEXICO_CITY_VTIMEZONE : null) },
  });
  const { start, end } = wallClock(s);
  const event = cal.createEvent({
    id: sessionUid(s.id),
    sequence: input.sequence,
    start,
    end,
    timezone: ZONE,
    summary: `${body.acronym}: ${capitalized(s.name)}`,
    description: `${body.name}. Modalidad ${MODALITY_LABELS[s.modality]}. Convocatoria y documentos: ${input.url}`,
    location: s.place ?? (s.modality === 'a_distancia' ? 'A distancia' : null),
    organizer: input.organizer,
    status: kind === 'cancellation' ? 'CANCELLED' : 'CONFIRMED',
  } as Parameters<typeof cal.createEvent>[0]);
  for (const r of input.recipients) {
    if (!r.email) continue;
    event.createAttendee({
      email: r.email,
      name: r.name,
      rsvp: kind !== 'cancellation',
      role: r.voting ? ICalAttendeeRole.REQ : ICalAttendeeRole.OPT,
      status: ICalAttendeeStatus.NEEDSACTION,
    });
  }
  return cal.toString();
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The e-mail to one recipient, with the invitation as its calendar part. */
export function noticeMail(input: {
  kind: NoticeKind;
  organizationName: string;
  body: Body;
  session: Session;
  agenda: AgendaItem[];
  message: string | null;
  recipient: NoticeRecipient & { email: string };
  link: string;
  calendar: string;
}): OutgoingMail {
  const { kind, body, session: s, recipient } = input;
  const when = `el ${s.heldOnText} a las ${s.startTime} horas (hora del centro de México)`;
  const where = `modalidad ${MODALITY_LABELS[s.modality]}${s.place ? `, en ${s.place}` : ''}`;
  const title = `${capitalized(s.name)} de la ${body.name}`;
  const subject = {
    convocation: `Convocatoria: ${title}`,
    update: `Cambio en la convocatoria: ${title}`,
    cancellation: `Sesión cancelada: ${title}`,
  }[kind];
  const opening = {
    convocation: `Se le convoca a la ${s.name} de la ${body.name}, que se celebrará ${when}, en ${where}.`,
    update: `La ${s.name} de la ${body.name} cambió: se celebrará ${when}, en ${where}. Esta convocatoria sustituye a la anterior.`,
    cancellation: `La ${s.name} de la ${body.name}, convocada para ${when}, fue cancelada${s.cancellation ? `: ${s.cancellation.reason}` : ''}.`,
  }[kind];
  const lines = [`${recipient.name}:`, '', opening, ''];
  if (input.message && kind !== 'cancellation') lines.push(input.message, '');
  if (kind !== 'cancellation') {
    lines.push('Orden del día:');
    for (const item of input.agenda) {
      lines.push(`${item.position}. ${item.title}`);
      for (const d of item.documents) lines.push(`   Documento: ${d.filename}`);
    }
    if (!input.agenda.length) lines.push('(por integrar)');
    lines.push(
      '',
      `Consulte los documentos y confirme su asistencia en: ${input.link}`,
      '',
      'La invitación adjunta agrega la sesión a su calendario.',
    );
  }
  lines.push('', input.organizationName);
  return {
    to: recipient.email,
    subject,
    text: lines.join('\n'),
    icalEvent: {
      method: kind === 'cancellation' ? 'CANCEL' : 'REQUEST',
      content: input.calendar,
      filename: kind === 'cancellation' ? 'cancelacion.ics' : 'convocatoria.ics',
    },
  };
}
