import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../../src/modules/platform/mail/send-mail-job';
import { startBackgroundWork, stopBackgroundWork } from '../../src/server/runtime';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * E-mail leaves through the durable job queue to a real SMTP server (smtp-server on loopback).
 * The server refuses the first attempt of each message, so delivery relies on the queue's retry.
 */
type Received = { to: string[]; body: string };
const received: Received[] = [];
const attempts = new Map<string, number>();
let smtp: SMTPServer;
let t: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(body)?.[1] ?? '';
        const n = (attempts.get(subject) ?? 0) + 1;
        attempts.set(subject, n);
        if (n === 1) return callback(Object.assign(new Error('Intente más tarde'), { responseCode: 451 }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  t = await startTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_FROM: 'Vincula <vincula@iecm.test>',
  });
  await startBackgroundWork(t.ctx);
});

afterAll(async () => {
  await stopBackgroundWork(t.ctx);
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function until(check: () => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('mail through the job queue', () => {
  it('delivers a queued message over SMTP after the server refused the first attempt', async () => {
    const id = await queueMail(t.ctx.jobs, {
      to: 'consejera@iecm.test',
      subject: 'Recordatorio de vencimiento',
      text: 'El folio 24/2024 vence el 5 de abril.',
    });
    expect(id).toBeTruthy();

    await until(() => received.length === 1);
    expect(attempts.get('Recordatorio de vencimiento')).toBe(2);
    expect(received[0]!.to).toEqual(['consejera@iecm.test']);
    expect(received[0]!.body).toContain('From: Vincula <vincula@iecm.test>');
    expect(received[0]!.body).toContain('El folio 24/2024 vence el 5 de abril.');
  });
});
