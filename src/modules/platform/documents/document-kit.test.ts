import { describe, expect, it } from 'vitest';
import { Ledger, parseInline, runsToText, superscript, table } from './document-kit';

describe('the document kit', () => {
  it('records a figure once and refuses the same figure printed with two values', () => {
    const ledger = new Ledger();
    expect(ledger.figure('sessions', 'Sesiones celebradas', 3)).toBe(3);
    expect(ledger.figure('sessions', 'Sesiones celebradas', 3)).toBe(3);
    expect(ledger.figures).toEqual([{ key: 'sessions', label: 'Sesiones celebradas', value: 3 }]);
    expect(() => ledger.figure('sessions', 'Sesiones celebradas', 4)).toThrow('printed as 3 and 4');
  });

  it('records a figure once per section that states it, whatever each says', () => {
    const ledger = new Ledger();
    ledger.section = 'I';
    ledger.figure('sessions', 'Sesiones celebradas', 3);
    ledger.section = 'II';
    ledger.figure('sessions', 'Sesiones celebradas', 3);
    ledger.figure('sessions', 'Sesiones celebradas', 3);
    ledger.section = 'V';
    // A disagreement between sections is the consistency check's to report, not a failure here.
    expect(ledger.figure('sessions', 'Sesiones celebradas', 4)).toBe(4);
    expect(ledger.figures.map((f) => [f.section, f.value])).toEqual([
      ['I', 3],
      ['II', 3],
      ['V', 4],
    ]);
  });

  it('numbers footnotes through the document and marks them in superscript', () => {
    const ledger = new Ledger();
    expect([ledger.footnote(), ledger.footnote()]).toEqual([1, 2]);
    expect(superscript(12)).toBe('¹²');
  });

  it('reads staff marks and writes them back as staff typed them', () => {
    const runs = parseInline('El Comité sesionó **dos veces** en *modalidad* presencial.');
    expect(runs).toEqual([
      { text: 'El Comité sesionó ' },
      { text: 'dos veces', bold: true },
      { text: ' en ' },
      { text: 'modalidad', italic: true },
      { text: ' presencial.' },
    ]);
    expect(runsToText(runs)).toBe('El Comité sesionó **dos veces** en *modalidad* presencial.');
  });

  it('builds a table from strings, empty strings as empty cells', () => {
    expect(table('t', [['No.', '']], [['1.', '']])).toEqual({
      type: 'table',
      key: 't',
      header: [[{ runs: [{ text: 'No.' }] }, { runs: [] }]],
      rows: [[{ runs: [{ text: '1.' }] }, { runs: [] }]],
      footnotes: [],
    });
  });
});
