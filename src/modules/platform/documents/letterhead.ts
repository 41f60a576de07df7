import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
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
/** The organization's logo as uploaded (PNG or JPEG), with its size in pixels. */
export type LetterheadLogo = {
  data: Buffer;
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
};

/**
 * The letterhead of every page: the organization's logo and header lines (or its name and acronym
 * when its administrator set none) and the body on top with the date of issue in Spanish; the
 * organization's footer lines and "Página N de M" at the foot. The same lines in DOCX and PDF.
 */
export type Letterhead = {
  organization: string;
  acronym: string;
  body: string;
  /** The day of issue in words; a document dated elsewhere (the quarterly report) leaves it out. */
  issuedOn?: string;
  headerLines?: string[];
  footerLines?: string[];
  logo?: LetterheadLogo;
};
export type DocModel = { title: string; letterhead?: Letterhead; blocks: DocBlock[] };

/** The letterhead's lines, shared by both renderers: the first is printed bold. */
export function letterheadLines(l: Letterhead): { top: string[]; body: string; date: string | null } {
  return {
    top: l.headerLines?.length ? l.headerLines : [`${l.organization} (${l.acronym})`],
    body: l.body,
    date: l.issuedOn ? `Fecha de emisión: ${l.issuedOn}` : null,
  };
}

/** The logo's printed size in points: within 140 × 42, its proportions kept. */
export function logoBox(logo: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(140 / logo.width, 42 / logo.height);
  return { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
}

const dataUrl = (logo: LetterheadLogo) => `data:${logo.mediaType};base64,${logo.data.toString('base64')}`;

/**
 * The PDF page header of a letterhead for a page with `side` points of margin and `width` points
 * of text, and the top margin it needs; the footer's lines above a page label.
 */
export function pdfLetterhead(
  l: Letterhead,
  page: { side: number; width: number },
): { header: Content; top: number; footerLines: Content[]; bottom: number } {
  const lines = letterheadLines(l);
  const text: Content[] = [
    ...lines.top.map((line, k): Content => ({ text: line, bold: k === 0, fontSize: k === 0 ? 10 : 9 })),
    { text: lines.body, fontSize: 9 },
  ];
  const box = l.logo && logoBox(l.logo);
  const top: Content =
    l.logo && box
      ? {
          columns: [
            { image: dataUrl(l.logo), width: box.width, height: box.height },
            { stack: text, margin: [10, 0, 0, 0] },
          ],
        }
      : { stack: text };
  const textHeight = text.length * 12;
  const header: Content = {
    margin: [page.side, 20, page.side, 0],
    stack: [
      top,
      ...(lines.date ? [{ text: lines.date, fontSize: 9, alignment: 'right' as const }] : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 4, x2: page.width, y2: 4, lineWidth: 0.5, lineColor: '#888888' }],
      },
    ],
  };
  const footerLines = (l.footerLines ?? []).map((line): Content => ({
    text: line,
    fontSize: 7,
    color: '#555555',
    alignment: 'center',
  }));
  return {
    header,
    top: 20 + Math.max(textHeight, box?.height ?? 0) + (lines.date ? 12 : 0) + 22,
    footerLines,
    bottom: 50 + footerLines.length * 9,
  };
}

/** The DOCX page header of a letterhead; the footer's lines (its page label is the caller's). */
export function docxLetterhead(l: Letterhead): { header: Header; footerLines: Paragraph[] } {
  const lines = letterheadLines(l);
  const box = l.logo && logoBox(l.logo);
  const logo =
    l.logo && box
      ? [
          new Paragraph({
            children: [
              new ImageRun({
                type: l.logo.mediaType === 'image/png' ? 'png' : 'jpg',
                data: l.logo.data,
                // docx sizes images in pixels at 96 per inch; the box is in points (72 per inch).
                transformation: {
                  width: Math.round((box.width * 4) / 3),
                  height: Math.round((box.height * 4) / 3),
                },
                altText: {
                  name: 'Logotipo',
                  title: l.organization,
                  description: `Logotipo de ${l.organization}`,
                },
              }),
            ],
          }),
        ]
      : [];
  const header = new Header({
    children: [
      ...logo,
      ...lines.top.map(
        (line, k) =>
          new Paragraph({ children: [new TextRun({ text: line, bold: k === 0, size: k === 0 ? 20 : 18 })] }),
      ),
      new Paragraph({
        ...(lines.date
          ? {}
          : { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '888888', space: 4 } } }),
        children: [new TextRun({ text: lines.body, size: 18 })],
      }),
      ...(lines.date
        ? [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '888888', space: 4 } },
              children: [new TextRun({ text: lines.date, size: 18 })],
            }),
          ]
        : []),
    ],
  });
  const footerLines = (l.footerLines ?? []).map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: line, size: 14, color: '555555' })],
      }),
  );
  return { header, footerLines };
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
  const letterhead = model.letterhead && docxLetterhead(model.letterhead);
  const headers = letterhead && { default: letterhead.header };
  const footers = {
    default: new Footer({
      children: [
        ...(letterhead?.footerLines ?? []),
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
  // A4 by pdfmake's default: 595 points wide, 515 of text between 40-point margins.
  const letterhead = model.letterhead && pdfLetterhead(model.letterhead, { side: 40, width: 515 });
  return {
    info: { title: model.title, creator: 'Vincula' },
    pageMargins: [40, letterhead ? Math.max(80, letterhead.top) : 40, 40, letterhead?.bottom ?? 50],
    ...(letterhead ? { header: (): Content => letterhead.header } : {}),
    footer: (page: number, pages: number): Content => ({
      margin: [40, 20, 40, 0],
      stack: [
        ...(letterhead?.footerLines ?? []),
        { text: pageLabel(page, pages), alignment: 'center', fontSize: 8 },
      ],
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
