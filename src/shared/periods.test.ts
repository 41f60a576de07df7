import { describe, expect, it } from 'vitest';
import { quarterKeyOf, quarterOfKey, suggestedQuarter } from './periods';

describe('quarter keys', () => {
  it('names the quarter a day falls in and reads it back', () => {
    expect(quarterKeyOf('2024-02-29')).toBe('2024-T1');
    expect(quarterKeyOf('2026-12-07')).toBe('2026-T4');
    expect(quarterOfKey('2024-T1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterOfKey('2024-T2')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
  });

  it('refuses what is not a quarter key', () => {
    for (const bad of ['2024-T5', '2024-T0', '2024T1', '', null, undefined, '24-T1'])
      expect(quarterOfKey(bad)).toBeNull();
  });
});

describe('suggestedQuarter', () => {
  const today = '2026-12-07';

  it("opens on today's quarter when it holds records", () => {
    expect(suggestedQuarter(['2024-T1', '2026-T4', '2024-T2'], today)).toBe('2026-T4');
  });

  it('opens on the latest quarter before today that holds records', () => {
    expect(suggestedQuarter(['2024-T1', '2024-T3', '2023-T4'], today)).toBe('2024-T3');
  });

  it('opens on the earliest future quarter when records are only ahead', () => {
    expect(suggestedQuarter(['2027-T3', '2027-T1'], today)).toBe('2027-T1');
  });

  it("opens on today's quarter when nothing holds records", () => {
    expect(suggestedQuarter([], today)).toBe('2026-T4');
    expect(suggestedQuarter(['nonsense'], '2024-05-01')).toBe('2024-T2');
  });
});
