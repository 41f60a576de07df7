import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'drizzle-orm';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { emailEligible, rowsOf } from './repository';
import {
  MAX_SEND_ATTEMPTS,
  Pacer,
  compileTemplate,
  isPermanentFailure,
  retryDelaySeconds,
  signLedgerToken,
  type MergeValues,
} from './rules';

/**
 * The campaign sender. It claims ledger rows in batches (FOR UPDATE SKIP LOCKED, status `sending`
 * with a lease), re-checks each recipient's consent and opt-outs, renders the message and hands it
 * to SMTP over a pool of connections at the campaign's rate, and marks the rows sent in small
 * groups. A sender that dies leaves its claimed rows `sending`; when their lease expires any
 * sender claims them again.
 *
 * Delivery guarantee: at-least-once. A message accepted by the SMTP server but not yet marked sent
 * when the process dies is sent again after the lease expires. That window is, per message, the
 * time between the server's "250 OK" and the next ledger flush (at most FLUSH_EVERY messages or
 * FLUSH_MS; never more than MAX_UNCOMMITTED + connections messages at once); a crash anywhere else neither loses nor repeats a message. Each message has a
 * stable Message-ID (<outreach.LEDGER_ID@host>), so a repeat is recognizable downstream.
 */

export type SenderOptions = {
  /** Rows claimed at once. */
  batchSize?: number;
  /** SMTP connections used in parallel. */
  concurrency?: number;
  /** Seconds a claim is valid; a claim older than this is taken as abandoned. */
  leaseSeconds?: number;
  /** Base of the retry backoff, in seconds. */
  retryBaseSeconds?: number;
  /** Stop (to be continued by a new job) after this long. */
  maxRunMs?: number;
  /** Rows marked sent so far in this run, after each flush. */
  onFlush?: (sentInRun: number) => void;
  /** A transport to use instead of the configured SMTP server (benchmarks). */
  transport?: Transporter;
};

export type SenderOutcome = { kind: 'done' } | { kind: 'again'; at: Date };

const FLUSH_EVERY = 20;
const FLUSH_MS = 50;
/** Messages accepted by SMTP but not yet committed as sent, at most: senders wait beyond it. */
const MAX_UNCOMMITTED = 40;

type Claimed = {
  id: string | number;
  email: string | null;
  attempts: number;
  full_name: string | null;
  affiliation: string | null;
  eligible: boolean;
};

export function createCampaignTransport(config: Config, concurrency: number): Transporter {
  const { smtp } = config;
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    pool: true,
    maxConnections: concurrency,
    maxMessages: Infinity,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    tls: { rejectUnauthorized: config.env === 'production' },
  });
}

/** "Nombre <dirección>": the campaign's sender label with the configured address. */
function fromOf(config: Config, label: string | null): string {
  if (!label) return config.smtp.from;
  const address = /<([^>]+)>/.exec(config.smtp.from)?.[1] ?? config.smtp.from;
  return `"${label.replace(/["\\]/g, '')}" <${address}>`;
}

const idList = (ids: (string | number)[]) => sql`string_to_array(${ids.join(',')}, ',')::bigint[]`;

