import { describe, expect, it } from 'vitest';
import { monthsBetween } from './monthly-status-table';

describe('monthsBetween', () => {
  it('lists every month of the period across a new year', () => {
    expect(monthsBetween('2023-11-15', '2024-02-01')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
  it('ends at the last month even past year 9999 in text order (issue 14)', () => {
    expect(monthsBetween('9999-11-01', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(monthsBetween('2024-03-01', '2024-02-01')).toEqual([]);
  });
});
