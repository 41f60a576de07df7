import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/**
 * A campaign's messages composed as MIME text once per recipient, with everything that does not
 * depend on the recipient (From, MIME and part headers, the multipart boundary) built once per
 * campaign. nodemailer then only transports the text (`raw`), instead of building a MIME tree
 * per message (its composer costs about as much CPU as the SMTP exchange itself). The output is
 * what nodemailer's composer makes of the same message: UTF-8 headers as RFC 2047 encoded words,
 * text and HTML as quoted-printable parts of a multipart/alternative, CRLF line ends.
 *
 * Addresses must be plain ASCII; `createComposer` returns null for a non-ASCII sender, and
 * `compose` returns null for a non-ASCII recipient (internationalized addresses need SMTPUTF8 or
 * punycode, which nodemailer's composer handles): the caller then uses the composer.
 */

export type ComposedInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  /** Extra headers (ASCII values, e.g. List-Unsubscribe), in order. */
  headers: [string, string][];
  date?: Date;
};

const ASCII_ADDRESS = /^[\x21-\x7e]+@[\x21-\x7e]+$/;
const { foldLines, isPlainText } = mimeFuncs;
// nodemailer's own call for headers: every word encoded once one needs it (its typings omit the flag).
const encodeWords = (value: string) =>
  (mimeFuncs.encodeWords as (v: string, e: 'Q', max: number, all: boolean) => string)(value, 'Q', 52, true);
const quoteString = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** "Name: value", encoded as RFC 2047 words when not plain ASCII, folded at 76 characters. */
export function headerLine(name: string, value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  const encoded = isPlainText(flat) ? flat : encodeWords(flat);
  return foldLines(`${name}: ${encoded}`, 76);
}

function formatAddress(name: string, address: string): string {
  if (!name) return address;
  const display = isPlainText(name) ? (/^[\w ]*$/.test(name) ? name : quoteString(name)) : encodeWords(name);
  return `${display} <${address}>`;
}

function quotedPrintable(body: string): string {
  return qpWrap(qpEncode(body.replace(/\r?\n|\r/g, '\r\n')), 76);
}

/** RFC 5322 date in UTC: "Tue, 24 Nov 2026 11:00:00 +0000". */
function rfcDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export type Composer = {
  /** The envelope sender (the From address). */
  envelopeFrom: string;
  /** The message as MIME text, or null when the recipient's address is not plain ASCII. */
  compose(input: ComposedInput): string | null;
};

/** A composer for one campaign: `from` as "Name <address>" (the name may be quoted or not). */
export function createComposer(from: string): Composer | null {
  const [parsed] = addressparser(from, { flatten: true });
  if (!parsed?.address || !ASCII_ADDRESS.test(parsed.address)) return null;
  const boundary = `--_vincula_${randomBytes(12).toString('hex')}`;
  const fromLine = foldLines(`From: ${formatAddress(parsed.name, parsed.address)}`, 76);
  const textPart = `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
  const htmlPart = `\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
  const alternative = `MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary="${boundary}"\r\n\r\n`;
  const single =
    'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n';
  return {
    envelopeFrom: parsed.address,
    compose(m) {
      if (!ASCII_ADDRESS.test(m.to)) return null;
      let out = `${fromLine}\r\nTo: ${m.to}\r\n${headerLine('Subject', m.subject)}\r\nMessage-ID: ${m.messageId}\r\nDate: ${rfcDate(m.date ?? new Date())}\r\n`;
      for (const [name, value] of m.headers) out += `${headerLine(name, value)}\r\n`;
      if (m.html === undefined) return `${out}${single}${quotedPrintable(m.text)}\r\n`;
      return `${out}${alternative}${textPart}${quotedPrintable(m.text)}${htmlPart}${quotedPrintable(m.html)}\r\n--${boundary}--\r\n`;
    },
  };
}
