import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PUBLISHED_DEVELOPMENT_SECRET } from './config';

describe('loadConfig', () => {
  it('has working defaults for the embedded database', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.publicUrl).toBe('http://localhost:3000');
    // Only this machine unless HOST says otherwise: the demo's password is published.
    expect(c.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(c.requestLog).toEqual({ mode: 'problems', slowMs: 1000 });
  });
  it('logs every request only when asked, and refuses an unknown request-log mode', () => {
    expect(loadConfig({ VINCULA_LOG_REQUESTS: 'all', VINCULA_SLOW_REQUEST_MS: '250' }).requestLog).toEqual({
      mode: 'all',
      slowMs: 250,
    });
    expect(() => loadConfig({ VINCULA_LOG_REQUESTS: 'todo' })).toThrow(/VINCULA_LOG_REQUESTS/);
    expect(() => loadConfig({ VINCULA_SLOW_REQUEST_MS: '-1' })).toThrow(/VINCULA_SLOW_REQUEST_MS/);
  });
  it('names every wrong variable at once', () => {
    try {
      loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://h/db', SMTP_PORT: '0' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('SMTP_PORT');
    }
  });
  it('reads the single sign-on providers as JSON, checked field by field', () => {
    expect(loadConfig({}).sso).toEqual([]);
    const provider = {
      id: 'entra',
      label: 'Microsoft',
      issuer: 'https://login.microsoftonline.com/tenant/v2.0/',
      clientId: 'cliente',
      clientSecret: 'secreto',
      organization: 'IEEM',
      domains: ['IEEM.org.mx'],
    };
    expect(loadConfig({ VINCULA_SSO_PROVIDERS: JSON.stringify([provider]) }).sso).toEqual([
      {
        ...provider,
        issuer: 'https://login.microsoftonline.com/tenant/v2.0',
        domains: ['ieem.org.mx'],
        trustEmail: false,
      },
    ]);
    const problems = (value: unknown) => {
      try {
        loadConfig({ VINCULA_SSO_PROVIDERS: typeof value === 'string' ? value : JSON.stringify(value) });
        return '';
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
    };
    expect(problems('[{id:')).toMatch(/^VINCULA_SSO_PROVIDERS: debe ser JSON/);
    expect(problems([{ ...provider, issuer: 'no es una dirección' }])).toMatch(
      /VINCULA_SSO_PROVIDERS\.0\.issuer/,
    );
    expect(problems([{ ...provider, domains: [] }])).toMatch(/VINCULA_SSO_PROVIDERS\.0\.domains/);
    expect(problems([{ ...provider, domains: ['@ieem'] }])).toMatch(/dominios: p\. ej\. ople\.mx/);
    expect(problems([{ ...provider, id: 'Con Espacios' }])).toMatch(/VINCULA_SSO_PROVIDERS\.0\.id/);
    expect(problems([{ ...provider, extra: 1 }])).toMatch(/VINCULA_SSO_PROVIDERS\.0/);
    expect(problems([provider, provider])).toMatch(/cada proveedor necesita un id distinto/);
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });
  it('leaves the secret to the installation when none is configured, in production too', () => {
    expect(loadConfig({}).secret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }).secret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', VINCULA_SECRET: 's'.repeat(40) }).secret).toBe(
      's'.repeat(40),
    );
  });
  it('refuses a short secret, and the published development secret in production', () => {
    expect(() => loadConfig({ VINCULA_SECRET: 'corta' })).toThrow(/VINCULA_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', VINCULA_SECRET: 'corta' })).toThrow(/VINCULA_SECRET/);
    try {
      loadConfig({ NODE_ENV: 'production', VINCULA_SECRET: PUBLISHED_DEVELOPMENT_SECRET });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([
        expect.stringMatching(/^VINCULA_SECRET: es el valor de desarrollo publicado en el código/),
      ]);
    }
  });
  it('trusts forwarded headers only from the configured proxies', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(
      loadConfig({ VINCULA_TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,::1, fd00::/8 ,loopback' })
        .trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
    for (const wrong of ['proxy.interno', '10.0.0.0/33', '10.0.0.300', '10.0.0.1,', 'fd00::/129', '*']) {
      try {
        loadConfig({ VINCULA_TRUSTED_PROXIES: wrong });
        expect.unreachable(wrong);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).problems).toEqual([expect.stringMatching(/^VINCULA_TRUSTED_PROXIES: /)]);
      }
    }
  });
  it('validates the channel attachment limits and the reminder lead', () => {
    const c = loadConfig({
      VINCULA_CHANNEL_ATTACHMENT_TYPES: ' PDF, docx,pdf ',
      VINCULA_CHANNEL_ATTACHMENT_MAX_MB: '2',
    });
    expect(c.channel).toEqual({
      attachmentMaxBytes: 2 * 1024 * 1024,
      attachmentTypes: ['pdf', 'docx'],
      reminderBusinessDays: 2,
    });
    expect(() => loadConfig({ VINCULA_CHANNEL_ATTACHMENT_TYPES: 'pdf;exe' })).toThrow(
      /VINCULA_CHANNEL_ATTACHMENT_TYPES/,
    );
    expect(() => loadConfig({ VINCULA_CHANNEL_ATTACHMENT_MAX_MB: '30' })).toThrow(
      /no puede exceder VINCULA_MAX_UPLOAD_MB/,
    );
    // Unset, it follows a lower upload limit instead of refusing to start.
    expect(loadConfig({ VINCULA_MAX_UPLOAD_MB: '0.5' }).channel.attachmentMaxBytes).toBe(512 * 1024);
    expect(loadConfig({}).channel.attachmentMaxBytes).toBe(10 * 1024 * 1024);
    expect(() => loadConfig({ VINCULA_CHANNEL_REMINDER_DAYS: '-1' })).toThrow(
      /VINCULA_CHANNEL_REMINDER_DAYS/,
    );
  });
});
