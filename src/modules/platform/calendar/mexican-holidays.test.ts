import { describe, expect, it } from 'vitest';
import { federalElectionDay, officialHolidays } from './mexican-holidays';

const dates = (year: number) => officialHolidays(year).map((h) => h.date);

describe('officialHolidays (LFT art. 74)', () => {
  it('2024: the handover moved to 1 October, and the election day of 2 June', () => {
    expect(dates(2024)).toEqual([
      '2024-01-01',
      '2024-02-05',
      '2024-03-18',
      '2024-05-01',
      '2024-06-02',
      '2024-09-16',
      '2024-10-01',
      '2024-11-18',
      '2024-12-25',
    ]);
  });

  it('2018: handover on 1 December, election on 1 July', () => {
    expect(dates(2018)).toEqual([
      '2018-01-01',
      '2018-02-05',
      '2018-03-19',
      '2018-05-01',
      '2018-07-01',
      '2018-09-16',
      '2018-11-19',
      '2018-12-01',
      '2018-12-25',
    ]);
  });

  it('2025 and 2026: the seven fixed and Monday holidays only', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-02-03',
      '2025-03-17',
      '2025-05-01',
      '2025-09-16',
      '2025-11-17',
      '2025-12-25',
    ]);
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-16',
      '2026-05-01',
      '2026-09-16',
      '2026-11-16',
      '2026-12-25',
    ]);
  });

  it('2030: handover on 1 October (not 1 December as the library says) and election day', () => {
    expect(dates(2030)).toContain('2030-10-01');
    expect(dates(2030)).not.toContain('2030-12-01');
    expect(dates(2030)).toContain('2030-06-02');
  });

  it('leaves out days that art. 74 does not list', () => {
    const all = [2023, 2024, 2025].flatMap(dates);
    for (const d of ['2024-03-28', '2024-03-29', '2024-11-02', '2024-12-12', '2024-05-10'])
      expect(all).not.toContain(d);
  });

  it('knows federal election days', () => {
    expect(federalElectionDay(2027)).toBe('2027-06-06');
    expect(federalElectionDay(2025)).toBeNull();
  });
});
