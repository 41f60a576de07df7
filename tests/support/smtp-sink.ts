import { SMTPServer } from 'smtp-server';

/** A message as received by the sink. */
export type SinkMessage = { to: string[]; messageId: string; raw: string };

/**
 * A local SMTP server that keeps what it receives (tests and benchmarks). `hold` makes it stop
 * answering DATA: messages then stay unacknowledged (as a server that hangs), which lets a test
 * kill a sender at a moment where nothing is in doubt. `refuse` makes it answer DATA with an SMTP
 * error (e.g. 451 for a transient failure, 550 for a permanent one) until `refuse(null)`.
 */
export async function startSmtpSink(options: { keepRaw?: boolean } = {}) {
  // keepRaw false keeps only recipients and Message-IDs (benchmarks: 100,000 messages).
  const received: SinkMessage[] = [];
  let holding = false;
  let refusing: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
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
    hold() {
      holding = true;
    },
    release() {
      holding = false;
    },
    refuse(code: number | null) {
      refusing = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
