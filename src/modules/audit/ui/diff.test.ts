import { describe, expect, it } from 'vitest';
import { diffRecords, showValue } from './diff';

describe('diffRecords', () => {
  it('marks changed, added and removed fields and keeps unchanged ones', () => {
    const rows = diffRecords(
      { name: 'A', website: null, aliases: ['x'], gone: 1 },
      { name: 'B', website: null, aliases: ['x'], added: true },
    );
    expect(rows.map((r) => [r.key, r.changed])).toEqual([
      ['name', true],
      ['website', false],
      ['aliases', false],
      ['gone', true],
      ['added', true],
    ]);
  });

  it('treats a missing side (a creation) as every field changed', () => {
    expect(diffRecords(null, { name: 'A' })).toEqual([
      { key: 'name', before: undefined, after: 'A', changed: true },
    ]);
  });

  it('shows values as text', () => {
    expect(showValue(null)).toBe('null');
    expect(showValue(['a', 'b'])).toBe('["a","b"]');
    expect(showValue(undefined)).toBe('');
  });
});
