import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { printPdf } from './pdf-printer';

// Letterhead documents (agendas, minutes, the fortnightly statistical report…) as a small neutral
// model, rendered to DOCX (docx) and PDF (the installation's one pdfmake set-up, pdf-printer.ts).
// Any module may print one: the letterhead names the organization and body, never a module.

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'footnotes'; items: string[] };
/**
 * The letterhead of every page: the organization (name and acronym) and the body on top with the
 * date of issue in Spanish, "Página N de M" at the foot. The same lines in DOCX and PDF.
 */
export type Letterhead = { organization: string; acronym: string; body: string; issuedOn: string };
export type DocModel = { title: string; letterhead?: Letterhead; blocks: DocBlock[] };

/** The letterhead's lines, shared by both renderers. */
export function letterheadLines(l: Letterhead): { top: string; body: string; date: string } {
  return { top: `${l.organization} (${l.acronym})`, body: l.body, date: `Fecha de emisión: ${l.issuedOn}` };
}
export const pageLabel = (page: number, pages: number) => `Página ${page} de ${pages}`;

export type RenderedFile = { body: Buffer; contentType: string; filename: string };

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
export const footnoteMark = (n: number) => SUPERSCRIPTS[n - 1] ?? `(${n})`;

export async function renderDocx(model: DocModel, filename: string): Promise<RenderedFile> {
  const children: (Paragraph | Table)[] = [];
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'title':
        children.push(
          new Paragraph({ text: b.text, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
        );
        break;
      case 'heading':
        children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: [new TextRun({ text: b.text, bold: b.bold })] }));
        break;
      case 'list':
        b.items.forEach((item, i) =>
          children.push(
            new Paragraph({ text: b.numbered ? `${i + 1}. ${item}` : `• ${item}`, indent: { left: 360 } }),
          ),
        );
        break;
      case 'table': {
        const cell = (text: string, bold = false) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
            ],
          }),
        );
        break;
      }
      case 'footnotes':
        b.items.forEach((item, i) =>
          children.push(
            new Paragraph({ children: [new TextRun({ text: `${footnoteMark(i + 1)} ${item}`, size: 18 })] }),
          ),
        );
        break;
    }
  }
  const lines = model.letterhead && letterheadLines(model.letterhead);
  const headers = lines && {
    default: new Header({
      children: [
        new Paragraph({ children: [new TextRun({ text: lines.top, bold: true, size: 20 })] }),
        new Paragraph({ children: [new TextRun({ text: lines.body, size: 18 })] }),
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '888888', space: 4 } },
          children: [new TextRun({ text: lines.date, size: 18 })],
        }),
      ],
    }),
  };
  const footers = {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES],
              size: 16,
            }),
          ],
        }),
      ],
    }),
  };
  const doc = new Document({
    title: model.title,
    creator: 'Vincula',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ ...(headers ? { headers } : {}), footers, children }],
  });
  return { body: await Packer.toBuffer(doc), contentType: DOCX_TYPE, filename: `${filename}.docx` };
}

/** Roboto has no ✓ glyph: a tick is drawn as a vector check mark. */
function pdfCell(text: string): Content {
  if (text !== '✓') return text;
  return {
    canvas: [
      {
        type: 'polyline',
        lineWidth: 1.2,
        lineColor: 'black',
        points: [
          { x: 1, y: 5 },
          { x: 4, y: 8 },
          { x: 10, y: 1 },
        ],
      },
    ],
  };
}

/** The pdfmake definition of a model (pure: unit-tested without rendering). */
export function pdfDefinition(model: DocModel): TDocumentDefinitions {
  const content: Content[] = model.blocks.map((b): Content => {
    switch (b.kind) {
      case 'title':
        return { text: b.text, style: 'title' };
      case 'heading':
        return { text: b.text, style: 'heading' };
      case 'paragraph':
        return { text: b.text, bold: b.bold ?? false, margin: [0, 0, 0, 6] };
      case 'list':
        return b.numbered ? { ol: b.items, margin: [0, 0, 0, 6] } : { ul: b.items, margin: [0, 0, 0, 6] };
      case 'table':
        return {
          table: {
            headerRows: 1,
            widths: b.widths ?? b.header.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [b.header.map((h) => ({ text: h, bold: true })), ...b.rows.map((r) => r.map(pdfCell))],
          },
          fontSize: 9,
          margin: [0, 0, 0, 8],
        };
      case 'footnotes':
        return { stack: b.items.map((item, i) => `${footnoteMark(i + 1)} ${item}`), fontSize: 8 };
    }
  });
  const lines = model.letterhead && letterheadLines(model.letterhead);
  return {
    info: { title: model.title, creator: 'Vincula' },
    pageMargins: [40, lines ? 80 : 40, 40, 50],
    ...(lines
      ? {
          header: (): Content => ({
            margin: [40, 20, 40, 0],
            stack: [
              { text: lines.top, bold: true, fontSize: 10 },
              { text: lines.body, fontSize: 9 },
              { text: lines.date, fontSize: 9, alignment: 'right' },
              {
                canvas: [
                  { type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 0.5, lineColor: '#888888' },
                ],
              },
            ],
          }),
        }
      : {}),
    footer: (page: number, pages: number): Content => ({
      text: pageLabel(page, pages),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
    },
  };
}

export async function renderPdf(model: DocModel, filename: string): Promise<RenderedFile> {
  const body = await printPdf(pdfDefinition(model));
  return { body, contentType: 'application/pdf', filename: `${filename}.pdf` };
}

export function render(model: DocModel, filename: string, format: 'docx' | 'pdf'): Promise<RenderedFile> {
  return format === 'pdf' ? renderPdf(model, filename) : renderDocx(model, filename);
}
