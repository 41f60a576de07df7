import { describe, expect, it } from 'vitest';
import { shownDay, timeOrNull, typedDay } from './typed-days';

describe('typed days of a list', () => {
  it('reads dd/mm/aaaa (with one-digit parts) and keeps days that do not exist for the server to name', () => {
    expect(typedDay('5/1/2024')).toBe('2024-01-05');
    expect(typedDay(' 30/02/2024 ')).toBe('2024-02-30');
    expect(typedDay('31-04-2024')).toBe('2024-04-31');
    expect(typedDay('2024-03-15')).toBe('2024-03-15');
    expect(typedDay('mañana')).toBe('mañana');
  });

  it('shows stored days as dd/mm/aaaa and round-trips', () => {
    expect(shownDay('2024-01-05')).toBe('05/01/2024');
    expect(typedDay(shownDay('2024-12-31'))).toBe('2024-12-31');
    expect(shownDay('raro')).toBe('raro');
  });

  it('sends an empty time as null', () => {
    expect(timeOrNull(' ')).toBeNull();
    expect(timeOrNull('09:30')).toBe('09:30');
  });
});
