import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createComposer } from './compose-message';

// A small MIME reader for the test: unfolded headers with RFC 2047 words decoded, and the
// quoted-printable parts decoded.
const decodeQp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
const decodeWords = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, w: string) => decodeQp(w.replace(/_/g, ' ')));

function read(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = new Map<string, string>();
  if (!boundary) parts.set('text/plain', decodeQp(body.replace(/\r\n$/, '')));
  else
    for (const part of body.split(`--${boundary}`).slice(1, -1)) {
      const [head, content] = [
        part.slice(0, part.indexOf('\r\n\r\n')),
        part.slice(part.indexOf('\r\n\r\n') + 4),
      ];
      expect(head).toMatch(/Content-Transfer-Encoding: quoted-printable/);
      parts.set(/Content-Type: ([^;]+)/.exec(head)![1]!, decodeQp(content.replace(/\r\n$/, '')));
    }
  return { headers, parts, lines: raw.split('\r\n') };
}

const message = {
  to: 'ana@ejemplo.test',
  subject: 'Invitación para Ana Sánchez Ñúñez, con un asunto largo que hay que plegar en varias líneas',
  text: 'Hola Ana Sánchez:\nle invitamos a la Red de Observación (año 2024).\n\n--\nPara dejar de recibir estos correos: http://vincula.test/baja/abc',
  html: '<p>Hola Ana Sánchez:</p><p>Le invitamos a la <b>Red de Observación</b> = 100 %.</p><img src="http://vincula.test/api/public/outreach/open/0123456789abcdefghijklmnopqrstuvwxyz" width="1" height="1" alt="">',
  messageId: '<outreach.42@vincula.test>',
  headers: [
    [
      'List-Unsubscribe',
      '<http://vincula.test/api/public/outreach/unsubscribe/0123456789abcdefghijklmnopqrstuvwxyz>',
    ],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
  ] as [string, string][],
};

describe('composing a campaign message as MIME text', () => {
  it('says what nodemailer’s composer says: headers, encoded words, quoted-printable parts', async () => {
    const composer = createComposer('"Difusión, CVOE" <difusion@iecm.test>')!;
    expect(composer.envelopeFrom).toBe('difusion@iecm.test');
    const ours = read(composer.compose(message)!);
    const theirs = read(
      (
        (await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({
          from: '"Difusión, CVOE" <difusion@iecm.test>',
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          headers: Object.fromEntries(message.headers),
        })) as unknown as { message: Buffer }
      ).message
        .toString('utf8')
        .replace(/\r?\n/g, '\r\n'),
    );
    for (const h of [
      'from',
      'to',
      'subject',
      'message-id',
      'list-unsubscribe',
      'list-unsubscribe-post',
      'mime-version',
    ])
      expect([h, ours.headers.get(h)]).toEqual([h, theirs.headers.get(h)]);
    expect(ours.headers.get('subject')).toBe(message.subject);
    expect(ours.headers.get('from')).toBe('"Difusión, CVOE" <difusion@iecm.test>'.replace(/"/g, ''));
    expect(new Date(ours.headers.get('date')!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(ours.parts.get('text/plain')).toBe(message.text.replace(/\n/g, '\r\n'));
    expect(ours.parts.get('text/html')).toBe(message.html);
    expect(ours.parts).toEqual(theirs.parts);
    // 7-bit lines; the body's at most 76 characters (RFC 2045), headers folded where they can be (a
    // long URL cannot: RFC 5322's hard limit is 998).
    expect(ours.lines.filter((l) => l.length > 998 || !/^[\x20-\x7e]*$/.test(l))).toEqual([]);
    const body = ours.lines.slice(ours.lines.indexOf(''));
    expect(body.filter((l) => l.length > 76)).toEqual([]);
  });

  it('strips line breaks from header values (no header injection) and sends text alone without HTML', () => {
    const composer = createComposer('Difusión <difusion@iecm.test>')!;
    const { to, text, messageId, headers: extra } = message;
    const raw = composer.compose({
      to,
      text,
      messageId,
      headers: extra,
      subject: 'Hola\r\nBcc: otro@ejemplo.test',
    })!;
    const { headers, parts } = read(raw);
    expect(headers.get('subject')).toBe('Hola Bcc: otro@ejemplo.test');
    expect(headers.has('bcc')).toBe(false);
    expect(headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect([...parts.keys()]).toEqual(['text/plain']);
  });

  it('leaves non-ASCII addresses to nodemailer’s composer', () => {
    expect(createComposer('Difusión <difusión@iecm.test>')).toBeNull();
    expect(
      createComposer('Difusión <difusion@iecm.test>')!.compose({ ...message, to: 'josé@ejemplo.test' }),
    ).toBeNull();
  });
});
