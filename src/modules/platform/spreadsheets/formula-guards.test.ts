import { describe, expect, it } from 'vitest';
import { neutralizeFormula, restoreFormulaText } from './formula-guards';

describe('formula neutralization', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('+cmd|calc')).toBe("'+cmd|calc");
    expect(neutralizeFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
  });
  it('leaves ordinary text, numbers and phone numbers alone', () => {
    expect(neutralizeFormula('Universidad')).toBe('Universidad');
    expect(neutralizeFormula('+52 (55) 1234-5678')).toBe('+52 (55) 1234-5678');
    expect(neutralizeFormula('-3.5')).toBe('-3.5');
    expect(neutralizeFormula('')).toBe('');
  });
  it('restores the original text on import', () => {
    for (const text of ['=1+1', '@x', '+cmd|x', 'normal', "'quoted", '+52 55 1234 5678']) {
      expect(restoreFormulaText(neutralizeFormula(text))).toBe(text);
    }
  });
});
