import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { withinTransaction, type JobQueue } from '../platform/jobs/job-queue';
import { queueMail } from '../platform/mail/send-mail-job';
import { addDays, type LocalDate } from '../../shared/dates';
import { formatLongDate, formatMonth } from '../../shared/spanish-dates';
import type { WorkCalendar } from '../platform/calendar/business-days';
import { formatFolioNumber } from './folio-number';
import { workCalendarOf } from '../platform/calendar/repository';
import {
  areaStaffEmails,
  claimReminder,
  openSlipsDueBetween,
  owedOccurrencesDueBetween,
} from './routing-repository';
import { reminderDue } from './routing-state';

/**
 * Reminds the responsible area's staff of an open slip `daysBefore` business days before its due
 * date (internal, else the folio's) and on the day. Each (slip, kind, due date) is claimed in the
 * ledger, and its e-mails are queued in the same transaction: several instances running the daily
 * job send each reminder once, and a failed queueing leaves no claim behind. The months of recurring
 * obligations an area answers are reminded the same way. Returns how many reminders it queued.
 */
export async function sendDueReminders(
  db: Db,
  queue: JobQueue,
  today: LocalDate,
  daysBefore: number,
  publicUrl: string,
): Promise<number> {
  // Wide enough for N business days across weekends and holidays; the rule filters exactly.
  const slips = await openSlipsDueBetween(db, today, addDays(today, daysBefore * 3 + 14));
  const calendars = new Map<string, WorkCalendar>();
  let sent = 0;
  for (const slip of slips) {
    let cal = calendars.get(slip.organizationId);
    if (!cal) calendars.set(slip.organizationId, (cal = await workCalendarOf(db, slip.organizationId)));
    const kind = reminderDue(cal, slip.dueOn, today, daysBefore);
    if (!kind) continue;
    const emails = await areaStaffEmails(db, slip.organizationId, slip.areaId);
    if (!emails.length) continue;
    const folio = formatFolioNumber(slip);
    const when = formatLongDate(slip.dueOn);
    const subject =
      kind === 'due'
        ? `Hoy vence el turno del folio ${folio}`
        : `Recordatorio: el turno del folio ${folio} vence el ${when}`;
    const text = [
      `Área: ${slip.areaName}`,
      `Folio ${folio}: ${slip.subject}`,
      `Plazo: ${when}.`,
      ...(slip.instructions ? [`Instrucciones: ${slip.instructions}`] : []),
      '',
      `Responda o devuelva el turno en Vincula: ${publicUrl}/canal/turnos/${slip.id}`,
    ].join('\n');
    // The ledger row and the e-mails commit together: the instance that claims the row queues them.
    const claimed = await inTransaction(db, async (tx) => {
      const mine = await claimReminder(tx, {
        organizationId: slip.organizationId,
        routingId: slip.id,
        kind,
        dueOn: slip.dueOn,
        recipients: emails.length,
      });
      if (mine) for (const to of emails) await queueMail(queue, { to, subject, text }, withinTransaction(tx));
      return mine;
    });
    if (!claimed) continue;
    sent++;
  }
  return sent + (await sendOccurrenceReminders(db, queue, today, daysBefore, publicUrl, calendars));
}

/**
 * The same reminders for the months of recurring obligations an area answers: its staff hear of a
 * month still owed `daysBefore` business days before its due date and on the day, once each.
 */
async function sendOccurrenceReminders(
  db: Db,
  queue: JobQueue,
  today: LocalDate,
  daysBefore: number,
  publicUrl: string,
  calendars: Map<string, WorkCalendar>,
): Promise<number> {
  const months = await owedOccurrencesDueBetween(db, today, addDays(today, daysBefore * 3 + 14));
  let sent = 0;
  for (const o of months) {
    let cal = calendars.get(o.organizationId);
    if (!cal) calendars.set(o.organizationId, (cal = await workCalendarOf(db, o.organizationId)));
    const kind = reminderDue(cal, o.dueOn, today, daysBefore);
    if (!kind) continue;
    const emails = await areaStaffEmails(db, o.organizationId, o.areaId);
    if (!emails.length) continue;
    const folio = formatFolioNumber(o);
    const month = formatMonth(Number(o.period.slice(0, 4)), Number(o.period.slice(5, 7)));
    const when = formatLongDate(o.dueOn);
    const subject =
      kind === 'due'
        ? `Hoy vence el informe de ${month} del folio ${folio}`
        : `Recordatorio: el informe de ${month} del folio ${folio} vence el ${when}`;
    const text = [
      `Área: ${o.areaName}`,
      `Folio ${folio}: ${o.subject}`,
      `${o.description}: informe de ${month}.`,
      `Plazo: ${when}.`,
      '',
      `Responda el mes en Vincula: ${publicUrl}/canal/turnos`,
    ].join('\n');
    const claimed = await inTransaction(db, async (tx) => {
      const mine = await claimReminder(tx, {
        organizationId: o.organizationId,
        occurrenceId: o.id,
        kind,
        dueOn: o.dueOn,
        recipients: emails.length,
      });
      if (mine) for (const to of emails) await queueMail(queue, { to, subject, text }, withinTransaction(tx));
      return mine;
    });
    if (claimed) sent++;
  }
  return sent;
}
