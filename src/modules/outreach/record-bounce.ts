import { sql } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { invalid } from '../platform/errors';
import type { BounceReport } from './contract';
import { rowsOf } from './repository';
import { HARD_BOUNCES_TO_INVALIDATE, isHardBounce, parseDsn } from './rules';

/**
 * Flags a contact's address invalid once HARD_BOUNCES_TO_INVALIDATE ledger rows sent to that same
 * address bounced (SMTP 5xx at sending, or an asynchronous DSN recorded by staff). Audited as the
 * system. Runs in the caller's transaction. Returns whether it flagged the address now.
 */
export async function flagIfBouncing(tx: Db, contactId: string): Promise<boolean> {
  const [flagged] = await rowsOf<{ organization_id: string; bounces: number }>(
    tx,
    sql`with counted as (
        select count(*)::int as bounces from outreach_ledger l, outreach_contact c
        where c.id = ${contactId} and l.contact_id = c.id and l.status = 'bounced' and lower(l.email) = c.email_key)
      update outreach_contact c set email_invalid_at = now(), updated_at = now()
      from counted
      where c.id = ${contactId} and c.email_invalid_at is null and c.email_key is not null
        and counted.bounces >= ${HARD_BOUNCES_TO_INVALIDATE}
      returning c.organization_id, counted.bounces`,
  );
  if (!flagged) return false;
  await recordAudit(
    tx,
    { userId: null, label: 'sistema (rebotes de correo)', organizationId: flagged.organization_id },
    {
      action: 'outreach.contact.email_invalid',
      entityType: 'outreach_contact',
      entityId: contactId,
      before: { emailInvalid: false },
      after: { emailInvalid: true, hardBounces: Number(flagged.bounces) },
    },
  );
  return true;
}

/** The sender's entry point: its own transaction. */
export function flagBouncingAddress(db: Db, contactId: string): Promise<boolean> {
  return inTransaction(db, (tx) => flagIfBouncing(tx, contactId));
}

type LedgerMatch = { id: number; campaign_id: string; contact_id: string; status: string; topic: string };

/**
 * Records asynchronous bounces from a delivery status notification pasted by staff (no mailbox is
 * read): each permanent-failure group marks its ledger row `bounced` — the row named by the quoted
 * Message-ID, or else the organization's latest message to that address — and may flag the address
 * invalid. Delays (4.x.x) and unknown addresses are reported as ignored, with the reason. Text that
 * is not a DSN is refused (400). One audit entry per bounced row, in one transaction.
 */
export async function recordBounces(db: Db, actor: ScopedAuditActor, dsn: string): Promise<BounceReport> {
  const parsed = parseDsn(dsn);
  if (!parsed.recipients.length)
    throw invalid([
      {
        path: 'dsn',
        message:
          'El texto no es un aviso de no entrega (DSN): no contiene líneas Final-Recipient y Status por destinatario',
      },
    ]);
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const report: BounceReport = { recorded: [], ignored: [] };
    for (const r of parsed.recipients) {
      const recipient = r.recipient ?? '';
      if (!isHardBounce(r)) {
        report.ignored.push({
          recipient,
          status: r.status,
          reason: r.status?.startsWith('4')
            ? 'Aviso de retraso (estado 4.x.x): el servidor sigue intentando, no es un rebote definitivo'
            : 'El aviso no informa una falla permanente (estado 5.x.x)',
        });
        continue;
      }
      const byId = parsed.ledgerIds.length
        ? sql`l.id = any(string_to_array(${parsed.ledgerIds.join(',')}, ',')::bigint[])
            and (l.email is null or lower(l.email) = ${recipient})`
        : sql`lower(l.email) = ${recipient}`;
      const [row] = await rowsOf<LedgerMatch>(
        tx,
        sql`select l.id, l.campaign_id, l.contact_id, l.status, k.topic from outreach_ledger l
          join outreach_campaign k on k.id = l.campaign_id
          where l.organization_id = ${orgId} and ${byId} and l.status in ('sent', 'bounced')
          order by l.sent_at desc nulls last, l.id desc limit 1 for update of l`,
      );
      if (!row) {
        report.ignored.push({
          recipient,
          status: r.status,
          reason: 'No hay un correo enviado por esta organización a esa dirección',
        });
        continue;
      }
      if (row.status === 'bounced') {
        report.ignored.push({ recipient, status: r.status, reason: 'El rebote ya estaba registrado' });
        continue;
      }
      const error = `Rebote ${r.status}${r.diagnostic ? `: ${r.diagnostic}` : ''}`.slice(0, 500);
      await tx.execute(
        sql`update outreach_ledger set status = 'bounced', last_error = ${error} where id = ${row.id}`,
      );
      await recordAudit(tx, actor, {
        action: 'outreach.ledger.bounce',
        entityType: 'outreach_ledger',
        entityId: String(row.id),
        before: { status: row.status },
        after: { status: 'bounced', dsnStatus: r.status, campaignId: row.campaign_id },
      });
      const invalidated = await flagIfBouncing(tx, row.contact_id);
      report.recorded.push({
        ledgerId: Number(row.id),
        campaignId: row.campaign_id,
        campaignTopic: row.topic,
        contactId: row.contact_id,
        recipient,
        status: r.status!,
        emailInvalidated: invalidated,
      });
    }
    return report;
  });
}
