import { describe, expect, it } from 'vitest';
import './zod-setup';
import { InstitutionInputSchema } from '../modules/directory/contract';
import { isWebUrl, WebUrlSchema } from './web-url';

const institution = { name: 'Universidad', kind: 'university', level: 'national' } as const;

describe('web addresses', () => {
  it.each(['https://www.uam.mx', 'http://ieem.org.mx/consejo?x=1#a', 'HTTPS://WWW.INE.MX/'])(
    'accepts %s',
    (url) => {
      expect(WebUrlSchema.safeParse(url).success).toBe(true);
      expect(isWebUrl(url)).toBe(true);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://ftp.ine.mx',
    'mailto:contacto@ine.mx',
    'https:evil.example',
    '//evil.example',
    'www.uam.mx',
    'no es url',
  ])('refuses %s with a message in Spanish', (url) => {
    const result = WebUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(
      'Escriba una dirección web completa que empiece con http:// o https://.',
    );
    expect(isWebUrl(url)).toBe(false);
  });

  it("an institution's website takes only http and https addresses", () => {
    for (const website of ['javascript:alert(document.cookie)', 'data:text/html,hola']) {
      const result = InstitutionInputSchema.safeParse({ ...institution, website });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['website', 'Escriba una dirección web completa que empiece con http:// o https://.'],
      ]);
    }
    expect(InstitutionInputSchema.safeParse({ ...institution, website: 'https://www.uam.mx' }).success).toBe(
      true,
    );
  });
});
