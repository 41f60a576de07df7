import { sql } from 'drizzle-orm';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { UnsubscribeInfo } from './contract';
import { addOptOut, organizationName, rowsOf } from './repository';
import { maskEmail, verifyLedgerToken } from './rules';

// The public side of a campaign e-mail: the unsubscribe link (a page without sign-in, and the
// one-click POST of RFC 8058 that mail clients send) and the open-tracking image. Tokens are
// signed with the installation's secret; a forged or altered token is simply not found.

async function ledgerOf(db: Db, secret: string, purpose: 'unsubscribe' | 'open', token: string) {
  const id = verifyLedgerToken(secret, purpose, token);
  if (id === null) throw notFound();
  const [row] = await rowsOf<{
    id: number;
    organization_id: string;
    contact_id: string;
    email: string | null;
    opted_out: boolean;
  }>(
    db,
    sql`select l.id, l.organization_id, l.contact_id, l.email,
        exists (select 1 from outreach_opt_out o where o.contact_id = l.contact_id and o.channel = 'email') as opted_out
      from outreach_ledger l where l.id = ${id}`,
  );
  if (!row) throw notFound();
  return row;
}

export async function unsubscribeInfo(db: Db, secret: string, token: string): Promise<UnsubscribeInfo> {
  const row = await ledgerOf(db, secret, 'unsubscribe', token);
  return {
    organization: await organizationName(db, row.organization_id),
    maskedEmail: maskEmail(row.email),
    optedOut: row.opted_out,
  };
}

/** Opts the recipient out of e-mail; idempotent (a second click changes nothing). */
export function unsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeInfo> {
  return inTransaction(db, async (tx) => {
    const row = await ledgerOf(tx, secret, 'unsubscribe', token);
    if (!row.opted_out) {
      await addOptOut(tx, row.organization_id, row.contact_id, 'email', 'unsubscribe_link');
      await recordAudit(
        tx,
        { userId: null, label: 'enlace de baja (persona destinataria)', organizationId: row.organization_id },
        {
          action: 'outreach.opt_out.unsubscribe_link',
          entityType: 'outreach_contact',
          entityId: row.contact_id,
          after: { channel: 'email', ledgerId: row.id },
        },
      );
    }
    return {
      organization: await organizationName(tx, row.organization_id),
      maskedEmail: maskEmail(row.email),
      optedOut: true,
    };
  });
}

/** Records the first opening of a tracked message (not audited: it is delivery data, in the ledger). */
export async function recordOpen(db: Db, secret: string, token: string): Promise<void> {
  const id = verifyLedgerToken(secret, 'open', token);
  if (id === null) throw notFound();
  await db.execute(
    sql`update outreach_ledger set opened_at = coalesce(opened_at, now()) where id = ${id} and status = 'sent'`,
  );
}
