import { describe, expect, it } from 'vitest';
import { nextLineNumber, nextObjectiveKey } from './structure-numbers';

const lines = (...numbers: number[]) => numbers.map((number) => ({ number }));
const line = (...keys: string[]) => ({ objectives: keys.map((key) => ({ key })) });

describe('nextLineNumber', () => {
  it('proposes 1 for an empty program, then the next one', () => {
    expect(nextLineNumber([])).toBe(1);
    expect(nextLineNumber(lines(1, 2, 3))).toBe(4);
  });
  it('fills the gap a removed line left (the others keep their numbers)', () => {
    expect(nextLineNumber(lines(1, 3, 4))).toBe(2);
    expect(nextLineNumber(lines(2, 3))).toBe(1);
  });
});

describe('nextObjectiveKey', () => {
  it('proposes A, then the next letter, filling gaps first', () => {
    expect(nextObjectiveKey(line())).toBe('A');
    expect(nextObjectiveKey(line('A', 'B'))).toBe('C');
    expect(nextObjectiveKey(line('A', 'C'))).toBe('B');
  });
  it('goes on with two letters after Z', () => {
    const all = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
    expect(nextObjectiveKey(line(...all))).toBe('AA');
    expect(nextObjectiveKey(line(...all, 'AA'))).toBe('AB');
  });
});
