import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'drizzle-orm';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import { recordAudit } from '../platform/audit/record-audit';
import { emailEligible, rowsOf } from './repository';
import { flagBouncingAddress } from './record-bounce';
import { createComposer } from './compose-message';
import {
  claimBatchSize,
  MAX_SEND_ATTEMPTS,
  compileTemplate,
  isPermanentFailure,
  retryDelaySeconds,
  signLedgerToken,
  type MergeValues,
} from './rules';

/**
 * The campaign sender. It claims ledger rows in batches (FOR UPDATE SKIP LOCKED, status `sending`
 * with a lease), re-checks each recipient's consent and opt-outs, renders the message and hands it
 * to SMTP over a pool of connections, paced on the organization's shared sending timeline
 * (`outreach_send_pace`: the rate holds across every sender of every instance), and commits each
 * row as sent as soon as the server's "250" arrives. A sender that dies leaves its claimed rows
 * `sending`; when their lease expires any sender claims them again. Every STATUS_POLL_MS it reads
 * the campaign's status: paused or cancelled (from any instance), it stops before its next message.
 *
 * Delivery guarantee: at-least-once, with the smallest window SMTP allows. A connection takes its
 * next message only after the previous one's "sent" is committed, so at any instant at most one
 * message per connection is in doubt, and only between the server's "250" and the commit of that
 * row (an UPDATE by primary key; the "250"s read in one turn of the event loop, and those that
 * arrive while a commit runs, are committed together in one statement). A crash in that window
 * repeats that message on resumption; a crash anywhere else neither loses nor repeats one. Each
 * message has a stable Message-ID (<outreach.LEDGER_ID@host>), so a repeat is recognizable downstream.
 *
 * Messages are composed as MIME text by `compose-message.ts` (the recipient-independent parts once
 * per campaign) and handed to nodemailer's SMTP pool as `raw`.
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
  /** Stop (to be continued by a new job) after this many messages were committed as sent. */
  maxMessages?: number;
  /** Rows committed as sent so far in this run, after each commit. */
  onFlush?: (sentInRun: number) => void;
  /** After each commit statement: rows it marked sent and its duration in ms (benchmarks). */
  onCommit?: (rows: number, ms: number) => void;
  /** A transport to use instead of the configured SMTP server (benchmarks). */
  transport?: Transporter;
};

export type SenderOutcome =
  { kind: 'done' } | { kind: 'again'; at: Date } | { kind: 'stopped'; status: string };

/** How often a running sender reads its campaign's status (pause and cancel take effect within it). */
export const STATUS_POLL_MS = 500;

/** Messages per SMTP connection that may be in doubt at a crash: the one whose commit is awaited. */
export const IN_DOUBT_PER_CONNECTION = 1;

