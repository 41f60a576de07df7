import { and, eq } from 'drizzle-orm';
import { actorByEmail, auditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { fortnightPeriod, reportSendDay, type Fortnight } from './fortnight';
import { generateFortnightlyReport } from './generate-fortnightly-report';
import { insertNonWorkingDays } from '../platform/calendar/repository';
import { findReportByPeriod, insertReportRecipient, updateReport } from './report-repository';
import { channelReportRecipient } from './report-schema';

/** The councillors of the Commission who receive the fortnightly statistics in the demo. */
export const DEMO_REPORT_RECIPIENTS = [
  { email: 'consejera@iecm.demo', name: 'Erika Estrada Ruíz' },
  { email: 'consejero.presidente@iecm.demo', name: 'Presidencia de la Comisión' },
  { email: 'secretaria.tecnica@iecm.demo', name: 'Secretaría Técnica de la Comisión' },
];

/**
 * The IECM's distribution list, its Holy Week of 2024 as own non-working days, and the six
 * fortnightly reports of January–March 2024, each sent on the day the reference gives (the first
 * weekday after its fortnight). Run after the channel's folios; adds nothing the second time.
 */
export async function seedChannelReportsDemo(db: Db, localEmail: string) {
  const liaison = await actorByEmail(db, localEmail);
  if (!liaison) throw new Error('channel reports demo needs the demo liaison user of the IECM');
  const actor = auditActor(liaison);
  const orgId = liaison.organizationId;
  for (const r of DEMO_REPORT_RECIPIENTS) {
    const [exists] = await db
      .select({ id: channelReportRecipient.id })
      .from(channelReportRecipient)
      .where(
        and(eq(channelReportRecipient.organizationId, orgId), eq(channelReportRecipient.email, r.email)),
      );
    if (!exists) await insertReportRecipient(db, { organizationId: orgId, ...r, createdBy: liaison.userId });
  }
  // Holy Thursday and Good Friday of 2024: folios received before they were declared keep their due dates.
  await insertNonWorkingDays(db, [
    { organizationId: orgId, day: '2024-03-28', reason: 'Semana Santa (Jueves Santo)' },
    { organizationId: orgId, day: '2024-03-29', reason: 'Semana Santa (Viernes Santo)' },
  ]);
  let reports = 0;
  for (const month of [1, 2, 3]) {
    for (const half of [1, 2] as const) {
      const f: Fortnight = { year: 2024, month, half };
      if (await findReportByPeriod(db, orgId, fortnightPeriod(f).from)) continue;
      const sentOn = reportSendDay(f);
      const report = await generateFortnightlyReport(db, actor, f, sentOn);
      await updateReport(db, report.id, {
        state: 'sent',
        recipients: DEMO_REPORT_RECIPIENTS.map((r) => r.email),
        sentOn,
        sentAt: new Date(`${sentOn}T10:00:00-06:00`),
      });
      reports++;
    }
  }
  return { reports };
}
