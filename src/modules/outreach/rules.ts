import { createHmac, timingSafeEqual } from 'node:crypto';
import { fold } from '../../shared/fold';
import type { LocalDate } from '../../shared/dates';
import { addBusinessDays, businessDaysBetween, type WorkCalendar } from '../platform/calendar/business-days';

// Outreach's pure rules: how contacts compare, how templates are filled, how links are signed,
// when an ARCO request is due, how failed sends are retried. No I/O.

// ---- duplicates

/** E-mail as compared: trimmed and lower-cased. */
export function emailKey(email: string | null | undefined): string | null {
  const v = email?.trim().toLowerCase();
  return v ? v : null;
}

/**
 * Phone as compared: its digits, without the international prefix of Mexico ("+52", "52", the old
 * mobile "521") or "00": "+52 1 55 1234 5678", "(55) 1234-5678" and "5512345678" are the same.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  let d = (phone ?? '').replace(/\D/g, '');
  if (!d) return null;
  if (d.startsWith('00')) d = d.slice(2);
  if (d.length === 13 && d.startsWith('521')) d = d.slice(3);
  else if (d.length === 12 && d.startsWith('52')) d = d.slice(2);
  return d;
}

/** Name as compared: accents, case and spacing aside ("José  PÉREZ" = "jose perez"). */
export function nameKey(name: string | null | undefined): string | null {
  const v = fold(name ?? '');
  return v ? v : null;
}

export type DuplicateKeys = { email: string | null; phone: string | null; name: string | null };

export function keysOf(c: { email?: string | null; phone?: string | null; fullName?: string | null }) {
  return { email: emailKey(c.email), phone: phoneKey(c.phone), name: nameKey(c.fullName) };
}

/**
 * Why `candidate` is the same contact as `other`, or null. Same e-mail or same phone is the same
 * contact; the same name counts only when neither has an e-mail or a phone to tell them apart.
 */
export function duplicateReason(candidate: DuplicateKeys, other: DuplicateKeys): string | null {
  return duplicateOf(candidate, other)?.reason ?? null;
}

/** Like duplicateReason, with the field that matched. */
export function duplicateOf(
  candidate: DuplicateKeys,
  other: DuplicateKeys,
): { field: 'email' | 'phone' | 'fullName'; reason: string } | null {
  if (candidate.email && candidate.email === other.email)
    return { field: 'email', reason: 'el mismo correo electrónico' };
  if (candidate.phone && candidate.phone === other.phone)
    return { field: 'phone', reason: 'el mismo teléfono' };
  const anonymous = (k: DuplicateKeys) => !k.email && !k.phone;
  if (candidate.name && candidate.name === other.name && anonymous(candidate) && anonymous(other))
    return { field: 'fullName', reason: 'el mismo nombre (sin correo ni teléfono que los distinga)' };
  return null;
}

// ---- templates

