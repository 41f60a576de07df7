import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it.each([
    ['/directorio/areas?q=uta', '/directorio/areas?q=uta'],
    ['/canal/folios/abc#archivos', '/canal/folios/abc#archivos'],
    ['/', '/'],
    // Dot segments resolve inside the site.
    ['/a/../directorio', '/directorio'],
  ])('keeps the in-app path %s', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  // Known open-redirect bypasses: each must stay on the site. The result must never be a path a
  // browser or the router reads as another host ("//host", "/\host").
  it.each([
    null,
    '',
    'directorio',
    '//evil.example',
    '///evil.example',
    '////evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '\\/evil.example',
    '/..//evil.example',
    '/../\\evil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5C%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    'https://evil.example',
    'https:evil.example',
    'https:/evil.example',
    'http://vincula.invalid@evil.example',
    '//vincula.invalid@evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/%0d%0a//evil.example',
    '//evil%E3%80%82example',
  ])('sends %j home', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });

  it('keeps encoded slashes in the query, where they are data', () => {
    expect(safeRedirectPath('/directorio?q=a%2Fb')).toBe('/directorio?q=a%2Fb');
  });
});
