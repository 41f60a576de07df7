import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { assertSameOrigin } from './csrf';

const req = (method: string, headers: Record<string, string>) =>
  ({ method, headers, protocol: 'http', host: 'vincula.local:3000' }) as unknown as FastifyRequest;
const trusted = 'https://vincula.example.mx';

describe('assertSameOrigin', () => {
  it('lets reads through from anywhere', () => {
    expect(() =>
      assertSameOrigin(
        req('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
        trusted,
      ),
    ).not.toThrow();
  });
  it('lets same-origin writes and non-browser clients through', () => {
    expect(() =>
      assertSameOrigin(req('POST', { origin: trusted, 'sec-fetch-site': 'same-origin' }), trusted),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(req('POST', { origin: 'http://vincula.local:3000' }), trusted),
    ).not.toThrow();
    expect(() => assertSameOrigin(req('POST', {}), trusted)).not.toThrow();
  });
  it('refuses writes from another site', () => {
    expect(() => assertSameOrigin(req('POST', { origin: 'https://evil.example' }), trusted)).toThrow();
    expect(() => assertSameOrigin(req('DELETE', { 'sec-fetch-site': 'cross-site' }), trusted)).toThrow();
    expect(() => assertSameOrigin(req('PATCH', { 'sec-fetch-site': 'same-site' }), trusted)).toThrow();
  });
});
