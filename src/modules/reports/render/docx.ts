import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Cell, Inline, ReportDocument } from '../contract';
import { columnCount } from './text';

// DOCX (Word, LibreOffice): named styles, real tables with repeated header rows, headings that
// feed a real table of contents, page numbers in the footer.

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const runs = (inlines: readonly Inline[], size?: number) =>
  inlines.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size }));

function cellOf(c: Cell, header: boolean, width: number): TableCell {
  return new TableCell({
    columnSpan: c.colSpan,
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
    children: [
      new Paragraph({
        alignment: c.align ? ALIGN[c.align] : undefined,
        children: runs(header ? c.runs.map((r) => ({ ...r, bold: true })) : c.runs, 18),
      }),
    ],
  });
}

function tableOf(block: Extract<Block, { type: 'table' }>): (Table | Paragraph)[] {
  const n = Math.max(1, columnCount(block));
  const weights = block.widths?.length === n ? block.widths : Array.from({ length: n }, () => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const pct = (col: number, span = 1) =>
    Math.round((weights.slice(col, col + span).reduce((s, w) => s + w, 0) / total) * 100);
  const row = (cells: Cell[], header: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c) => {
        const cell = cellOf(c, header, pct(col, c.colSpan ?? 1));
        col += c.colSpan ?? 1;
        return cell;
      }),
    });
  };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: weights.map((w) => Math.round((w / total) * 9000)),
    rows: [...block.header.map((r) => row(r, true)), ...block.rows.map((r) => row(r, false))],
  });
  return [
    table,
    ...block.footnotes.map((f) => new Paragraph({ style: 'Footnote', children: [new TextRun({ text: f })] })),
    new Paragraph({ children: [] }),
  ];
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table | TableOfContents)[] = [];
  let lists = 0;
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        children.push(
          new Paragraph({ style: 'Kicker', children: [new TextRun({ text: block.kicker })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text })] }),
        );
        break;
      case 'toc':
        children.push(
          new Paragraph({ style: 'TocTitle', children: [new TextRun({ text: block.title })] }),
          new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
        );
        break;
      case 'pageBreak':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'heading':
        children.push(
          new Paragraph({
            heading: HEADINGS[Math.min(block.level, 4) - 1],
            children: [new TextRun({ text: block.text })],
          }),
        );
        break;
      case 'paragraph':
        children.push(new Paragraph({ style: 'Body', children: runs(block.runs) }));
        break;
      case 'list': {
        const instance = lists++;
        for (const item of block.items)
          children.push(
            new Paragraph({
              style: 'Body',
              numbering: { reference: block.ordered ? 'numbered' : 'bullets', level: 0, instance },
              children: runs(item),
            }),
          );
        break;
      }
      case 'table':
        children.push(...tableOf(block));
        break;
    }
  }
  const document = new Document({
    title: doc.title,
    creator: 'Vincula',
    description: `${doc.organization.name} · ${doc.body.name}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 } },
        title: {
          run: { font: 'Arial', size: 28, bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 480 } },
        },
        heading1: {
          run: { font: 'Arial', size: 26, bold: true },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: 'Arial', size: 24, bold: true },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: 'Arial', size: 22, bold: true },
          paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
        },
        heading4: {
          run: { font: 'Arial', size: 22, bold: true, italics: true },
          paragraph: { keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: 'Body',
          name: 'Body',
          basedOn: 'Normal',
          paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 160, line: 300 } },
        },
        {
          id: 'Kicker',
          name: 'Kicker',
          basedOn: 'Normal',
          run: { bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 480 } },
        },
        {
          id: 'TocTitle',
          name: 'TOC Title',
          basedOn: 'Normal',
          run: { bold: true, size: 24 },
          paragraph: { spacing: { before: 480, after: 240 } },
        },
        {
          id: 'Footnote',
          name: 'Table Footnote',
          basedOn: 'Normal',
          run: { size: 16 },
          paragraph: { spacing: { before: 60 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 540, hanging: 260 } } },
            },
          ],
        },
        {
          reference: 'numbered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 540, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        // US Letter, as Mexican institutions print.
        properties: { page: { size: { width: 12240, height: 15840 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
