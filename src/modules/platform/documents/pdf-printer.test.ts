import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { printPdf } from './pdf-printer';

// pdfmake's justification, as the printer sets it up: the slack of a justified line goes to its
// spaces, never between a bold number and its comma or after a hyphen.

type Inline = { text: string; x: number; alignment?: string; justifyShift?: number };
type AlignLine = (
  this: { context: { availableWidth: number } },
  line: { inlines: Inline[]; getWidth(): number; lastLineInParagraph?: boolean },
) => void;

describe('the PDF printer', () => {
  it('justifies a line at its spaces only', async () => {
    await printPdf({ content: [{ text: 'x' }] });
    const writer = createRequire(import.meta.url)('pdfmake/src/elementWriter') as {
      prototype: { alignLine: AlignLine };
    };
    const inlines: Inline[] = [
      { text: 'Acuerdo ', x: 0, alignment: 'justify' },
      { text: 'CVOE/002/2023', x: 40 },
      { text: ', se ', x: 110 },
      { text: 'político-', x: 130 },
      { text: 'electorales', x: 170 },
    ];
    const line = { inlines, getWidth: () => 220 };
    writer.prototype.alignLine.call({ context: { availableWidth: 240 } }, line);
    // Twenty points of slack over the two spaces: ten each.
    expect(inlines.map((i) => i.x)).toEqual([0, 50, 120, 150, 190]);
    // The last line of a paragraph stays as written.
    const last = [
      { text: 'fin ', x: 0, alignment: 'justify' },
      { text: 'del texto', x: 20 },
    ];
    writer.prototype.alignLine.call(
      { context: { availableWidth: 240 } },
      { inlines: last, getWidth: () => 60, lastLineInParagraph: true },
    );
    expect(last.map((i) => i.x)).toEqual([0, 20]);
  });
});
