import type { LocalDate } from '../../shared/dates';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { withinTransaction, type JobQueue } from '../platform/jobs/job-queue';
import { queueMail } from '../platform/mail/send-mail-job';
import { currentAlertStep, expiryAlertMail } from './alerts';
import * as repo from './repository';
import { IN_FORCE } from './contract-status';

export type AlertStep = {
  instrumentId: string;
  title: string;
  effectiveEnd: LocalDate;
  dueOn: LocalDate;
  areas: { id: string; name: string }[];
};

/**
 * The alert steps a run on `on` must send for one organization: every instrument in force whose
 * schedule (from its current end, after renewals and amendments) has a current step nobody has
 * answered. Already-sent steps are filtered by the ledger when recording.
 */
export async function alertStepsDue(db: Db, orgId: string, on: LocalDate): Promise<AlertStep[]> {
  const [settings, tree, actions] = await Promise.all([
    repo.getSettings(db, orgId),
    repo.loadTree(db, orgId),
    repo.lastActions(db, orgId),
  ]);
  const due: Omit<AlertStep, 'title' | 'areas'>[] = [];
  for (const node of tree.values()) {
    if (!IN_FORCE.includes(node.status)) continue;
    const endDate = repo.effectiveEndIn(tree, node.id);
    const step = currentAlertStep(
      {
        endDate,
        leadDays: settings.alertLeadDays,
        repeatEveryDays: settings.alertRepeatDays,
        lastActionOn: actions.get(node.id) ?? null,
      },
      on,
    );
    if (endDate && step) due.push({ instrumentId: node.id, effectiveEnd: endDate, dueOn: step });
  }
  if (!due.length) return [];
  const areas = await repo.instrumentAreas(
    db,
    orgId,
    due.map((d) => d.instrumentId),
  );
  return due
    .map((d) => ({ ...d, title: repo.titleIn(tree, d.instrumentId), areas: areas.get(d.instrumentId) ?? [] }))
    .sort((a, b) => a.effectiveEnd.localeCompare(b.effectiveEnd) || a.title.localeCompare(b.title, 'es'));
}

const SYSTEM = { userId: null, label: 'sistema: alertas de vencimiento de convenios' } as const;

/**
 * The daily job: for every organization, each due alert step is recorded in the ledger and its
 * e-mails (one per current holder of a position in the responsible areas) are queued in the same
 * transaction. The ledger's unique key makes a step go out once, however many instances run the job
 * and however often; a step nobody can receive is still recorded (the UI shows it without
 * recipients). Returns the number of steps recorded by this run.
 */
export async function sendExpiryAlerts(
  db: Db,
  queue: JobQueue,
  options: { on: LocalDate; publicUrl: string },
): Promise<number> {
  let recorded = 0;
  for (const orgId of await repo.organizationsWithInstrumentsInForce(db)) {
    const settings = await repo.getSettings(db, orgId);
    for (const step of await alertStepsDue(db, orgId, options.on)) {
      const sent = await inTransaction(db, async (tx) => {
        const recipients = await repo.areaRecipients(
          tx,
          orgId,
          step.areas.map((a) => a.id),
          options.on,
        );
        const fresh = await repo.insertAlert(tx, orgId, {
          instrumentId: step.instrumentId,
          effectiveEnd: step.effectiveEnd,
          dueOn: step.dueOn,
          sentOn: options.on,
          recipients,
        });
        if (!fresh) return false;
        const mail = expiryAlertMail({
          title: step.title,
          effectiveEnd: step.effectiveEnd,
          sentOn: options.on,
          repeatEveryDays: settings.alertRepeatDays,
          areas: step.areas.map((a) => a.name),
          url: `${options.publicUrl}/convenios/instrumentos/${step.instrumentId}`,
        });
        for (const to of recipients) await queueMail(queue, { to, ...mail }, withinTransaction(tx));
        await recordAudit(
          tx,
          { ...SYSTEM, organizationId: orgId },
          {
            action: 'instrument.expiry_alert',
            entityType: 'instrument',
            entityId: step.instrumentId,
            after: { effectiveEnd: step.effectiveEnd, dueOn: step.dueOn, sentOn: options.on, recipients },
          },
        );
        return true;
      });
      if (sent) recorded++;
    }
  }
  return recorded;
}