type Claimed = {
  id: string | number;
  contact_id: string;
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

/**
 * Send slots on the organization's timeline, shared through the database by every sender: a run
 * of `chunk` slots, 1/rate seconds apart, is reserved by moving `next_slot_at` forward (one
 * statement; the database's clock, so instances' clocks do not matter). Slots are handed out
 * locally; the ones left when a sender stops are simply not used.
 */
class SharedPace {
  private next = 0;
  private left = 0;
  private reserving: Promise<void> | null = null;
  private readonly interval: number;
  private readonly chunk: number;
  constructor(
    private readonly db: Db,
    private readonly orgId: string,
    rate: number,
  ) {
    this.interval = 1000 / rate;
    // About a tenth of a second of slots per reservation: few statements at high rates, and a
    // sender never holds more than that ahead of the others.
    this.chunk = Math.max(1, Math.min(1000, Math.round(rate / 10)));
  }

  private async reserve() {
    const seconds = (this.chunk * this.interval) / 1000;
    const [r] = await rowsOf<{ start_ms: number | string; now_ms: number | string }>(
      this.db,
      sql`insert into outreach_send_pace as p (organization_id, next_slot_at)
        values (${this.orgId}, clock_timestamp() + make_interval(secs => ${seconds}))
        on conflict (organization_id) do update
          set next_slot_at = greatest(p.next_slot_at, clock_timestamp()) + make_interval(secs => ${seconds})
        returning extract(epoch from p.next_slot_at - make_interval(secs => ${seconds})) * 1000 as start_ms,
          extract(epoch from clock_timestamp()) * 1000 as now_ms`,
    );
    this.next = Number(r!.start_ms) + (Date.now() - Number(r!.now_ms));
    this.left = this.chunk;
  }

  /** Local time (ms) at which the next message may start. */
  async take(): Promise<number> {
    while (this.left === 0)
      await (this.reserving ??= this.reserve().finally(() => {
        this.reserving = null;
      }));
    this.left--;
    const slot = this.next;
    this.next += this.interval;
    return slot;
  }
}

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
  const maxMessages = options.maxMessages ?? Infinity;
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
  const composer = createComposer(from);
  // The recipient-independent parts of each message, once per campaign.
  const textHasLink = (c.text_template ?? '').includes('enlace_baja');
  const htmlHasLink = (c.html_template ?? '').includes('enlace_baja');
  const openBase = `${config.publicUrl}/api/public/outreach/open/`;
  const oneClickBase = `${config.publicUrl}/api/public/outreach/unsubscribe/`;
  const linkBase = `${config.publicUrl}/baja/`;
  const pace = new SharedPace(db, c.organization_id, c.rate_per_second);
  const batchSize = claimBatchSize(c.rate_per_second, requestedBatch, leaseSeconds);
  // Rows this run holds: a row whose lease ran out while still waiting here is not taken twice.
  const held = new Set<string>();
  const transport = options.transport ?? createCampaignTransport(config, concurrency);
  let sentInRun = 0;

  // Paused or cancelled from any instance: noticed within STATUS_POLL_MS.
  let stoppedAs: string | null = null;
  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    rowsOf<{ status: string }>(db, sql`select status from outreach_campaign where id = ${campaignId}`)
      .then(([r]) => {
        if (r && r.status !== 'sending') stoppedAs = r.status;
      })
      .catch(() => undefined)
      .finally(() => (polling = false));
  }, STATUS_POLL_MS);

  // Each row is committed as sent right after its "250". The statement starts once the event loop
  // has read the other answers already waiting in the sockets (setImmediate: after the I/O phase),
  // and the answers that arrive while it runs go into the next one (group commit): one statement
  // serves every connection that got its answer meanwhile, and nobody waits for a batch to fill.
  let waiting: { id: string | number; done: () => void; failed: (e: unknown) => void }[] = [];
  let committing = false;
  const drain = async () => {
    committing = true;
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (!waiting.length) break;
      const group = waiting;
      waiting = [];
      try {
        const t0 = performance.now();
        await db.execute(
          group.length === 1
            ? sql`update outreach_ledger set status = 'sent', sent_at = now(), lease_until = null, last_error = null
                where id = ${group[0]!.id} and status = 'sending'`
            : sql`update outreach_ledger set status = 'sent', sent_at = now(), lease_until = null, last_error = null
                where id = any(${idList(group.map((g) => g.id))}) and status = 'sending'`,
        );
        options.onCommit?.(group.length, performance.now() - t0);
        sentInRun += group.length;
        options.onFlush?.(sentInRun);
        for (const g of group) g.done();
      } catch (error) {
        for (const g of group) g.failed(error);
      }
    }
    committing = false;
  };
  const commitSent = (id: string | number) =>
    new Promise<void>((done, failed) => {
      waiting.push({ id, done, failed });
      if (!committing) void drain();
    });

  const fail = async (row: Claimed, error: unknown) => {
    const message = String((error as Error).message ?? error).slice(0, 500);
    if (isPermanentFailure(error)) {
      await db.execute(
        sql`update outreach_ledger set status = 'bounced', lease_until = null, last_error = ${message} where id = ${row.id}`,
      );
      await flagBouncingAddress(db, row.contact_id);
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
    const link = linkBase + token;
    const oneClick = oneClickBase + token;
    const values: MergeValues = {
      nombre: row.full_name ?? '',
      correo: row.email ?? '',
      organizacion: row.affiliation ?? '',
      enlace_baja: link,
    };
    let body = text(values);
    if (!textHasLink) body += `\n\n--\nPara dejar de recibir estos correos: ${link}`;
    let htmlBody = html?.(values);
    if (htmlBody !== undefined) {
      if (!htmlHasLink)
        htmlBody += `<p style="font-size:small">Para dejar de recibir estos correos: <a href="${link}">darse de baja</a></p>`;
      if (c.track_opens)
        htmlBody += `<img src="${openBase}${signLedgerToken(config.secret, 'open', Number(row.id))}" width="1" height="1" alt="">`;
    }
    const messageId = `<outreach.${row.id}@${host}>`;
    const raw = composer?.compose({
      to: row.email!,
      subject: subject(values),
      text: body,
      ...(htmlBody !== undefined ? { html: htmlBody } : {}),
      messageId,
      headers: [
        ['List-Unsubscribe', `<${oneClick}>`],
        ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
      ],
    });
    if (raw) {
      await transport.sendMail({ envelope: { from: composer!.envelopeFrom, to: [row.email!] }, raw });
      return;
    }
    // A non-ASCII address: nodemailer's composer (punycode, SMTPUTF8).
    await transport.sendMail({
      from,
      to: row.email!,
      subject: subject(values),
      text: body,
      ...(htmlBody !== undefined ? { html: htmlBody } : {}),
      messageId,
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
              and exists (select 1 from outreach_campaign k where k.id = ${campaignId} and k.status = 'sending')
            order by id limit ${batchSize} for update skip locked)
          update outreach_ledger l set status = 'sending', attempts = l.attempts + 1,
            lease_until = now() + make_interval(secs => ${leaseSeconds})
          from picked, outreach_contact c
          where l.id = picked.id and c.id = l.contact_id
          returning l.id, l.contact_id, l.email, l.attempts, c.full_name, c.affiliation, (${emailEligible(sql`l.campaign_id`)}) as eligible`,
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
            last_error = 'Sin consentimiento vigente, con baja del correo, correo inválido o datos suprimidos al momento del envío'
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
    // Rows taken from the queue but not sent because the campaign stopped meanwhile.
    const untouched: Claimed[] = [];
    const worker = async () => {
      for (;;) {
        if (failure) throw failure;
        if (stoppedAs || timedOut) return;
        if (!exhausted && !timedOut && queue.length - head < concurrency * 4) void refill();
        if (head >= queue.length) {
          if (exhausted || timedOut) return;
          await refill();
          continue;
        }
        const row = queue[head++]!;
        // Waits under a millisecond are not slept (a timer costs ≥ 1 ms): a burst of at most
        // one millisecond's worth of messages, the rate holds over any longer span.
        const wait = (await pace.take()) - Date.now();
        if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
        if (stoppedAs) {
          untouched.push(row);
          return;
        }
        let accepted = false;
        try {
          await sendOne(row);
          accepted = true;
        } catch (error) {
          await fail(row, error);
        }
        // The next message waits for this commit: one message in doubt per connection, at most.
        if (accepted) await commitSent(row.id);
        if (Date.now() - started > maxRunMs || sentInRun >= maxMessages) timedOut = true;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await refilling;
    const unsent = untouched.concat(queue.slice(head)).map((r) => r.id);
    if (stoppedAs) {
      // Cancelled: what this sender still held will not be sent. Paused: back in the queue.
      if (unsent.length)
        await db.execute(
          stoppedAs === 'cancelled'
            ? sql`update outreach_ledger set status = 'cancelled', lease_until = null
                where id = any(${idList(unsent)}) and status = 'sending'`
            : sql`update outreach_ledger set status = 'queued', lease_until = null, attempts = attempts - 1
                where id = any(${idList(unsent)}) and status = 'sending'`,
        );
      return { kind: 'stopped', status: stoppedAs };
    }
    if (timedOut) {
      // Claimed but not sent: released at once for the continuation.
      if (unsent.length)
        await db.execute(
          sql`update outreach_ledger set status = 'queued', lease_until = null, attempts = attempts - 1
            where id = any(${idList(unsent)}) and status = 'sending'`,
        );
      return { kind: 'again', at: new Date() };
    }
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
    clearInterval(poll);
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
