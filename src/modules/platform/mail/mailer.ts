import nodemailer from 'nodemailer';
import type { Config } from '../config/config';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /**
   * A calendar invitation (iTIP): nodemailer sends it as the text/calendar alternative with its
   * method, which is what Outlook and Google Calendar read to add, update or cancel the event.
   */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string; filename?: string };
  /** Files sent with the message (e.g. a report's DOCX and PDF); not for queued jobs' JSON. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

export type Mailer = {
  /** Hands the message to the SMTP server; resolves with its message id. */
  send(mail: OutgoingMail): Promise<string>;
  /** True when no SMTP server is configured and messages are only written to the log. */
  readonly logOnly: boolean;
};

/**
 * Sends over the configured SMTP server. Without SMTP_HOST (a development install) messages are
 * rendered but only logged, so nothing pretends to have been delivered.
 */
export function createMailer(
  config: Config,
  log: (msg: string, data: object) => void = () => undefined,
): Mailer {
  const { smtp } = config;
  if (!smtp.host) {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    return {
      logOnly: true,
      async send(mail) {
        const info = await transport.sendMail({ from: smtp.from, ...mail });
        log('mail not sent: SMTP_HOST is not configured', { to: mail.to, subject: mail.subject });
        return info.messageId;
      },
    };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // Local relays in development and tests use self-signed certificates.
    tls: { rejectUnauthorized: config.env === 'production' },
  });
  return {
    logOnly: false,
    async send(mail) {
      const info = await transport.sendMail({ from: smtp.from, ...mail });
      return info.messageId;
    },
  };
}
