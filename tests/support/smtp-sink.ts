import { SMTPServer } from 'smtp-server';

/** A message as received by the sink. */
export type SinkMessage = { to: string[]; messageId: string; raw: string };

/**
 * A local SMTP server that keeps what it receives (tests and benchmarks). `hold` makes it stop
 * answering DATA: messages then stay unacknowledged (as a server that hangs), which lets a test
 * kill a sender at a moment where nothing is in doubt. `refuse` makes it answer DATA with an SMTP
 * error (e.g. 451 for a transient failure, 550 for a permanent one) until `refuse(null)`.
 * `rejectRecipient(address, code)` answers RCPT TO for that address with the code (550: the mailbox
 * does not exist; 450: try later) until `rejectRecipient(address, null)`; `rcptAttempts` counts
 * RCPT TO commands per address.
 */
export async function startSmtpSink(options: { keepRaw?: boolean } = {}) {
  // keepRaw false keeps only recipients and Message-IDs (benchmarks: 100,000 messages).
  const received: SinkMessage[] = [];
  /** When each message of `received` arrived (Date.now()), same order. */
  const receivedAt: number[] = [];
  let holding = false;
  let refusing: number | null = null;
  const rejected = new Map<string, number>();
  const rcptAttempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      rcptAttempts.set(to, (rcptAttempts.get(to) ?? 0) + 1);
      const code = rejected.get(to);
      if (code === undefined) return callback();
      const text = code >= 500 ? '5.1.1 Mailbox does not exist' : '4.2.1 Mailbox busy, try later';
      callback(Object.assign(new Error(`${text} (test sink)`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (holding) return; // never acknowledged
        if (refusing !== null) {
          const error = Object.assign(new Error(`Refused by the test sink (${refusing})`), {
            responseCode: refusing,
          });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const headerEnd = raw.indexOf('\r\n\r\n');
        const head = headerEnd > 0 ? raw.slice(0, headerEnd) : raw;
        const messageId = /^Message-ID:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? '';
        receivedAt.push(Date.now());
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId,
          raw: options.keepRaw === false ? '' : raw,
        });
        callback();
      });
    },
  });
  // A client killed mid-message resets its connection: not an error of the sink.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    receivedAt,
    hold() {
      holding = true;
    },
    release() {
      holding = false;
    },
    refuse(code: number | null) {
      refusing = code;
    },
    rejectRecipient(address: string, code: number | null) {
      if (code === null) rejected.delete(address.toLowerCase());
      else rejected.set(address.toLowerCase(), code);
    },
    rcptAttempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
