import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// The one pdfmake set-up of the installation: pure JavaScript with its embedded Roboto fonts, so
// nothing is installed on the machine. Letterhead documents and the quarterly report print here.

let printer: PdfPrinter | undefined;
function pdfPrinter(): PdfPrinter {
  if (!printer) {
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
