import { describe, expect, it } from 'vitest';
import { PLAIN_CALENDAR } from '../platform/calendar/business-days';
import {
  claimBatchSize,
  isHardBounce,
  isPermanentFailure,
  parseDsn,
  arcoDueOn,
  arcoExtendedDueOn,
  auditDigest,
  businessDaysLeft,
  compileTemplate,
  duplicateReason,
  emailKey,
  keysOf,
  maskEmail,
  nameKey,
  phoneKey,
  renderTemplate,
  retryDelaySeconds,
  signLedgerToken,
  unknownMergeFields,
  verifyLedgerToken,
} from './rules';

describe('duplicate keys', () => {
  it('normalizes e-mail, phone and name', () => {
    expect(emailKey('  Ana.Perez@Ejemplo.MX ')).toBe('ana.perez@ejemplo.mx');
    expect(emailKey('  ')).toBeNull();
    for (const p of [
      '+52 1 55 1234 5678',
      '(55) 1234-5678',
      '5512345678',
      '52 55 1234 5678',
      '0052 55 1234 5678',
    ])
      expect(phoneKey(p)).toBe('5512345678');
    expect(phoneKey('+1 (213) 555-0100')).toBe('12135550100');
    expect(nameKey('  José   PÉREZ ')).toBe('jose perez');
  });
  it('takes the same e-mail or phone as the same contact, a shared name only without either', () => {
    const a = keysOf({ fullName: 'Ana López', email: 'ana@x.mx' });
    expect(duplicateReason(keysOf({ fullName: 'Otra', email: 'ANA@x.mx' }), a)).toMatch(/correo/);
    expect(duplicateReason(keysOf({ fullName: 'Ana Lopez', email: 'otra@x.mx' }), a)).toBeNull();
    expect(duplicateReason(keysOf({ fullName: 'Ana Lopez' }), keysOf({ fullName: 'ANA LÓPEZ' }))).toMatch(
      /nombre/,
    );
    expect(
      duplicateReason(
        keysOf({ fullName: 'B', phone: '55 1234 5678' }),
        keysOf({ fullName: 'C', phone: '+525512345678' }),
      ),
    ).toMatch(/teléfono/);
  });
});

describe('templates', () => {
  const values = {
    nombre: 'Ana <b>',
    correo: 'ana@x.mx',
    organizacion: 'OSC & Co',
    enlace_baja: 'https://v/baja/t',
  };
  it('fills merge fields, escaping them in HTML', () => {
    expect(renderTemplate('Hola {{nombre}}, {{ organizacion }}', values)).toBe('Hola Ana <b>, OSC & Co');
    expect(renderTemplate('<p>{{nombre}}</p>', values, true)).toBe('<p>Ana &#60;b&#62;</p>');
    expect(compileTemplate('Hola {{nombre}} — {{enlace_baja}}')(values)).toBe(
      'Hola Ana <b> — https://v/baja/t',
    );
    expect(compileTemplate('{{organizacion}}', true)(values)).toBe('OSC &#38; Co');
  });
  it('names unknown merge fields', () => {
    expect(unknownMergeFields('{{nombre}} {{apellido}} {{ cargo }}')).toEqual(['apellido', 'cargo']);
  });
});

describe('signed links', () => {
  it('round-trips and refuses altered or foreign tokens', () => {
    const t = signLedgerToken('secreto', 'unsubscribe', 12345);
    expect(verifyLedgerToken('secreto', 'unsubscribe', t)).toBe(12345);
    expect(verifyLedgerToken('otro-secreto', 'unsubscribe', t)).toBeNull();
    expect(verifyLedgerToken('secreto', 'open', t)).toBeNull();
    expect(verifyLedgerToken('secreto', 'unsubscribe', 'a' + t.slice(1))).toBeNull();
    expect(verifyLedgerToken('secreto', 'unsubscribe', 'corto')).toBeNull();
  });
  it('masks e-mails and digests personal values with a salt', () => {
    expect(maskEmail('ana.perez@ejemplo.mx')).toBe('a***@ejemplo.mx');
    expect(auditDigest('s1', 'Ana')).not.toBe(auditDigest('s2', 'Ana'));
    expect(auditDigest('s1', 'Ana')).toBe(auditDigest('s1', 'Ana'));
    expect(auditDigest('s1', null)).toBeNull();
  });
});

describe('ARCO deadlines (20 business days, extension of 10)', () => {
  it('skips weekends and official holidays', () => {
    // Received Thursday 1 February 2024; Monday 5 February (Constitution Day) does not count.
    expect(arcoDueOn(PLAIN_CALENDAR, '2024-02-01')).toBe('2024-03-01');
    expect(arcoExtendedDueOn(PLAIN_CALENDAR, '2024-03-01')).toBe('2024-03-15');
  });
  it('counts business days left, negative when overdue', () => {
    expect(businessDaysLeft(PLAIN_CALENDAR, '2024-02-26', '2024-03-01')).toBe(4);
    expect(businessDaysLeft(PLAIN_CALENDAR, '2024-03-01', '2024-03-01')).toBe(0);
    expect(businessDaysLeft(PLAIN_CALENDAR, '2024-03-05', '2024-03-01')).toBe(-2);
  });
});

describe('retries', () => {
  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(20)).toBe(3600);
  });
  it('tells permanent SMTP refusals (5xx) from transient ones', () => {
    expect(isPermanentFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentFailure(new Error('ECONNRESET'))).toBe(false);
  });
});

describe('delivery status notifications (RFC 3464) pasted as text', () => {
  const dsn = [
    'Subject: Undelivered Mail Returned to Sender',
    '',
    'Reporting-MTA: dns; mx.ejemplo.test',
    'Arrival-Date: Tue, 5 Mar 2024 10:00:00 -0600',
    '',
    'Final-Recipient: rfc822; Ana@Ejemplo.test',
    'Original-Recipient: rfc822;ana@ejemplo.test',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <ana@ejemplo.test>: Recipient address',
    '  rejected: User unknown',
    '',
    'Final-Recipient: rfc822;<beto@ejemplo.test>',
    'Action: delayed',
    'Status: 4.4.7',
    '',
    'Message-ID: <outreach.1234@vincula.test>',
    'In-Reply-To: <otro@ejemplo.test>',
  ].join('\r\n');

  it('reads each recipient group, unfolding continued lines', () => {
    const parsed = parseDsn(dsn);
    expect(parsed.ledgerIds).toEqual([1234]);
    expect(parsed.recipients).toEqual([
      {
        recipient: 'ana@ejemplo.test',
        action: 'failed',
        status: '5.1.1',
        diagnostic: 'smtp; 550 5.1.1 <ana@ejemplo.test>: Recipient address rejected: User unknown',
      },
      { recipient: 'beto@ejemplo.test', action: 'delayed', status: '4.4.7', diagnostic: null },
    ]);
    expect(parsed.recipients.map(isHardBounce)).toEqual([true, false]);
  });
  it('finds nothing in text that is not a DSN', () => {
    expect(parseDsn('Hola, su correo no llegó. Status: 5.1.1')).toEqual({ ledgerIds: [], recipients: [] });
  });
});

describe('claimBatchSize', () => {
  it('claims about three seconds of messages at the campaign rate, within the requested size', () => {
    expect(claimBatchSize(10, 500, 120)).toBe(30);
    expect(claimBatchSize(2000, 500, 120)).toBe(500);
    expect(claimBatchSize(0.2, 500, 120)).toBe(1);
  });

  it('keeps a batch within a quarter of the lease', () => {
    expect(claimBatchSize(100, 500, 4)).toBe(100);
  });
});