export const MERGE_FIELDS = ['nombre', 'correo', 'organizacion', 'enlace_baja'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

const FIELD_RE = /\{\{\s*([a-zA-Z_áéíóúñ]+)\s*\}\}/g;

/** Merge fields a template names that do not exist. */
export function unknownMergeFields(template: string): string[] {
  const found = new Set<string>();
  for (const m of template.matchAll(FIELD_RE)) {
    if (!(MERGE_FIELDS as readonly string[]).includes(m[1]!)) found.add(m[1]!);
  }
  return [...found];
}

export function escapeHtml(v: string): string {
  return v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fills `{{campo}}` placeholders; in HTML the values are escaped. */
export function renderTemplate(template: string, values: MergeValues, html = false): string {
  return template.replace(FIELD_RE, (whole, name: string) => {
    const v = (values as Record<string, string>)[name];
    if (v === undefined) return whole;
    return html ? escapeHtml(v) : v;
  });
}

/** A compiled template: the split once, the fill per recipient (100,000 recipients, one parse). */
export function compileTemplate(template: string, html = false): (values: MergeValues) => string {
  const parts: (string | { field: string })[] = [];
  let last = 0;
  for (const m of template.matchAll(FIELD_RE)) {
    parts.push(template.slice(last, m.index), { field: m[1]! });
    last = m.index! + m[0].length;
  }
  parts.push(template.slice(last));
  return (values) => {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else {
        const v = (values as Record<string, string>)[p.field];
        out += v === undefined ? `{{${p.field}}}` : html ? escapeHtml(v) : v;
      }
    }
    return out;
  };
}

// ---- signed links (unsubscribe, open tracking)

const MAC_LENGTH = 22;
export type LinkPurpose = 'unsubscribe' | 'open';

function mac(secret: string, purpose: LinkPurpose, id: number): string {
  return createHmac('sha256', secret)
    .update(`outreach:${purpose}:${id}`)
    .digest('base64url')
    .slice(0, MAC_LENGTH);
}

/** A token naming one ledger row, signed with the installation's secret: base-36 id + MAC. */
export function signLedgerToken(secret: string, purpose: LinkPurpose, ledgerId: number): string {
  return ledgerId.toString(36) + mac(secret, purpose, ledgerId);
}

/** The ledger row of a token, or null when it was not signed by this installation. */
export function verifyLedgerToken(secret: string, purpose: LinkPurpose, token: string): number | null {
  if (token.length <= MAC_LENGTH || token.length > MAC_LENGTH + 14) return null;
  const idPart = token.slice(0, -MAC_LENGTH);
  if (!/^[0-9a-z]+$/.test(idPart)) return null;
  const id = parseInt(idPart, 36);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const expected = Buffer.from(mac(secret, purpose, id));
  const given = Buffer.from(token.slice(-MAC_LENGTH));
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** "j***@example.org": enough for the owner to recognize the address, not for others to learn it. */
export function maskEmail(email: string | null): string {
  if (!email) return '(dirección eliminada)';
  const [user, domain] = email.split('@');
  return `${user!.slice(0, 1)}***@${domain ?? ''}`;
}

/** HMAC digest of a personal value for audit entries; unlinkable once the contact's salt is destroyed. */
export function auditDigest(salt: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return createHmac('sha256', salt).update(value).digest('hex').slice(0, 32);
}

// ---- ARCO deadlines

/**
 * Terms of the Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados
 * (LGPDPPSO, art. 51): an answer within 20 business days counted from the day after receipt,
 * extendable once by up to 10 business days when justified and notified within the first term.
 */
export const ARCO_ANSWER_BUSINESS_DAYS = 20;
export const ARCO_EXTENSION_BUSINESS_DAYS = 10;

export function arcoDueOn(cal: WorkCalendar, receivedOn: LocalDate): LocalDate {
  return addBusinessDays(cal, receivedOn, ARCO_ANSWER_BUSINESS_DAYS);
}

export function arcoExtendedDueOn(cal: WorkCalendar, dueOn: LocalDate): LocalDate {
  return addBusinessDays(cal, dueOn, ARCO_EXTENSION_BUSINESS_DAYS);
}

/** Business days from `today` to `dueOn`: 0 on the due day, negative once it has passed. */
export function businessDaysLeft(cal: WorkCalendar, today: LocalDate, dueOn: LocalDate): number {
  return today <= dueOn ? businessDaysBetween(cal, today, dueOn) : -businessDaysBetween(cal, dueOn, today);
}

// ---- retries

export const MAX_SEND_ATTEMPTS = 5;

/** Seconds before attempt `attempt + 1` after `attempt` failed: 30 s, 1 min, 2 min, 4 min… ≤ 1 h. */
export function retryDelaySeconds(attempt: number, baseSeconds = 30): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

/** SMTP answers that will not change by retrying (5xx): the address or message is refused. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

// ---- bounces

/** Hard bounces of the same address after which it is flagged invalid (no campaign is sent to it). */
export const HARD_BOUNCES_TO_INVALIDATE = 2;

export type DsnRecipient = {
  /** Final-Recipient (or Original-Recipient) address, lower-cased. */
  recipient: string | null;
  action: string | null;
  /** Enhanced status code, e.g. "5.1.1". */
  status: string | null;
  diagnostic: string | null;
};

export type ParsedDsn = {
  /** Ledger ids named by `Message-ID: <outreach.ID@host>` headers of the returned message. */
  ledgerIds: number[];
  recipients: DsnRecipient[];
};

/**
 * Reads a delivery status notification (RFC 3464) pasted as text: the per-recipient groups
 * (Final-Recipient, Action, Status, Diagnostic-Code) and the Message-IDs of Vincula's messages it
 * quotes. Header folding and CRLF line ends are accepted; MIME structure is not needed.
 */
export function parseDsn(raw: string): ParsedDsn {
  const text = raw.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ');
  const ledgerIds = [
    ...new Set([...text.matchAll(/<outreach\.(\d{1,15})@[^>\s]+>/gi)].map((m) => Number(m[1]))),
  ].filter((n) => Number.isSafeInteger(n) && n > 0);
  const recipients: DsnRecipient[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const field = (name: string) =>
      new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block)?.[1]?.trim() || null;
    const address = field('Final-Recipient') ?? field('Original-Recipient');
    if (!address) continue;
    const recipient = (address.includes(';') ? address.slice(address.indexOf(';') + 1) : address)
      .trim()
      .replace(/^<|>$/g, '')
      .toLowerCase();
    const status = /^([245])\.(\d{1,3})\.(\d{1,3})/.exec(field('Status') ?? '')?.[0] ?? null;
    recipients.push({
      recipient: recipient || null,
      action: field('Action')?.toLowerCase() ?? null,
      status,
      diagnostic: field('Diagnostic-Code'),
    });
  }
  return { ledgerIds, recipients };
}

/** A DSN group that reports a permanent failure (a hard bounce): status 5.x.x. */
export function isHardBounce(r: DsnRecipient): boolean {
  return r.status?.startsWith('5') ?? false;
}

/** About how long one claimed batch takes to send at the campaign's rate. */
export const CLAIM_SECONDS = 3;

/**
 * Rows claimed at once. Consent and opt-out are checked when rows are claimed, so a batch lasts
 * about CLAIM_SECONDS at the campaign's rate: a withdrawal stops the messages not yet claimed
 * within seconds, and a claimed row is sent well before its lease ends.
 */
export function claimBatchSize(ratePerSecond: number, requested: number, leaseSeconds: number): number {
  return Math.max(
    1,
    Math.min(requested, Math.floor(ratePerSecond * Math.min(CLAIM_SECONDS, leaseSeconds / 4))),
  );
}