export async function sendCampaign(
  db: Db,
  config: Config,
  campaignId: string,
  options: SenderOptions = {},
): Promise<SenderOutcome> {
  const requestedBatch = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 8;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const maxRunMs = options.maxRunMs ?? 4 * 60_000;
  const started = Date.now();

  const [c] = await rowsOf<{
    organization_id: string;
    status: string;
    subject: string | null;
    text_template: string | null;
    html_template: string | null;
    from_label: string | null;
    rate_per_second: number;
    track_opens: boolean;
  }>(
    db,
    sql`select organization_id, status, subject, text_template, html_template, from_label, rate_per_second, track_opens
    from outreach_campaign where id = ${campaignId}`,
  );
  if (!c || c.status !== 'sending') return { kind: 'done' };

  const subject = compileTemplate(c.subject ?? '');
  const text = compileTemplate(c.text_template ?? '');
  const html = c.html_template ? compileTemplate(c.html_template, true) : null;
  const host = new URL(config.publicUrl).hostname;
  const from = fromOf(config, c.from_label);
  const pacer = new Pacer(c.rate_per_second);
  // A claimed row must be sent before its lease ends: at a low rate, smaller batches.
  const batchSize = Math.max(1, Math.min(requestedBatch, Math.floor((c.rate_per_second * leaseSeconds) / 4)));
  // Rows this run holds: a row whose lease ran out while still waiting here is not taken twice.
  const held = new Set<string>();
  const transport = options.transport ?? createCampaignTransport(config, concurrency);
  let sentInRun = 0;

  // Rows accepted by SMTP, waiting to be marked sent; flushed in order, one flush at a time.
  let pending: (string | number)[] = [];
  let uncommitted = 0;
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return flushing;
    const ids = pending;
    pending = [];
    flushing = flushing.then(async () => {
      await db.execute(
        sql`update outreach_ledger set status = 'sent', sent_at = now(), lease_until = null, last_error = null
          where id = any(${idList(ids)}) and status = 'sending'`,
      );
      sentInRun += ids.length;
      uncommitted -= ids.length;
      options.onFlush?.(sentInRun);
    });
    return flushing;
  };

  const fail = async (row: Claimed, error: unknown) => {
    const message = String((error as Error).message ?? error).slice(0, 500);
    if (isPermanentFailure(error)) {
      await db.execute(
        sql`update outreach_ledger set status = 'bounced', lease_until = null, last_error = ${message} where id = ${row.id}`,
      );
    } else if (row.attempts >= MAX_SEND_ATTEMPTS) {
      await db.execute(
        sql`update outreach_ledger set status = 'failed', lease_until = null, last_error = ${message} where id = ${row.id}`,
      );
    } else {
      const delay = retryDelaySeconds(row.attempts, options.retryBaseSeconds);
      await db.execute(sql`update outreach_ledger set status = 'queued', lease_until = null, last_error = ${message},
        next_attempt_at = now() + make_interval(secs => ${delay}) where id = ${row.id}`);
    }
  };

  const sendOne = async (row: Claimed) => {
    const token = signLedgerToken(config.secret, 'unsubscribe', Number(row.id));
    const link = `${config.publicUrl}/baja/${token}`;
    const oneClick = `${config.publicUrl}/api/public/outreach/unsubscribe/${token}`;
    const values: MergeValues = {
      nombre: row.full_name ?? '',
      correo: row.email ?? '',
      organizacion: row.affiliation ?? '',
      enlace_baja: link,
    };
    let body = text(values);
    if (!c.text_template?.includes('enlace_baja'))
      body += `\n\n--\nPara dejar de recibir estos correos: ${link}`;
    let htmlBody = html?.(values);
    if (htmlBody !== undefined) {
      if (!c.html_template?.includes('enlace_baja'))
        htmlBody += `<p style="font-size:small">Para dejar de recibir estos correos: <a href="${link}">darse de baja</a></p>`;
      if (c.track_opens)
        htmlBody += `<img src="${config.publicUrl}/api/public/outreach/open/${signLedgerToken(config.secret, 'open', Number(row.id))}" width="1" height="1" alt="">`;
    }
    await transport.sendMail({
      from,
      to: row.email!,
      subject: subject(values),
      text: body,
      ...(htmlBody !== undefined ? { html: htmlBody } : {}),
      messageId: `<outreach.${row.id}@${host}>`,
      headers: {
        'List-Unsubscribe': `<${oneClick}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  };

  try {
    // Workers pull from a queue of claimed rows; the next batch is claimed while the current one
    // is still being sent, so the SMTP connections never wait for the database between batches.
    let queue: Claimed[] = [];
    let head = 0;
    let exhausted = false;
    let timedOut = false;
    let failure: unknown;
    let refilling: Promise<void> | null = null;
    const claimBatch = async () => {
      const claimed = await rowsOf<Claimed>(
        db,
        sql`with picked as (
            select id from outreach_ledger
            where campaign_id = ${campaignId}
              and ((status = 'queued' and next_attempt_at <= now()) or (status = 'sending' and lease_until < now()))
            order by id limit ${batchSize} for update skip locked)
          update outreach_ledger l set status = 'sending', attempts = l.attempts + 1,
            lease_until = now() + make_interval(secs => ${leaseSeconds})
          from picked, outreach_contact c
          where l.id = picked.id and c.id = l.contact_id
          returning l.id, l.email, l.attempts, c.full_name, c.affiliation, (${emailEligible(sql`l.campaign_id`)}) as eligible`,
      );
      if (!claimed.length) {
        exhausted = true;
        return;
      }
      claimed.sort((a, b) => Number(a.id) - Number(b.id));
      const fresh = claimed.filter((r) => !held.has(String(r.id)));
      for (const r of fresh) held.add(String(r.id));
      const skipped = fresh.filter((r) => !r.eligible || !r.email);
      if (skipped.length)
        await db.execute(
          sql`update outreach_ledger set status = 'skipped', lease_until = null,
            last_error = 'Sin consentimiento vigente, con baja del correo o datos suprimidos al momento del envío'
            where id = any(${idList(skipped.map((r) => r.id))})`,
        );
      queue = queue.slice(head).concat(fresh.filter((r) => r.eligible && r.email));
      head = 0;
    };
    const refill = () =>
      (refilling ??= claimBatch()
        .catch((error: unknown) => {
          failure = error;
        })
        .finally(() => {
          refilling = null;
        }));
    const worker = async () => {
      for (;;) {
        if (failure) throw failure;
        if (!exhausted && !timedOut && queue.length - head < concurrency * 4) void refill();
        if (head >= queue.length) {
          if (exhausted || timedOut) return;
          await refill();
          continue;
        }
        // Back-pressure: a slow database bounds what a crash could leave in doubt.
        while (uncommitted >= MAX_UNCOMMITTED) await flush();
        const row = queue[head++]!;
        // Waits under a millisecond are not slept (a timer costs ≥ 1 ms): a burst of at most
        // one millisecond's worth of messages, the rate holds over any longer span.
        const wait = pacer.delay(Date.now());
        if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
        try {
          await sendOne(row);
          pending.push(row.id);
          uncommitted++;
          if (pending.length >= FLUSH_EVERY) void flush();
          // A slow trickle is flushed within FLUSH_MS: the in-doubt window stays short.
          else timer ??= setTimeout(() => void flush(), FLUSH_MS);
        } catch (error) {
          await fail(row, error);
        }
        if (Date.now() - started > maxRunMs) timedOut = true;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await refilling;
    await flush();
    if (timedOut) {
      // Claimed but not sent: released at once for the continuation.
      const unsent = queue.slice(head).map((r) => r.id);
      if (unsent.length)
        await db.execute(
          sql`update outreach_ledger set status = 'queued', lease_until = null, attempts = attempts - 1
            where id = any(${idList(unsent)}) and status = 'sending'`,
        );
      return { kind: 'again', at: new Date() };
    }
    await flush();
    const [left] = await rowsOf<{ open: number; next: Date | string | null }>(
      db,
      sql`select count(*)::int as open,
          min(case when status = 'queued' then next_attempt_at else lease_until end) as next
        from outreach_ledger where campaign_id = ${campaignId} and status in ('queued', 'sending')`,
    );
    if (left && Number(left.open) > 0) return { kind: 'again', at: new Date(left.next ?? Date.now()) };
    await finish(db, campaignId, c.organization_id);
    return { kind: 'done' };
  } finally {
    await flush().catch(() => undefined);
    if (!options.transport) transport.close();
  }
}

async function finish(db: Db, campaignId: string, orgId: string) {
  await db.transaction(async (tx) => {
    const done = await rowsOf<{ id: string }>(
      tx as unknown as Db,
      sql`update outreach_campaign set status = 'sent', finished_at = now(), updated_at = now()
        where id = ${campaignId} and status = 'sending' returning id`,
    );
    if (!done.length) return;
    const counts = await rowsOf<{ status: string; n: number }>(
      tx as unknown as Db,
      sql`select status, count(*)::int as n from outreach_ledger where campaign_id = ${campaignId} group by status`,
    );
    await recordAudit(
      tx as unknown as Db,
      { userId: null, label: 'sistema (envío de campañas)', organizationId: orgId },
      {
        action: 'outreach.campaign.finish',
        entityType: 'outreach_campaign',
        entityId: campaignId,
        after: Object.fromEntries(counts.map((r) => [r.status, Number(r.n)])),
      },
    );
  });
}
