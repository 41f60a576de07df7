import {
  AlignmentType,
  Document,
  FileChild,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { docxLetterhead, type Letterhead } from '../../platform/documents/letterhead';
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

const runs = (inlines: readonly Inline[]) =>
  inlines.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }));

// Tables are most of a report (2,800+ rows at 10× the reference's volume), and the docx library's
// object per table, row, cell, paragraph, run and property cost ~0.3 ms a cell to build and
// serialize. A table is written here as the element tree the library serializes (its documented
// extension point: a component's own prepForXml), with the cell text's size and weight in two
// paragraph styles instead of on every run. docs/PERFORMANCE.md has the before and after.
type Xml = NonNullable<ReturnType<FileChild['prepForXml']>>;

/** The text width of a US Letter page with the default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH = 9360;
const BORDER = { _attr: { 'w:val': 'single', 'w:color': 'auto', 'w:sz': 4 } };
const TABLE_BORDERS: Xml = {
  'w:tblBorders': [
    { 'w:top': BORDER },
    { 'w:left': BORDER },
    { 'w:bottom': BORDER },
    { 'w:right': BORDER },
    { 'w:insideH': BORDER },
    { 'w:insideV': BORDER },
  ],
};
const HEADER_ROW: Xml = { 'w:trPr': [{ 'w:cantSplit': {} }, { 'w:tblHeader': {} }] };
const BODY_ROW: Xml = { 'w:trPr': [{ 'w:cantSplit': {} }] };
const HEADER_SHADING: Xml = {
  'w:shd': { _attr: { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': 'E8E8E8' } },
};
const STYLE = {
  header: { 'w:pStyle': { _attr: { 'w:val': 'TableHeader' } } },
  body: { 'w:pStyle': { _attr: { 'w:val': 'TableText' } } },
};
const JC = {
  left: { 'w:jc': { _attr: { 'w:val': 'left' } } },
  center: { 'w:jc': { _attr: { 'w:val': 'center' } } },
  right: { 'w:jc': { _attr: { 'w:val': 'right' } } },
};
const BOLD = { 'w:b': {} };
const ITALIC = { 'w:i': {} };

const runXml = (r: Inline): Xml => {
  const props = [...(r.bold ? [BOLD] : []), ...(r.italic ? [ITALIC] : [])];
  const text = { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, r.text] };
  return { 'w:r': props.length ? [{ 'w:rPr': props }, text] : [text] };
};

class TableXml extends FileChild {
  constructor(private readonly xml: Xml) {
    super('w:tbl');
  }
  override prepForXml(): Xml {
    return this.xml;
  }
}

function tableOf(block: Extract<Block, { type: 'table' }>): (FileChild | Paragraph)[] {
  const n = Math.max(1, columnCount(block));
  const weights = block.widths?.length === n ? block.widths : Array.from({ length: n }, () => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const grid = weights.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const widthXml = new Map<string, Xml>();
  const width = (col: number, span: number): Xml => {
    const key = `${col}:${span}`;
    let xml = widthXml.get(key);
    if (!xml) {
      const w = grid.slice(col, col + span).reduce((s, x) => s + x, 0);
      xml = { 'w:tcW': { _attr: { 'w:w': w, 'w:type': 'dxa' } } };
      widthXml.set(key, xml);
    }
    return xml;
  };
  const gridSpans = new Map<number, Xml>();
  const gridSpan = (span: number): Xml => {
    let xml = gridSpans.get(span);
    if (!xml) gridSpans.set(span, (xml = { 'w:gridSpan': { _attr: { 'w:val': span } } }));
    return xml;
  };
  const row = (cells: readonly Cell[], header: boolean): Xml => {
    let col = 0;
    const tcs = cells.map((c) => {
      const span = c.colSpan ?? 1;
      const tcPr = [
        width(col, span),
        ...(span > 1 ? [gridSpan(span)] : []),
        ...(header ? [HEADER_SHADING] : []),
      ];
      col += span;
      const pPr = { 'w:pPr': [header ? STYLE.header : STYLE.body, ...(c.align ? [JC[c.align]] : [])] };
      return { 'w:tc': [{ 'w:tcPr': tcPr }, { 'w:p': [pPr, ...c.runs.map(runXml)] }] };
    });
    return { 'w:tr': [header ? HEADER_ROW : BODY_ROW, ...tcs] };
  };
  const table = new TableXml({
    'w:tbl': [
      {
        'w:tblPr': [
          { 'w:tblW': { _attr: { 'w:w': 5000, 'w:type': 'pct' } } },
          TABLE_BORDERS,
          { 'w:tblLayout': { _attr: { 'w:type': 'fixed' } } },
        ],
      },
      { 'w:tblGrid': grid.map((w) => ({ 'w:gridCol': { _attr: { 'w:w': w } } })) },
      ...block.header.map((r) => row(r, true)),
      ...block.rows.map((r) => row(r, false)),
    ],
  });
  return [
    table,
    ...block.footnotes.map((f) => new Paragraph({ style: 'Footnote', children: [new TextRun({ text: f })] })),
    new Paragraph({ children: [] }),
  ];
}

/** The signers side by side, each under a line to sign on: a borderless one-row table. */
function signaturesOf(block: Extract<Block, { type: 'signatures' }>): FileChild[] {
  if (!block.signers.length) return [];
  const line = '_'.repeat(34);
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          cantSplit: true,
          children: block.signers.map(
            (s) =>
              new TableCell({
                width: { size: Math.floor(100 / block.signers.length), type: WidthType.PERCENTAGE },
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    spacing: { before: 1200 },
                    children: [new TextRun(line)],
                  }),
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new TextRun({ text: s.name, bold: true })],
                  }),
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new TextRun({ text: s.role, size: 20 })],
                  }),
                ],
              }),
          ),
        }),
      ],
    }),
  ];
}

export async function renderDocx(doc: ReportDocument, letterhead?: Letterhead): Promise<Buffer> {
  const children: FileChild[] = [];
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
      case 'signatures':
        children.push(...signaturesOf(block));
        break;
    }
  }
  const head = letterhead && docxLetterhead(letterhead);
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
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          run: { size: 18 },
        },
        {
          id: 'TableHeader',
          name: 'Table Header',
          basedOn: 'TableText',
          run: { bold: true },
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
        ...(head ? { headers: { default: head.header } } : {}),
        footers: {
          default: new Footer({
            children: [
              ...(head?.footerLines ?? []),
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
