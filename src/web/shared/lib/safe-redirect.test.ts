import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it('keeps in-app paths with their query', () => {
    expect(safeRedirectPath('/directorio/areas?q=uta')).toBe('/directorio/areas?q=uta');
  });
  it.each([
    null,
    '',
    'directorio',
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
  ])('sends %s home', (v) => {
    expect(safeRedirectPath(v)).toBe('/');
  });
});
