import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// The one pdfmake set-up of the installation: pure JavaScript with its embedded Roboto fonts, so
// nothing is installed on the machine. Letterhead documents and the quarterly report print here.

type JustifiedInline = { text: string; x: number; alignment?: string; justifyShift?: number };
type JustifiedLine = {
  inlines: JustifiedInline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  getWidth(): number;
};
type Writer = { context: { availableWidth: number } };

/**
 * pdfmake justifies a line by spreading its slack over every boundary between its pieces, and a
 * piece ends at a change of style or after a hyphen or slash as well as at a space: «CVOE/002/2023»
 * in bold before its comma printed as «CVOE/002/2023 ,», «político-electorales» as «político-
 * electorales» (on the page and in the text a reader copies or reads aloud). The slack goes to the
 * spaces only, as a word processor does.
 */
function justifyAtSpacesOnly(require: NodeJS.Require) {
  const writer = require('pdfmake/src/elementWriter') as {
    prototype: { alignLine(this: Writer, line: JustifiedLine): void; justifiesAtSpaces?: boolean };
  };
  if (writer.prototype.justifiesAtSpaces) return;
  const align = writer.prototype.alignLine;
  writer.prototype.alignLine = function (this: Writer, line: JustifiedLine) {
    if (line.inlines?.[0]?.alignment !== 'justify') return align.call(this, line);
    if (line.newLineForced || line.lastLineInParagraph) return;
    const gap = line.inlines.map((_, k) => k > 0 && /\s$/.test(line.inlines[k - 1]!.text));
    const gaps = gap.filter(Boolean).length;
    if (!gaps) return;
    const extra = (this.context.availableWidth - line.getWidth()) / gaps;
    let shift = 0;
    line.inlines.forEach((inline, k) => {
      if (gap[k]) {
        shift += extra;
        inline.justifyShift = extra;
      }
      inline.x += shift;
    });
  };
  writer.prototype.justifiesAtSpaces = true;
}

let printer: PdfPrinter | undefined;
function pdfPrinter(): PdfPrinter {
  if (!printer) {
    justifyAtSpacesOnly(createRequire(import.meta.url));
    const vfs = createRequire(import.meta.url)('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name]!, 'base64');
    printer = new PdfPrinter({
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    });
  }
  return printer;
}

/** Prints a pdfmake document definition to the bytes of a PDF file. */
export function printPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdf = pdfPrinter().createPdfKitDocument(definition);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.end();
  return done;
}
