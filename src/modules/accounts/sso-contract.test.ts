import { describe, expect, it } from 'vitest';
import { isSsoRefusal } from './sso-contract';

describe('single sign-on refusals', () => {
  it('come only from the known reasons in the address', () => {
    expect(isSsoRefusal('dominio')).toBe(true);
    expect(isSsoRefusal('sin-cuenta')).toBe(true);
    expect(isSsoRefusal('toString')).toBe(false);
    expect(isSsoRefusal('<script>')).toBe(false);
    expect(isSsoRefusal(null)).toBe(false);
  });
});
