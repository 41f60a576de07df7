import { sql } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import type { JobQueue } from '../platform/jobs/job-queue';
import { inTransaction } from '../platform/db/transaction';
import { AppError, conflict, invalid, notFound } from '../platform/errors';
import type { FieldProblem } from '../../shared/errors';
import { todayInMexicoCity } from '../../shared/dates';
import type { Campaign } from './contract';
import { audienceOf, createLedger, findCampaign, findCampaignRow, updateCampaignRow } from './repository';
import { campaignAudit } from './save-campaign';
import { enqueueCampaign } from './jobs';

/**
 * Starts (or schedules) a draft campaign's e-mail. Refused when nobody targeted can receive it
 * (no consent, opted out, no address): 409 NO_RECIPIENTS. Started now, the ledger — one row per
 * eligible contact — is created in the same transaction that marks the campaign `sending`; then a
 * job is queued. Scheduled for later, the ledger is created when the job runs (beginSending).
 */
export async function startCampaign(
  db: Db,
  jobs: JobQueue,
  actor: ScopedAuditActor,
  id: string,
  options: { smtpConfigured: boolean },
): Promise<Campaign> {
  const started = await inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await findCampaignRow(tx, orgId, id);
    if (!row) throw notFound();
    if (row.status !== 'draft')
      throw conflict('La campaña ya se inició, se programó o es un registro histórico', [
        { path: 'status', message: 'Solo se inicia una campaña en borrador' },
      ]);
    const problems: FieldProblem[] = [];
    if (!row.channels.includes('email'))
      problems.push({
        path: 'channels',
        message:
          'La campaña no tiene el canal de correo electrónico; registre los contactos por WhatsApp o teléfono',
      });
    if (!row.subject) problems.push({ path: 'subject', message: 'Escriba el asunto del correo' });
    if (!row.textTemplate?.trim())
      problems.push({ path: 'textTemplate', message: 'Escriba el texto del correo' });
    if (problems.length) throw invalid(problems);
    if (!options.smtpConfigured)
      throw conflict('No hay un servidor de correo configurado (SMTP_HOST): no es posible enviar la campaña');
    const audience = await audienceOf(tx, orgId, id, row.segmentTags);
    if (!audience.eligible)
      throw new AppError('NO_RECIPIENTS', 409, [
        {
          path: 'baseIds',
          message: audience.targeted
            ? `Ninguna de las ${audience.targeted} personas de las bases elegidas tiene consentimiento vigente sin baja del correo`
            : 'Las bases elegidas no tienen contactos',
        },
      ]);
    const later = row.scheduledAt && row.scheduledAt.getTime() > Date.now();
    if (later) {
      await updateCampaignRow(tx, orgId, id, { status: 'scheduled' });
    } else {
      await createLedger(tx, orgId, id, row.segmentTags);
      const today = todayInMexicoCity();
      await updateCampaignRow(tx, orgId, id, {
        status: 'sending',
        startedAt: new Date(),
        sentOn: today,
        month: today.slice(0, 7),
      });
    }
    const after = (await findCampaign(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: later ? 'outreach.campaign.schedule' : 'outreach.campaign.start',
      entityType: 'outreach_campaign',
      entityId: id,
      after: { ...campaignAudit(after), recipients: after.progress.total },
    });
    return after;
  });
  await enqueueCampaign(
    jobs,
    id,
    started.status === 'scheduled' ? new Date(started.scheduledAt!) : undefined,
  );
  return started;
}

/** When a scheduled campaign's time comes: its ledger is created and it starts sending. */
export async function beginSending(db: Db, campaignId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const rows = await tx.execute(
      // Locks the campaign row: two instances firing the same schedule create one ledger.
      sql`select organization_id, status, segment_tags from outreach_campaign where id = ${campaignId} for update`,
    );
    const row = (
      rows as unknown as { rows: { organization_id: string; status: string; segment_tags: string[] }[] }
    ).rows[0];
    if (!row || row.status !== 'scheduled') return row?.status === 'sending';
    await createLedger(tx, row.organization_id, campaignId, row.segment_tags);
    const today = todayInMexicoCity();
    await updateCampaignRow(tx, row.organization_id, campaignId, {
      status: 'sending',
      startedAt: new Date(),
      sentOn: today,
      month: today.slice(0, 7),
    });
    await recordAudit(
      tx,
      { userId: null, label: 'sistema', organizationId: row.organization_id },
      {
        action: 'outreach.campaign.start',
        entityType: 'outreach_campaign',
        entityId: campaignId,
        after: { scheduled: true },
      },
    );
    return true;
  });
}
