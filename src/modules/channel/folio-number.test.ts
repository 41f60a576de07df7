import { describe, expect, it } from 'vitest';
import { folioSeries, formatFolioNumber, parseFolioNumber } from './folio-number';

describe('folio numbers', () => {
  it('round-trips the printed form', () => {
    expect(formatFolioNumber({ number: 270, year: 2023 })).toBe('270/2023');
    expect(parseFolioNumber('270/2023')).toEqual({ number: 270, year: 2023 });
    expect(parseFolioNumber(' 24 / 2024 ')).toEqual({ number: 24, year: 2024 });
  });
  it.each(['', '270', '270/23', '0/2024', 'abc/2024', '1/1800', '12/2024/1'])('refuses %s', (t) => {
    expect(parseFolioNumber(t)).toBeNull();
  });
  it('names one series per module and year', () => {
    expect(folioSeries('follow_up', 2024)).toBe('channel:follow_up:2024');
    expect(folioSeries('consultation', 2024)).not.toBe(folioSeries('follow_up', 2024));
  });
});
